#!/usr/bin/env bash
# Fails when a C++ source of the project differs from what clang-format makes of it with the project's
# .clang-format, naming the files. Run by the test command (CTest test "format"); `--fix` rewrites them instead.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
if ! command -v clang-format >/dev/null; then
    echo "clang-format is missing: install the test packages (scripts/setup.sh test)." >&2
    exit 1
fi
mapfile -t files < <(git ls-files -- '*.cpp' '*.h' 2>/dev/null || find app ui tests -name '*.cpp' -o -name '*.h')
if [[ ${1:-} == --fix ]]; then
    clang-format -i "${files[@]}"
    exit 0
fi
status=0
for file in "${files[@]}"; do
    if ! clang-format --dry-run -Werror "$file" 2>/dev/null; then
        echo "not formatted: $file (scripts/check-format.sh --fix)" >&2
        status=1
    fi
done
exit $status
