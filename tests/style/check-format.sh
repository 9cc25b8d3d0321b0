#!/usr/bin/env bash
# Fails when any C++ source of the project differs from what clang-format makes of it.
set -u
clang_format=${1:-clang-format}
mapfile -t files < <(git ls-files -co --exclude-standard -- '*.cpp' '*.h' | grep -v '^build/')
if [ ${#files[@]} -eq 0 ]; then
    echo "no C++ sources found"
    exit 1
fi
status=0
for f in "${files[@]}"; do
    [ -f "$f" ] || continue
    if ! "$clang_format" --dry-run --Werror "$f" 2>/tmp/check-format.$$; then
        head -n 5 /tmp/check-format.$$
        status=1
    fi
done
rm -f /tmp/check-format.$$
if [ $status -eq 0 ]; then
    echo "${#files[@]} files formatted as .clang-format asks"
fi
exit $status
