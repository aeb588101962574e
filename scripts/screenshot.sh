#!/usr/bin/env bash
# Takes the README's screenshots: each section of the window on the sample database, and the Overview in German,
# in a dark palette, right to left and at twice the scale, rendered offscreen by ai-settings-shots (no display).
#   bash scripts/screenshot.sh [OUT_DIR]      (default: resources/screenshots)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$here/resources/screenshots}
bash "$here/scripts/setup.sh" packages "$here/packaging/debian-artwork-packages.txt"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The same pictures whatever today's date: the sample's usage and the window's clock on one fixed day, mid-period.
# The clock is shifted, not restarted for each program, so that each one runs after the one before it.
shift=$(($(date -u -d "${SCREENSHOT_TIME:-2026-11-20 14:00:00}" +%s) - $(date -u +%s)))
export FAKETIME=$(printf '%+ds' "$shift") FAKETIME_DONT_FAKE_MONOTONIC=1 TZ=UTC
export LD_PRELOAD=$(ls /usr/lib/*/faketime/libfaketimeMT.so.1 | head -n 1)
bash "$here/scripts/sample-database.sh" "$work/sample.sqlite" >/dev/null
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME=$work/config XDG_RUNTIME_DIR=$work LANG=C.UTF-8
shots=$here/build/tests/ai-settings-shots
"$shots" "$work/sample.sqlite" "$out" 800x600 --sections overview
"$shots" "$work/sample.sqlite" "$out" 1920x1080 --sections overview,organisation --suffix -1920
"$shots" "$work/sample.sqlite" "$out" 900x700 --sections usage,keys,models,rateLimit,activity,organisation
"$shots" "$work/sample.sqlite" "$out" 800x600 --sections overview --suffix -de --locale de_DE
"$shots" "$work/sample.sqlite" "$out" 800x600 --sections overview --suffix -dark --dark
"$shots" "$work/sample.sqlite" "$out" 800x600 --sections overview,usage --suffix -rtl -reverse
QT_SCALE_FACTOR=2 "$shots" "$work/sample.sqlite" "$out" 640x400 --sections keys,organisation --suffix -2x
# The metainfo's screenshot is the first section.
cp "$out/overview.png" "$out/settings-ai.png"
