#!/usr/bin/env bash
# The county dashboard at size on PostgreSQL: server time of GET /api/dashboard per account (wrk against one Release
# instance directly, one connection and then several), beside the raw engine's covering-index GROUP BY over Cases
# (pgbench, one client, on the same database in the same run) and /healthz; then the plans PostgreSQL actually ran
# for each account's dashboard (auto_explain with ANALYZE and BUFFERS, switched on for this database only while each
# dashboard is asked once). See bench/RESULTS.md ("Province load, second run").
#
#   DB=load5m bench/http/dashboard-plans.sh
#   PROVIDER=sqlite DB=/tmp/province.db bench/http/dashboard-plans.sh
#
# Settings (environment): PROVIDER=postgres (or sqlite: DB is then a file; the baseline is the same GROUP BY timed in
#   sqlite3, and the plans are left to bench/http/sqlite-plans.sh, as SQLite has no auto_explain)
#   PG="Host=127.0.0.1;Port=55500;Username=postgres"  DB=load5m  PORT=5331
#   DURATION=10s (per account and connection count)  CONNECTIONS="1 4"  PGLOG=/tmp/devpg/log
#   ACCOUNTS="admin 331082.admin qiuchuan.staff mengqiao.cadre"  OUT=<folder> (default: a new /tmp folder)
# Needs the Release build. The database settings are reset at the end, whatever happens. Never targets anything but
# 127.0.0.1.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PG=${PG:-Host=127.0.0.1;Port=55500;Username=postgres}
PROVIDER=${PROVIDER:-postgres}
DB=${DB:-load5m}
PORT=${PORT:-5331}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-1 4}
PGLOG=${PGLOG:-/tmp/devpg/log}
ACCOUNTS=${ACCOUNTS:-admin 331082.admin qiuchuan.staff mengqiao.cadre}
NAME=dashboard-plans.sh
# shellcheck source=bench/http/app-db.sh
source "$HERE/app-db.sh"

# Raw engine: one client asking the issue's baseline (every case counted by status, answered from the covering
# IX_Cases_Status_DeadlineUtc) for 15 s; prints "runs p50 p95 p99" (ms).
baseline() {
  if [[ $PROVIDER == sqlite ]]; then
    # sqlite3's own timer over BASE_RUNS runs of the same statement (the first one, cold, dropped).
    { echo '.timer on'; for _ in $(seq 0 "${BASE_RUNS:-60}"); do echo 'SELECT "Status", count(*) FROM "Cases" GROUP BY "Status";'; done; } > "$WORK/groupby.sql"
    sqlite3 "$DB" < "$WORK/groupby.sql" | grep '^Run Time' | tail -n +2 | tee -a "$OUT/sqlite-baseline.log" | awk '{ print $4 * 1000 }' | sort -n | awk '{ v[NR] = $1 } END {
      printf "%d\t%.1f\t%.1f\t%.1f\n", NR, v[int(NR * 0.5) + 1], v[int(NR * 0.95) + 1], v[int(NR * 0.99) + 1] }'
    return
  fi
  printf 'SELECT "Status", count(*) FROM "Cases" GROUP BY "Status";\n' > "$WORK/groupby.sql"
  rm -f "$WORK"/pgbench_log.*
  (cd "$WORK" && pgbench -n -M prepared -c 1 -j 1 -T 15 -f groupby.sql -l --log-prefix=pgbench_log "$DB") > "$WORK/pgbench.out" 2>&1
  cat "$WORK/pgbench.out" >> "$OUT/pgbench.log"
  cat "$WORK"/pgbench_log.* | awk '{ print $3 / 1000 }' | sort -n | awk '{ v[NR] = $1 } END {
    printf "%d\t%.1f\t%.1f\t%.1f\n", NR, v[int(NR * 0.5) + 1], v[int(NR * 0.95) + 1], v[int(NR * 0.99) + 1] }'
}

if [[ $PROVIDER == sqlite ]]; then
  size="$(du -h "$DB" | cut -f1)"
  chr=char
else
  size="$(sql "SELECT pg_size_pretty(pg_database_size('$DB'))")"
  chr=chr
fi
{
  echo "database: $DB ($size); cases: $(sql 'SELECT count(*) FROM "Cases"'); counters: $(sql 'SELECT count(*) FROM "CaseCounts"') rows over $(sql 'SELECT sum("Count") FROM "CaseCounts"') cases, day rows $(sql 'SELECT count(*) FROM "CaseDayCounts"')"
  echo "contests: $(sql 'SELECT count(*) FROM "Contests"'); published or frozen sheets: $(sql 'SELECT count(*) FROM "ScoreSheets" WHERE "Status" IN (2, 3)' 2> /dev/null || echo ?); campaigns: $(sql 'SELECT count(*) FROM "Campaigns"'); projects: $(sql 'SELECT count(*) FROM "Projects"'); applications: $(sql 'SELECT count(*) FROM "ServiceApplications"')"
  for account in $ACCOUNTS; do
    echo "$account: $(sql "SELECT r.\"Name\" || ' (level ' || r.\"Level\" || '), ' || (SELECT count(*) FROM \"Cases\" c WHERE c.\"RegionPath\" >= r.\"RegionPath\" AND c.\"RegionPath\" < r.\"RegionPath\" || $chr(127)) || ' cases' FROM \"AspNetUsers\" u JOIN \"Regions\" r ON r.\"Id\" = u.\"RegionId\" WHERE u.\"UserName\" = '$account'")"
  done
  echo "load: $(uptime)"
} > "$OUT/data.txt"
cat "$OUT/data.txt" >&2

log "baseline: GROUP BY Status over every case, one client ($PROVIDER)"
base=$(baseline)
log "baseline runs p50 p95 p99 = $base"

log "starting one instance on $BASE"
start_app
declare -A COOKIES
for account in $ACCOUNTS; do COOKIES[$account]=$(sign_in "$account"); done

echo -e "tag\tendpoint\treq_s\tp50_ms\tp95_ms\tp99_ms\tmax_ms\trequests\tnon2xx\tsocket_errors\tconnections" > "$OUT/dashboard.tsv"
for c in $CONNECTIONS; do
  for account in healthz $ACCOUNTS; do
    if [[ $account == healthz ]]; then cookie=""; path=/healthz; else cookie=${COOKIES[$account]}; path=/api/dashboard; fi
    code=$(curl -s -o "$OUT/sample-$account.json" -w '%{http_code}' -H "Cookie: $cookie" -H 'Accept: application/json' "$BASE$path")
    [[ $code == 200 ]] || { echo "dashboard-plans.sh: $account answered $code" >&2; exit 1; }
    SHIGAN_COOKIE=$cookie BENCH_NAME="$account" wrk -t1 -c"$c" -d3s -s "$HERE/report.lua" "$BASE$path" > /dev/null
    SHIGAN_COOKIE=$cookie BENCH_NAME="$account" wrk -t1 -c"$c" -d"$DURATION" --latency -s "$HERE/report.lua" "$BASE$path" \
      | grep '^RESULT' | sed "s/\$/\t$c/" | tee -a "$OUT/dashboard.tsv" >&2
  done
done
echo "load after the runs: $(uptime)" >> "$OUT/data.txt"
log "baseline again, after the runs"
base2=$(baseline)
echo -e "baseline ($([[ $PROVIDER == sqlite ]] && echo "sqlite3 .timer, ${BASE_RUNS:-60} runs" || echo "pgbench, 1 client, 15 s")): runs p50 p95 p99 ms\nbefore\t$base\nafter\t$base2" > "$OUT/baseline.tsv"
stop_app
if [[ $PROVIDER == sqlite ]]; then
  log "results in $OUT/dashboard.tsv (SQLite: plans by bench/http/sqlite-plans.sh)"
  exit 0
fi

log "plans: auto_explain on for $DB"
explain_on
start_app
for account in $ACCOUNTS; do COOKIES[$account]=$(sign_in "$account"); done
# Once each to warm, then the one whose plans are kept.
for account in $ACCOUNTS; do curl -s -o /dev/null -H "Cookie: ${COOKIES[$account]}" "$BASE/api/dashboard"; done
from=$(($(wc -l < "$PGLOG") + 1))
for account in $ACCOUNTS; do
  sql "SELECT 'plan-marker: $account'" > /dev/null
  curl -s -o /dev/null -H "Cookie: ${COOKIES[$account]}" -H 'Accept: application/json' "$BASE/api/dashboard"
  sleep 0.3
done
pids=$(sql "SELECT string_agg(pid::text, ' ') FROM pg_stat_activity WHERE datname = '$DB'")
stop_app
explain_off
tail -n +"$from" "$PGLOG" | awk -v pids=" $pids " '
  /^[0-9][0-9][0-9][0-9]-/ { keep = 0; if (match($0, /\[[0-9]+\]/)) { p = substr($0, RSTART + 1, RLENGTH - 2); keep = ($0 ~ /plan:/) && (index(pids, " " p " ") > 0 || $0 ~ /plan-marker/) } }
  /plan-marker: / && /Query Text/ { sub(/.*plan-marker: /, ""); sub(/'"'"'.*/, ""); print "\n## " $0 "\n"; skipping = 1; next }
  /^[0-9][0-9][0-9][0-9]-/ && keep { skipping = 0 }
  keep && !skipping { print }
' > "$OUT/plans.md"
log "results in $OUT/dashboard.tsv; plans in $OUT/plans.md ($(grep -c 'plan:' "$OUT/plans.md") statements)"
