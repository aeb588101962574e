#!/usr/bin/env bash
# Runs the benchmark on SQLite and on a throw-away PostgreSQL 15 cluster with the default durability, side by side
# with the sqlite3 shell and psql. Arguments go to ai-settings-bench (e.g. --events 1000000,10000000).
# Needs a build and the test packages: scripts/setup.sh packages packaging/debian-test-packages.txt
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
pg=$(mktemp -d /tmp/ai-settings-bench-pg.XXXXXX)
trap 'scripts/pg-cluster.sh stop "$pg"; rm -rf "$pg"' EXIT
pg_variables=$(scripts/pg-cluster.sh start "$pg" --durable)
for assignment in $pg_variables; do export "${assignment?}"; done
./build/tests/bench/ai-settings-bench --pg-host "$AI_SETTINGS_TEST_PG_HOST" "$@"
