#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine: installs the packages listed in packaging/,
# builds with the CMake preset, then either launches the window (run) or runs every test (test).
set -euo pipefail
mode=${1:-run}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

package_list() { grep -hv '^\s*\(#\|$\)' "$@"; }

install_packages() {
    local missing=()
    for p in $(package_list "$@"); do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}"
}

build() {
    cmake --preset default >/dev/null
    cmake --build --preset default -j "$(nproc)"
}

case "$mode" in
run)
    install_packages packaging/debian-build-packages.txt
    build
    exec ./build/ai-settings "${@:2}"
    ;;
test)
    install_packages packaging/debian-build-packages.txt packaging/debian-test-packages.txt
    build
    # What users install first (validators, the .deb, the installed program), then every test.
    scripts/check-package.sh
    exec scripts/run-tests.sh
    ;;
packages)
    # Other scripts' own package lists, e.g. scripts/screenshot.sh.
    install_packages "${@:2}"
    ;;
*)
    echo "usage: scripts/setup.sh run|test" >&2
    exit 2
    ;;
esac
