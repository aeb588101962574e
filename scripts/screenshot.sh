#!/usr/bin/env bash
# Takes the README's screenshots: each section of the window on the sample database, rendered offscreen by
# ai-settings-shots (no display needed).
#   bash scripts/screenshot.sh [OUT_DIR]      (default: resources/screenshots)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$here/resources/screenshots}
bash "$here/scripts/setup.sh" packages "$here/packaging/debian-artwork-packages.txt"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bash "$here/scripts/sample-database.sh" "$work/sample.sqlite" >/dev/null
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME=$work/config XDG_RUNTIME_DIR=$work LANG=C.UTF-8
"$here/build/tests/ai-settings-shots" "$work/sample.sqlite" "$out" 900x700
# The metainfo's screenshot is the first section.
cp "$out/usage.png" "$out/settings-ai.png"
