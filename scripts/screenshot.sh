#!/usr/bin/env bash
# Takes the README's screenshot: the window on the sample database, under a virtual X display (Xvfb).
#   bash scripts/screenshot.sh [OUT.png]      (default: resources/screenshots/settings-ai.png)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$here/resources/screenshots/settings-ai.png}
bash "$here/scripts/setup.sh" packages "$here/packaging/debian-artwork-packages.txt"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
bash "$here/scripts/sample-database.sh" "$work/sample.sqlite" >/dev/null
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1000x1600x24 -nolisten tcp >/dev/null 2>&1 &
export DISPLAY=$display XDG_CONFIG_HOME=$work/config XDG_RUNTIME_DIR=$work
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
"$here/build/ai-settings" --db "$work/sample.sqlite" -qwindowgeometry 980x1490+0+0 &
app=$!
# The window paints within a second; give it a few before taking the picture.
sleep 4
mkdir -p "$(dirname "$out")"
import -window root -crop 980x1490+0+0 +repage "$out"
kill "$app"
echo "wrote $out"
