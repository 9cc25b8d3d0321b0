#!/usr/bin/env bash
# Builds the Debian package with cpack, checks its metadata and contents, installs it with apt-get and
# runs the installed binaries.
#   check-deb.sh <build dir> <source dir> <project version> [host|debootstrap]
# host:        installs onto this machine and removes it again (needs root; CI machines are throwaway).
# debootstrap: installs into a fresh Debian 12 minbase root, which also proves that Depends is
#              complete; needs root, debootstrap and a Debian mirror. The base root is cached in the
#              build tree. INSTANT_PACKAGING_TEST_ROOT in the environment overrides the mode.
# Exits 77 (skipped) when the install step cannot run here, after the checks that need no root.
set -eu

build_dir=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
version=$3
mode=${INSTANT_PACKAGING_TEST_ROOT:-${4:-host}}
mirror=${INSTANT_DEBIAN_MIRROR:-http://deb.debian.org/debian}
id=io.github.instant_console.InstantConsole
failures=0

log() { echo "== $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
skip() { echo "SKIP: $*"; exit 77; }

for tool in cpack dpkg-deb; do
    command -v "$tool" >/dev/null || skip "$tool not found: not a Debian system"
done
# Without dpkg-shlibdeps CPack builds a package that lacks its library dependencies and says nothing.
for tool in dpkg-shlibdeps readelf strings file; do
    if ! command -v "$tool" >/dev/null; then
        echo "FAIL: $tool not found (Debian packages dpkg-dev, binutils, file)"
        exit 1
    fi
done

work=$(mktemp -d "$build_dir/packaging-test.XXXXXX")
root=""
cleanup() {
    # The debootstrap root has no mounts, so removing the tree is all there is to undo.
    rm -rf "$work"
}
trap cleanup EXIT

# --- Build ------------------------------------------------------------------------------------------------

log "cpack -G DEB"
if ! cpack -G DEB -B "$work/out" --config "$build_dir/CPackConfig.cmake" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log"
    echo "FAIL: cpack failed"
    exit 1
fi
arch=$(dpkg --print-architecture)
deb="$work/out/instant-console_${version}_${arch}.deb"
if [ ! -f "$deb" ]; then
    ls -l "$work/out"
    echo "FAIL: cpack did not write $(basename "$deb")"
    exit 1
fi
log "built $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB"

# --- Metadata ---------------------------------------------------------------------------------------------

depends=$(dpkg-deb -f "$deb" Depends)
recommends=$(dpkg-deb -f "$deb" Recommends)
echo "Depends: $depends"
echo "Recommends: $recommends"
has_package() { # has_package <list> <package>
    tr ',|' '\n\n' <<<"$1" | sed -e 's/(.*)//' -e 's/[[:space:]]//g' | grep -qx "$2"
}
[ "$(dpkg-deb -f "$deb" Package)" = instant-console ] || fail "Package is not instant-console"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "Version is not $version"
for p in qt6-qpa-plugins libqt6svg6 libsecret-1-0 libc6 libqt6core6 libqt6widgets6; do
    has_package "$depends" "$p" || fail "Depends lacks $p"
done
has_package "$recommends" gnome-keyring || fail "Recommends lacks gnome-keyring"

# --- Contents ---------------------------------------------------------------------------------------------

dpkg-deb -c "$deb" | awk '{print $6}' | sed -e 's|^\./|/|' -e 's|/$||' >"$work/files"
want=(
    /usr/bin/instant-console
    /usr/bin/instant-sandbox
    "/usr/share/applications/$id.desktop"
    "/usr/share/metainfo/$id.metainfo.xml"
    "/usr/share/icons/hicolor/scalable/apps/$id.svg"
    /usr/share/man/man1/instant-console.1.gz
    /usr/share/man/man1/instant-sandbox.1.gz
)
sizes=(16 22 24 32 48 64 128 256 512)
for size in "${sizes[@]}"; do
    want+=("/usr/share/icons/hicolor/${size}x${size}/apps/$id.png")
done
for f in "${want[@]}"; do
    grep -qx "$f" "$work/files" || fail "the package lacks $f"
done
# Only programs and data: no headers, static libraries or build leftovers.
unexpected=$(grep -v -e '^/usr$' -e '^/usr/bin\(/.*\)\?$' -e '^/usr/share\(/.*\)\?$' "$work/files" || true)
[ -z "$unexpected" ] || fail "unexpected files in the package: $unexpected"

dpkg-deb -x "$deb" "$work/content"
for size in "${sizes[@]}"; do
    png="$work/content/usr/share/icons/hicolor/${size}x${size}/apps/$id.png"
    [ -f "$png" ] && ! file -b "$png" | grep -q "PNG image data, $size x $size," && fail "$png is not ${size}x${size}"
done
for bin in instant-console instant-sandbox; do
    file -b "$work/content/usr/bin/$bin" | grep -q 'not stripped' && fail "$bin is not stripped"
done
# The translations are resources inside the console; rcc stores their names in UTF-16.
embedded=$(strings -el "$work/content/usr/bin/instant-console" | grep -o 'instant-console_[a-z]*\.qm' | sort -u)
for ts in "$source_dir"/translations/instant-console_*.ts; do
    qm=$(basename "$ts" .ts).qm
    grep -qx "$qm" <<<"$embedded" || fail "instant-console does not embed $qm"
done

owner_of() { # the Debian package that ships a file, under any of its merged-/usr names
    local real candidate found
    real=$(readlink -f "$1")
    for candidate in "$1" "$real" "${1#/usr}" "/usr$1" "${real#/usr}" "/usr$real"; do
        if found=$(dpkg -S "$candidate" 2>/dev/null | grep -v '^diversion'); then
            head -n 1 <<<"$found" | cut -d: -f1
            return 0
        fi
    done
}

# Every library the binaries link must come from a package in Depends. dpkg-shlibdeps should see to
# that; CPack drops its result without a word when it fails.
for bin in instant-console instant-sandbox; do
    for lib in $(readelf -d "$work/content/usr/bin/$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
        path=$(ldconfig -p | awk -v lib="$lib" '$1 == lib {print $NF; exit}')
        if [ -z "$path" ]; then
            fail "$bin needs $lib, which this machine does not have"
            continue
        fi
        owner=$(owner_of "$path")
        if [ -z "$owner" ]; then
            fail "$bin needs $lib ($path), which belongs to no Debian package"
        elif ! has_package "$depends" "$owner"; then
            fail "$bin needs $lib from $owner, which Depends lacks"
        fi
    done
done

if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$work/content/usr/share/metainfo/$id.metainfo.xml" \
        || fail "appstreamcli rejects the packaged metainfo"
else
    echo "appstreamcli not found: packaged metainfo not validated"
fi
if command -v desktop-file-validate >/dev/null; then
    out=$(desktop-file-validate "$work/content/usr/share/applications/$id.desktop" 2>&1)
    [ -z "$out" ] || fail "desktop-file-validate: $out"
else
    echo "desktop-file-validate not found (desktop-file-utils): packaged desktop file not validated"
fi
exec_bin=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$work/content/usr/share/applications/$id.desktop")
[ -f "$work/content/usr/bin/$exec_bin" ] || fail "the desktop file runs $exec_bin, which is not in /usr/bin"

if [ $failures -ne 0 ]; then
    echo "$failures check(s) of the package failed"
    exit 1
fi

# --- Install ----------------------------------------------------------------------------------------------

[ "$(id -u)" -eq 0 ] || skip "the package is fine; installing it needs root (CI runs as root)"
command -v apt-get >/dev/null || skip "the package is fine; installing it needs apt-get"
apt_options=(-y -q --no-install-recommends -o DPkg::Lock::Timeout=300)
export DEBIAN_FRONTEND=noninteractive

case "$mode" in
    host)
        # One install at a time: several test runs may share this machine.
        exec 9>/var/lock/instant-console-packaging-test.lock
        flock -w 600 9 || skip "another packaging test holds /var/lock/instant-console-packaging-test.lock"
        # A marker tells a leftover of an interrupted run from an installation somebody wants to keep.
        marker=/var/lib/instant-console-packaging-test.installed
        if dpkg-query -W -f='${Status}' instant-console 2>/dev/null | grep -q 'install ok installed'; then
            [ -f "$marker" ] || skip "the package is fine; instant-console is already installed here and is left alone"
            log "removing the instant-console an interrupted run left behind"
            apt-get remove -y -q --purge instant-console >/dev/null 2>&1 || true
        fi
        log "apt-get install $(basename "$deb") onto this machine"
        touch "$marker"
        trap 'apt-get remove -y -q --purge instant-console >/dev/null 2>&1 && rm -f "$marker"; cleanup' EXIT
        if ! apt-get install "${apt_options[@]}" "$deb" >"$work/apt.log" 2>&1; then
            cat "$work/apt.log"
            echo "FAIL: apt-get install failed"
            exit 1
        fi
        runner=()
        ;;
    debootstrap)
        command -v debootstrap >/dev/null || skip "the package is fine; debootstrap is not installed"
        cache="$build_dir/packaging-test-root"
        base="$cache/bookworm-minbase.tar"
        mkdir -p "$cache"
        if [ ! -f "$base" ]; then
            log "debootstrap --variant=minbase bookworm (cached in $cache)"
            if ! timeout 300 debootstrap --variant=minbase bookworm "$work/base" "$mirror" >"$work/debootstrap.log" 2>&1
            then
                tail -n 20 "$work/debootstrap.log"
                skip "the package is fine; debootstrap from $mirror failed"
            fi
            tar -C "$work/base" -cf "$base.part" . && mv "$base.part" "$base"
            rm -rf "$work/base"
        fi
        root="$work/root"
        mkdir -p "$root"
        tar -C "$root" -xf "$base"
        cp /etc/resolv.conf "$root/etc/resolv.conf"
        cp "$deb" "$root/tmp/"
        log "apt-get install $(basename "$deb") into a fresh Debian 12 root"
        if ! timeout 120 chroot "$root" apt-get update -q >"$work/apt.log" 2>&1; then
            tail -n 20 "$work/apt.log"
            skip "the package is fine; apt-get update in the fresh root failed (no mirror?)"
        fi
        if ! timeout 360 chroot "$root" apt-get install "${apt_options[@]}" "/tmp/$(basename "$deb")" \
            >>"$work/apt.log" 2>&1; then
            tail -n 40 "$work/apt.log"
            echo "FAIL: apt-get install into the fresh root failed"
            exit 1
        fi
        mkdir -p "$root/$work/home" "$root/$work/runtime"
        chmod 700 "$root/$work/runtime"
        runner=(chroot "$root")
        ;;
    *)
        echo "unknown mode '$mode' (host or debootstrap)"
        exit 2
        ;;
esac
mkdir -p "$work/home" "$work/runtime"
chmod 700 "$work/runtime"
# A clean environment, as a desktop session would give it, with no display: Qt's offscreen platform.
runner+=(env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen
    XDG_RUNTIME_DIR="$work/runtime")

# --- Run the installed binaries ---------------------------------------------------------------------------

check_output() { # check_output <what> <expected text> <command…>
    local what=$1 expected=$2
    shift 2
    local out rc=0
    out=$(timeout 60 "$@" 2>&1) || rc=$?
    if [ $rc -ne 0 ]; then
        fail "$what exits with $rc: $out"
    elif ! grep -qF -- "$expected" <<<"$out"; then
        fail "$what does not print '$expected': $out"
    else
        echo "ok: $what"
    fi
}
check_output "instant-console --version" "$version" "${runner[@]}" /usr/bin/instant-console --version
check_output "instant-console --help" "--version" "${runner[@]}" /usr/bin/instant-console --help
check_output "instant-sandbox --version" "$version" "${runner[@]}" /usr/bin/instant-sandbox --version
check_output "instant-sandbox --help" "--listen" "${runner[@]}" /usr/bin/instant-sandbox --help

# Every long option that --help lists is documented in the man page.
for bin in instant-console instant-sandbox; do
    page=$(zcat "$work/content/usr/share/man/man1/$bin.1.gz" | sed 's/\\-/-/g')
    for option in $("${runner[@]}" "/usr/bin/$bin" --help 2>/dev/null | grep -o -e '--[a-z][a-z0-9-]*' | sort -u); do
        case "$option" in --help-all|--help|--version) continue ;; esac
        grep -qF -- "$option" <<<"$page" || fail "$bin --help lists $option, its man page does not"
    done
done

# The installed sandbox really serves: it announces its URL, answers HTTP over loopback and stops on
# SIGTERM. Its announcement is read from a FIFO, so the wait ends the moment the line arrives.
data="$work/sandbox-data"
mkdir -p "${root}$data"
mkfifo "$work/sandbox.fifo"
"${runner[@]}" /usr/bin/instant-sandbox --listen 127.0.0.1:0 --data "$data" \
    >"$work/sandbox.fifo" 2>"$work/sandbox.err" &
sandbox_pid=$!
exec 8<"$work/sandbox.fifo"
line=""
read -r -t 30 -u 8 line || true
port=$(sed -n 's/.*"url":"http:\/\/127\.0\.0\.1:\([0-9]*\)".*/\1/p' <<<"$line")
if [ -z "$port" ]; then
    fail "instant-sandbox did not announce its URL within 30 s: $line $(cat "$work/sandbox.err")"
elif ! exec 7<>"/dev/tcp/127.0.0.1/$port"; then
    fail "instant-sandbox announced port $port but does not accept connections"
else
    # In a subshell: a server that answers and closes before reading would otherwise end this script
    # with SIGPIPE.
    (printf 'GET /admin/query HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&7) 2>/dev/null || true
    status_line=""
    read -r -t 10 -u 7 status_line || true
    exec 7<&-
    if [[ "$status_line" == HTTP/1.[01]\ [1-5][0-9][0-9]* ]]; then
        echo "ok: instant-sandbox answers at 127.0.0.1:$port ($status_line)"
    else
        fail "instant-sandbox at 127.0.0.1:$port gave no HTTP answer: '$status_line'"
    fi
fi
kill -TERM "$sandbox_pid" 2>/dev/null || true
rc=0
timeout 30 tail --pid="$sandbox_pid" -f /dev/null || rc=$?
exec 8<&-
[ $rc -eq 0 ] || { kill -KILL "$sandbox_pid" 2>/dev/null || true; fail "instant-sandbox ignores SIGTERM"; }
wait "$sandbox_pid" 2>/dev/null || true

if [ "$mode" = host ]; then
    log "apt-get remove instant-console"
    apt-get remove -y -q --purge instant-console >/dev/null 2>&1 || fail "apt-get remove failed"
    [ ! -e /usr/bin/instant-console ] || fail "/usr/bin/instant-console is still there after removal"
    rm -f "$marker"
    trap cleanup EXIT
fi

if [ $failures -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "instant-console $version installs and runs ($mode)"
