#!/usr/bin/env bash
# Renders the application icon's PNG sizes from its SVG (the PNGs are committed; run this after editing the SVG).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$here/scripts/setup.sh" packages "$here/packaging/debian-artwork-packages.txt"
svg=$here/resources/icons/org.aisettings.AISettings.svg
for size in 16 32 48 64 128 256; do
    mkdir -p "$here/resources/icons/hicolor/${size}x${size}"
    rsvg-convert -w "$size" -h "$size" "$svg" -o "$here/resources/icons/hicolor/${size}x${size}/org.aisettings.AISettings.png"
done
echo "rendered $svg"
