#!/usr/bin/env bash
# Runs every CTest test of an existing build.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
export QT_QPA_PLATFORM=offscreen
ctest --preset default -j "$(nproc)"
