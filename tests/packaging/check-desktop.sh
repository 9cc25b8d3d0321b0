#!/usr/bin/env bash
# Validates the desktop integration files as they are in the sources: the AppStream metainfo with
# appstreamcli, the desktop file with desktop-file-validate, and the man pages with groff's warnings on.
#   check-desktop.sh <source dir> <project version>
set -u
source_dir=$1
version=$2
id=io.github.instant_console.InstantConsole
packaging="$source_dir/packaging"
status=0
checked=0

fail() { echo "FAIL: $*"; status=1; }

if command -v appstreamcli >/dev/null; then
    checked=$((checked + 1))
    appstreamcli validate --no-net "$packaging/$id.metainfo.xml" || fail "appstreamcli rejects $id.metainfo.xml"
else
    echo "appstreamcli not found (Debian package appstream): metainfo not validated"
fi

if command -v desktop-file-validate >/dev/null; then
    checked=$((checked + 1))
    out=$(desktop-file-validate "$packaging/$id.desktop" 2>&1)
    [ -z "$out" ] || fail "desktop-file-validate: $out"
else
    echo "desktop-file-validate not found (Debian package desktop-file-utils): desktop file not validated"
fi

# The newest release in the metainfo is the version being built; software centres show it.
newest=$(grep -m1 -o '<release version="[^"]*"' "$packaging/$id.metainfo.xml" | cut -d'"' -f2)
[ "$newest" = "$version" ] || fail "newest <release> in $id.metainfo.xml is '$newest', the project is $version"

# The desktop file and the metainfo must name each other and the icon the same way.
grep -qx "Icon=$id" "$packaging/$id.desktop" || fail "the desktop file's Icon= is not $id"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$packaging/$id.metainfo.xml" \
    || fail "the metainfo's launchable is not $id.desktop"

if command -v groff >/dev/null; then
    for page in instant-console instant-sandbox; do
        checked=$((checked + 1))
        out=$(sed -e "s/@PROJECT_VERSION@/$version/" -e 's/@INSTANT_MAN_DATE@/2000-01-01/' \
            "$packaging/man/$page.1.in" | LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z 2>&1)
        [ -z "$out" ] || fail "groff warns about $page.1: $out"
        grep -q '@[A-Z_]*@' <(sed -e "s/@PROJECT_VERSION@//" -e 's/@INSTANT_MAN_DATE@//' \
            "$packaging/man/$page.1.in") && fail "$page.1.in has an unknown @VARIABLE@"
    done
else
    echo "groff not found: man pages not checked"
fi

if [ $checked -eq 0 ]; then
    echo "SKIP: none of appstreamcli, desktop-file-validate, groff is installed"
    exit 77
fi
[ $status -eq 0 ] && echo "desktop file, metainfo and man pages are valid"
exit $status
