#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for the tests: `start DIR` creates it in DIR (initdb, run as an
# unprivileged user: `nobody` when called as root) listening only on a unix socket in DIR/socket, and prints
# the variables the tests read; `stop DIR` stops it. Nothing outside DIR is touched, and no TCP port is opened.
# `start DIR --durable` keeps PostgreSQL's default durability (fsync), for the benchmark. `resume DIR` starts it
# again after a crash (the restart test kills the server).
set -euo pipefail
action=${1:?usage: scripts/pg-cluster.sh start|resume|stop DIR}
dir=${2:?usage: scripts/pg-cluster.sh start|resume|stop DIR}
bin=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)
[ -n "$bin" ] || { echo "PostgreSQL 15 is not installed (Debian package postgresql-15)." >&2; exit 3; }

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

case "$action" in
start)
    mkdir -p "$dir/data" "$dir/socket"
    [ "$(id -u)" -eq 0 ] && chown -R nobody:nogroup "$dir"
    chmod 700 "$dir/data"
    as_owner "$bin/initdb" -D "$dir/data" -U aisettings --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    # A role that must give a password (PGPASSWORD or ~/.pgpass): the first matching line of pg_hba wins.
    { echo "local all pwuser scram-sha-256"; echo "local all all trust"; } >"$dir/data/pg_hba.conf"
    # fsync off: a test cluster is thrown away; the benchmark asks for the defaults.
    durability="-c fsync=off"
    [ "${3:-}" = "--durable" ] && durability=""
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-k $dir/socket -c listen_addresses='' $durability -c max_connections=200" start >/dev/null
    as_owner "$bin/psql" -h "$dir/socket" -U aisettings -d postgres -qAt \
        -c "CREATE ROLE pwuser LOGIN PASSWORD 'test-password'" >/dev/null
    echo "AI_SETTINGS_TEST_PG_HOST=$dir/socket"
    echo "AI_SETTINGS_TEST_PG_USER=aisettings"
    ;;
resume)
    # After a crash (the server killed): the server processes it left exit once they see it gone, and until then
    # the new server refuses to start on their shared memory; it is tried again for at most 30 seconds.
    for attempt in $(seq 1 60); do
        if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-k $dir/socket -c listen_addresses='' -c fsync=off -c max_connections=200" start >/dev/null 2>&1; then
            exit 0
        fi
        sleep 0.5
    done
    echo "The PostgreSQL cluster in $dir did not start again; see $dir/server.log." >&2
    exit 1
    ;;
stop)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    ;;
*)
    echo "usage: scripts/pg-cluster.sh start|resume|stop DIR" >&2
    exit 2
    ;;
esac
