#!/usr/bin/env bash
# Work lists at size on PostgreSQL: server time per list (wrk, one connection, against one instance directly) beside
# /healthz, and the plans PostgreSQL actually ran for each list (auto_explain with ANALYZE and BUFFERS, switched on for
# this database only while each list is asked once). See bench/RESULTS.md ("Province load").
#
#   DB=load_province bench/http/list-plans.sh
#   PROVIDER=sqlite DB=/tmp/province.db bench/http/list-plans.sh
#
# Settings (environment): PROVIDER=postgres (or sqlite: DB is then a file, and the plans are left to
#   bench/http/sqlite-plans.sh, as SQLite has no auto_explain)
#   PG="Host=127.0.0.1;Port=55500;Username=postgres"  DB=load_province  PORT=5321
#   DURATION=10s (per list)  PGLOG=/tmp/devpg/log (the server's stderr log, where auto_explain writes)
#   OUT=<folder> (default: a new /tmp/shigan-lists.* folder)  STAFF/OFFICER/ADMIN as in mix.sh
#   ONLY=<regex> (measure only the lists whose name matches, and /healthz)
# Needs the Release build (deploy/run-instances.sh or bench/http/mix.sh makes it). The database setting is reset at the
# end, whatever happens. Never targets anything but 127.0.0.1.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PG=${PG:-Host=127.0.0.1;Port=55500;Username=postgres}
PROVIDER=${PROVIDER:-postgres}
DB=${DB:-load_province}
PORT=${PORT:-5321}
DURATION=${DURATION:-10s}
PGLOG=${PGLOG:-/tmp/devpg/log}
STAFF=${STAFF:-qiuchuan.staff}
OFFICER=${OFFICER:-qiuchuan.officer}
ADMIN=${ADMIN:-admin}
NAME=list-plans.sh
# shellcheck source=bench/http/app-db.sh
source "$HERE/app-db.sh"

if [[ $PROVIDER == sqlite ]]; then
  size="$(du -h "$DB" | cut -f1)"
  now="strftime('%Y-%m-%d %H:%M:%S', 'now')"
  indexes="SELECT '    ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('Cases', 'CaseEvents') ORDER BY tbl_name, name"
else
  size="$(sql "SELECT pg_size_pretty(pg_database_size('$DB'))")"
  now="now()"
  indexes="SELECT '    ' || indexdef || '  -- ' || pg_size_pretty(pg_relation_size(indexrelid::regclass)) FROM pg_indexes JOIN pg_stat_user_indexes ON indexrelname = indexname WHERE pg_indexes.tablename IN ('Cases', 'CaseEvents') ORDER BY pg_indexes.tablename, indexname"
fi
{
  echo "database: $DB ($size); cases: $(sql 'SELECT count(*) FROM "Cases"'); history entries: $(sql 'SELECT count(*) FROM "CaseEvents"')"
  echo "in 球川镇: $(sql "SELECT count(*) FROM \"Cases\" WHERE \"RegionPath\" LIKE '%/330822111000/%'"); in 常山县: $(sql "SELECT count(*) FROM \"Cases\" WHERE \"RegionPath\" LIKE (SELECT \"RegionPath\" FROM \"Regions\" WHERE \"Code\" = '330822000000') || '%'")"
  echo "open: $(sql 'SELECT count(*) FROM "Cases" WHERE "Status" IN (1, 2, 4, 5, 8)'); late: $(sql 'SELECT count(*) FROM "Cases" WHERE "Status" IN (1, 2, 4, 5, 8) AND "DeadlineUtc" < '"$now")"
  echo
  echo "Indexes on Cases and CaseEvents:"
  sql "$indexes"
} > "$OUT/data.txt"
cat "$OUT/data.txt" >&2

log "starting one instance on $BASE"
start_app
COOKIE_STAFF=$(sign_in "$STAFF")
COOKIE_OFFICER=$(sign_in "$OFFICER")
COOKIE_ADMIN=$(sign_in "$ADMIN")
cookie_of() { case $1 in staff) echo "$COOKIE_STAFF" ;; officer) echo "$COOKIE_OFFICER" ;; admin) echo "$COOKIE_ADMIN" ;; *) echo "" ;; esac; }
# A cursor 2,000 cases down 球川镇's list (ten pages of 200), or as far down as its last full page.
after=""
for _ in $(seq 1 10); do
  next=$(curl -sf -H "Cookie: $COOKIE_STAFF" -H 'Accept: application/json' "$BASE/api/cases?size=200${after:+&after=$after}" | jq -r '.next // empty')
  [[ -n $next ]] || break
  after=$next
done
[[ -n $after ]] || { echo "list-plans.sh: $STAFF's list has fewer than 200 cases" >&2; exit 1; }
LISTS=(
  "healthz|-|/healthz"
  "staff: first page|staff|/api/cases"
  "staff: 2,000 down (after=…)|staff|/api/cases?after=$after"
  "staff: late|staff|/api/cases?late=true"
  "staff: nearly late|staff|/api/cases?dueSoon=true"
  "staff: status InProgress|staff|/api/cases?status=InProgress"
  "staff: category ZF03|staff|/api/cases?category=ZF03"
  "staff: department queue|staff|/api/cases?queue=true"
  "officer: mine|officer|/api/cases?mine=true"
  "officer: follow-up|officer|/api/cases?followUp=true"
  "county admin: first page|admin|/api/cases"
  "county admin: late|admin|/api/cases?late=true"
  "county admin: status Returned|admin|/api/cases?status=Returned"
  "county admin: category ZF03|admin|/api/cases?category=ZF03"
)

echo -e "tag\tendpoint\treq_s\tp50_ms\tp95_ms\tp99_ms\tmax_ms\trequests\tnon2xx\tsocket_errors" > "$OUT/lists.tsv"
for entry in "${LISTS[@]}"; do
  IFS='|' read -r name role path <<< "$entry"
  [[ $name == healthz || -z ${ONLY:-} || $name =~ ${ONLY:-} ]] || continue
  cookie=$(cookie_of "$role")
  code=$(curl -s -o "$WORK/sample.json" -w '%{http_code}' -H "Cookie: $cookie" -H 'Accept: application/json' "$BASE$path")
  [[ $code == 200 ]] || { echo "list-plans.sh: $name answered $code" >&2; exit 1; }
  SHIGAN_COOKIE=$cookie BENCH_NAME="$name" wrk -t1 -c1 -d3s -s "$HERE/report.lua" "$BASE$path" > /dev/null
  SHIGAN_COOKIE=$cookie BENCH_NAME="$name" wrk -t1 -c1 -d"$DURATION" --latency -s "$HERE/report.lua" "$BASE$path" \
    | grep '^RESULT' | tee -a "$OUT/lists.tsv" >&2
  echo "$name: $(jq -r '(.items | length | tostring) + " items"' "$WORK/sample.json" 2> /dev/null || echo -)" >> "$OUT/items.txt"
done
stop_app
if [[ $PROVIDER == sqlite ]]; then
  log "lists in $OUT/lists.tsv (SQLite: plans by bench/http/sqlite-plans.sh)"
  exit 0
fi

# The plans: auto_explain for this database's new sessions only, each list asked once (the runs above warmed the cache).
log "plans: auto_explain on for $DB"
explain_on
start_app
COOKIE_STAFF=$(sign_in "$STAFF")
COOKIE_OFFICER=$(sign_in "$OFFICER")
COOKIE_ADMIN=$(sign_in "$ADMIN")
from=$(($(wc -l < "$PGLOG") + 1))
for entry in "${LISTS[@]:1}"; do
  IFS='|' read -r name role path <<< "$entry"
  cookie=$(cookie_of "$role")
  sql "SELECT 'plan-marker: $name'" > /dev/null
  curl -s -o /dev/null -H "Cookie: $cookie" -H 'Accept: application/json' "$BASE$path"
  sleep 0.3
done
pids=$(sql "SELECT string_agg(pid::text, ' ') FROM pg_stat_activity WHERE datname = '$DB'")
stop_app
explain_off
# Keep auto_explain's entries (a "plan:" line and its tab-indented lines) of this database's sessions, from each marker on.
tail -n +"$from" "$PGLOG" | awk -v pids=" $pids " '
  /^[0-9][0-9][0-9][0-9]-/ { keep = 0; if (match($0, /\[[0-9]+\]/)) { p = substr($0, RSTART + 1, RLENGTH - 2); keep = ($0 ~ /plan:/) && (index(pids, " " p " ") > 0 || $0 ~ /plan-marker/) } }
  /plan-marker: / && /Query Text/ { sub(/.*plan-marker: /, ""); sub(/'"'"'.*/, ""); print "\n## " $0 "\n"; skipping = 1; next }
  /^[0-9][0-9][0-9][0-9]-/ && keep { skipping = 0 }
  keep && !skipping { print }
' > "$OUT/plans.md"
log "lists in $OUT/lists.tsv; plans in $OUT/plans.md ($(grep -c 'plan:' "$OUT/plans.md") statements)"
