#!/usr/bin/env bash
# Runs every CTest test of an existing build inside a private D-Bus session with a real Secret Service:
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
ctest --preset default -j "$(nproc)" "$@"
