#!/usr/bin/env bash
# Fuzzes the usage-file readers (CSV and JSON Lines) with libFuzzer under ASan and UBSan for N seconds
# (default 60). New inputs that reach new code go to build-fuzz/corpus; a crash is written as
# build-fuzz/crash-*. Copy a crash (or any input worth keeping) into tests/fuzz/corpus/ once it is fixed:
# the test command replays that folder on every run.
set -euo pipefail
seconds=${1:-60}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
bash scripts/setup.sh packages packaging/debian-build-packages.txt packaging/debian-fuzz-packages.txt
CXX=clang++-14 cmake -S tests/fuzz -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz
mkdir -p build-fuzz/corpus
# The seeds are read but not written to: new finds go to the scratch corpus.
(cd build-fuzz && ./fuzz-usagefile -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 corpus "$here/tests/fuzz/corpus")
