#!/usr/bin/env bash
# Checks the .editorconfig promises on every tracked text file: LF endings, a final newline,
# no trailing white space and no tabs (Makefiles excepted), valid UTF-8.
set -u
status=0
checked=0
while IFS= read -r f; do
    [ -f "$f" ] || continue
    case "$f" in
        *.png|*.ico|*.icns|*.qm|*.jpg|*.gz|*.bin|package-lock.json) continue ;;
    esac
    checked=$((checked + 1))
    if grep -qU $'\r' "$f"; then
        echo "$f: CRLF line ending"; status=1
    fi
    if [ -s "$f" ] && [ "$(tail -c 1 "$f" | od -An -c | tr -d ' ')" != '\n' ]; then
        echo "$f: no newline at end of file"; status=1
    fi
    case "$f" in
        *.md) ;;
        *) if grep -nE '[[:space:]]+$' "$f" | head -n 3 | grep -q .; then
               echo "$f:$(grep -nE '[[:space:]]+$' "$f" | head -n 1 | cut -d: -f1): trailing white space"; status=1
           fi ;;
    esac
    case "$f" in
        Makefile|*.mk|*/Makefile) ;;
        *) if grep -qP '\t' "$f"; then
               echo "$f:$(grep -nP '\t' "$f" | head -n 1 | cut -d: -f1): tab character"; status=1
           fi ;;
    esac
    if ! iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1; then
        echo "$f: not valid UTF-8"; status=1
    fi
done < <(git ls-files -co --exclude-standard | grep -v -e '^build/' -e 'node_modules/')
if [ $status -eq 0 ]; then
    echo "$checked files keep the .editorconfig rules"
fi
exit $status
