#!/usr/bin/env bash
# Builds a sample database with three months of usage, for trying the window and for the README's screenshot:
#   bash scripts/sample-database.sh /tmp/sample.sqlite && ./build/ai-settings --db /tmp/sample.sqlite
set -euo pipefail
db=${1:?usage: scripts/sample-database.sh PATH}
bin=${AI_SETTINGS_BIN:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/build/ai-settings}
rm -f "$db" "$db-wal" "$db-shm"
ai() { "$bin" --db "$db" "$@" >/dev/null; }
ai plan set professional
ai tenants add acme --name "Acme Retail"
ai tenants add globex --name "Globex"
ai models set analysis claude-opus-4-6

csv=$(mktemp --suffix=.csv)
trap 'rm -f "$csv"' EXIT
# A seeded mix of actions on most days of the last 80 days, ending yesterday, so that the running month shows a
# real picture whatever the date.
RANDOM=${SAMPLE_SEED:-2}
now=$(date -u +%s)
tenants=("" acme acme globex)
{
    echo "id,occurred_at,tenant,action,model,billing,credits"
    n=0
    for ((ago = 80; ago >= 1; ago--)); do
        ((RANDOM % 2 == 0)) && continue
        for spec in theme:5 content:3 inline_text:6 image:1 analysis:1 trigger:1; do
            action=${spec%%:*}
            for ((i = 0; i < RANDOM % (${spec##*:} + 1); i++)); do
                at=$(date -u -d "@$((now - ago * 86400 - RANDOM % 36000))" +%Y-%m-%dT%H:%M:%SZ)
                case $action in
                image) model= ;;
                analysis | trigger) model=claude-opus-4-6 ;;
                *) model=claude-sonnet-4-6 ;;
                esac
                n=$((n + 1))
                echo "sample-$n,$at,${tenants[RANDOM % 4]},$action,$model,credits,"
            done
        done
    done
} >"$csv"
"$bin" --db "$db" import "$csv"
