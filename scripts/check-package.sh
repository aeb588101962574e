#!/usr/bin/env bash
# Checks what a user installs, on a built tree: the desktop entry and the AppStream metainfo validate, the .deb
# builds and lintian finds nothing to say, the binary is hardened, apt installs it with its dependencies, every library the installed program loads comes from a package
# it depends on (so a fresh Debian 12 gets them all), and the installed program runs from its menu entry and
# from the command line. The package is removed again at the end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)

desktop-file-validate packaging/org.aisettings.AISettings.desktop
appstreamcli validate --no-net packaging/org.aisettings.AISettings.metainfo.xml

rm -rf build/packages
(cd build && cpack -G DEB >/dev/null)
deb=$(ls build/packages/ai-settings_*.deb)
echo "built $deb"
# Debian's own package checks: any error or warning fails (lintian warns about running as root, which CI does).
lintian --fail-on error,warning --tag-display-limit 0 "$deb" 2> >(grep -v 'running with root privileges' >&2)

work=$(mktemp -d)
cleanup() {
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" dpkg --purge ai-settings >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
if ! DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "./$deb" >"$work/apt.log" 2>&1; then
    cat "$work/apt.log" >&2
    exit 1
fi

# The dependency closure of the installed package, and the packages that own what the program loads: its
# linked libraries, and what it opens at run time (Qt's SQLite driver, libsecret, the X11 platform plugin), with
# their own libraries.
closure=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces \
    --no-enhances ai-settings | grep -v '^ ' | sed 's/:.*//' | sort -u)
loaded=(/usr/bin/ai-settings /usr/lib/*/qt6/plugins/sqldrivers/libqsqlite.so /usr/lib/*/libsecret-1.so.0
    /usr/lib/*/qt6/plugins/platforms/libqxcb.so)
missing=0
for lib in $(ldd "${loaded[@]}" | awk '/=> \//{print $3}' | sort -u) "${loaded[@]:1}"; do
    owner=$(dpkg -S "$(readlink -f "$lib")" 2>/dev/null | head -1 | cut -d: -f1 || true)
    [ -n "$owner" ] || owner=$(dpkg -S "$lib" 2>/dev/null | head -1 | cut -d: -f1 || true)
    if ! grep -qx "$owner" <<<"$closure"; then
        echo "ai-settings loads $lib from $owner, which the package does not depend on" >&2
        missing=1
    fi
done
[ "$missing" -eq 0 ]

installed=$(command -v ai-settings)
[ "$installed" = /usr/bin/ai-settings ]
# The installed binary is built with Debian's hardening flags (cmake/DebianHardening.cmake). Control-flow
# protection is not asked for: Debian 12's C runtime objects carry no IBT note, so no program on it has one.
hardening-check --nocfprotection --quiet /usr/bin/ai-settings
ai-settings --version | grep -qx "ai-settings $(sed -n 's/^project(ai-settings VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)"
ai-settings --db "$work/p.db" report >/dev/null
man -w ai-settings >/dev/null 2>&1 || [ -f /usr/share/man/man1/ai-settings.1.gz ]

# The menu entry's command starts the window (offscreen here) and keeps it open until it is stopped.
exec_line=$(sed -n 's/^Exec=//p' /usr/share/applications/org.aisettings.AISettings.desktop)
status=0
AI_SETTINGS_DB=$work/menu.db QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME=$work timeout 5 $exec_line >/dev/null 2>&1 || status=$?
if [ "$status" -ne 124 ]; then
    echo "the menu entry's command ($exec_line) ended by itself with status $status instead of showing the window" >&2
    exit 1
fi
echo "package checks passed: validators, lintian, hardening, .deb contents and dependencies, installed program and menu entry"
