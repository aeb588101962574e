#!/usr/bin/env bash
# Runs every CTest test of an existing build, then the time-dependent ones at hard instants, inside a private D-Bus session with a real Secret Service:
# gnome-keyring-daemon, unlocked with a throw-away password, keeping its keyring in a temporary
# XDG_DATA_HOME, and with a throw-away PostgreSQL 15 cluster (scripts/pg-cluster.sh) for the suites that run
# on both backends. Nothing touches the user's own keyring or databases, and everything is deleted afterwards.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

if [ -z "${AI_SETTINGS_TEST_SESSION:-}" ]; then
    scratch=$(mktemp -d)
    # The cluster's folder is the unprivileged server's own, outside the private scratch folder.
    pg=$(mktemp -d /tmp/ai-settings-pg.XXXXXX)
    trap 'scripts/pg-cluster.sh stop "$pg"; rm -rf "$scratch" "$pg"' EXIT
    pg_variables=$(scripts/pg-cluster.sh start "$pg")
    for assignment in $pg_variables; do export "${assignment?}"; done
    mkdir -p "$scratch/data" "$scratch/runtime"
    chmod 700 "$scratch/runtime"
    export XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/runtime" AI_SETTINGS_TEST_SESSION=1
    # Tests talk to 127.0.0.1 only; a proxy from the environment must not intercept that.
    unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
    # dbus-daemon's complaint about the file limit in containers is noise, not a failure.
    dbus-run-session -- "$0" "$@" 2> >(grep -v 'Failed to set fd limit' >&2)
    exit $?
fi

# Inside the session: start and unlock the keyring, creating its default collection.
eval "$(printf '%s' "test-keyring-password" | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
export GNOME_KEYRING_CONTROL
export QT_QPA_PLATFORM=offscreen
status=0
ctest --preset default -j "$(nproc)" "$@" || status=$?

# The suites labelled "clock" again at the instants where time is hard: the last 30 seconds of a month, the first
# minutes of a period, the last 30 seconds of a year, 29 February of a leap year, and the night Europe/Berlin
# moves its clocks forward. libfaketime shifts the clock of ctest and of everything it starts by the same amount
# (so the suites' processes agree on the time, and it runs on from there); the monotonic clock, on which
# every bounded wait runs, stays real.
faketime_library=$(ls /usr/lib/*/faketime/libfaketimeMT.so.1 2>/dev/null | head -n 1)
if [ -z "$faketime_library" ]; then
    echo "libfaketime is missing: install the Debian package faketime (scripts/setup.sh test does)." >&2
    exit 1
fi
for instant in 2027-04-30T23:59:30Z 2027-06-01T00:00:10Z 2026-12-31T23:59:30Z 2028-02-29T23:59:30Z 2027-03-28T00:59:30Z; do
    shift_seconds=$(($(date -u -d "$instant" +%s) - $(date -u +%s)))
    echo "The time-dependent suites with the clock at $instant:"
    LD_PRELOAD="$faketime_library" FAKETIME="$(printf '%+d' "$shift_seconds")" FAKETIME_DONT_FAKE_MONOTONIC=1 \
        ctest --preset default -j "$(nproc)" -L clock --output-on-failure "$@" || status=1
done
exit "$status"
