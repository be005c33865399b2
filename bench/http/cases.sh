#!/usr/bin/env bash
# Load test of the work lists, a case and the public tracking page with a million cases, on loopback with wrk.
# See bench/README.md.
#
# Builds src/Shigan.Web and bench/Shigan.Bench in Release, makes a SQLite file with COUNT cases over the real
# Changshan tree (seed-cases; or reuses DB=path), starts the app on it, signs in as 球川镇's township staff
# (qiuchuan.staff), its platform officer (qiuchuan.officer) and the county administrator (admin), and runs wrk
# against /healthz (the baseline of the round) and each read below. Every endpoint gets a fresh sign-in, a warm-up,
# then two runs: one connection (the server time of one request: the p95 < 50 ms target is read here), and
# LOAD_CONNECTIONS connections (throughput). Case ids, tracking numbers and deep-page cursors vary per request.
# Stops the app at the end, whatever happens. Never targets anything but 127.0.0.1.
#
# Settings (environment):
#   DB=<file.db>               reuse a file made by seed-cases (default: make one in a temp folder, ≈ 1 min)
#   COUNT=1000000              cases to generate when DB is not given
#   INDEX_SQL=<file.sql>       SQL run on the file before the app starts (e.g. candidate indexes; it stays in the file)
#   PORT=5300  WARMUP=3s  DURATION=10s  THREADS=1  CONNECTIONS=1
#   LOAD_THREADS=2  LOAD_CONNECTIONS=16  LOAD_DURATION=10s   (LOAD_CONNECTIONS=0 skips the load runs)
#   ROUNDS=1  SAMPLES=2000  DEEP_PAGES=50  (cursors 5,000-10,000 cases down, pages of 200 walked to find them)
#   ONLY=<regex>               measure only the endpoints whose name matches (and /healthz, the baseline)
#   OUT=<folder for results>   (default: a new /tmp/shigan-cases-results.* folder)
#   SUPERVISION=0              1: leave the deadline job on (every minute). Off by default: at a million cases a pass
#                              can take seconds of CPU, which would land on whichever endpoint is being measured;
#                              explain times the job's read on its own.
#   EXPLAIN=1                  also print EXPLAIN QUERY PLAN (and in-process times) of the endpoints' SQL (0: skip)
#   KEEP_DB=0                  1: keep the temp folder with the generated file (then pass it as DB=)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PORT=${PORT:-5300}
WARMUP=${WARMUP:-3s}
DURATION=${DURATION:-10s}
THREADS=${THREADS:-1}
CONNECTIONS=${CONNECTIONS:-1}
LOAD_THREADS=${LOAD_THREADS:-2}
LOAD_CONNECTIONS=${LOAD_CONNECTIONS:-16}
LOAD_DURATION=${LOAD_DURATION:-10s}
ROUNDS=${ROUNDS:-1}
COUNT=${COUNT:-1000000}
SAMPLES=${SAMPLES:-2000}
DEEP_PAGES=${DEEP_PAGES:-50}
EXPLAIN=${EXPLAIN:-1}
SUPERVISION=${SUPERVISION:-0}
KEEP_DB=${KEEP_DB:-0}
STAFF=qiuchuan.staff
OFFICER=qiuchuan.officer
ADMIN=admin
TOWNSHIP_CODE=330822111000 # 球川镇
# shellcheck source=bench/http/common.sh
source "$HERE/common.sh"
check_tools

WORK=$(mktemp -d /tmp/shigan-cases.XXXXXX)
OUT=${OUT:-$(mktemp -d /tmp/shigan-cases-results.XXXXXX)}
mkdir -p "$OUT/samples"
trap cleanup EXIT
trap 'exit 130' INT TERM

build_app "$ROOT/bench/Shigan.Bench/Shigan.Bench.csproj"
BENCH="dotnet $ROOT/bench/Shigan.Bench/bin/Release/net10.0/Shigan.Bench.dll"

# --- the file ----------------------------------------------------------------------------------------------
if [[ -n ${DB:-} ]]; then
  [[ -f $DB ]] || { echo "cases.sh: DB=$DB does not exist" >&2; exit 1; }
  log "reusing $DB"
else
  DB="$WORK/cases.db"
  log "generating $COUNT cases into $DB"
  start=$(date +%s)
  $BENCH seed-cases "$DB" "$COUNT" | tee "$OUT/seed.log" >&2
  log "generated in $(($(date +%s) - start)) s"
fi
if [[ -n ${INDEX_SQL:-} ]]; then
  log "applying $INDEX_SQL"
  cp "$INDEX_SQL" "$OUT/index.sql"
  start=$(date +%s)
  sqlite3 "$DB" < "$INDEX_SQL"
  log "applied in $(($(date +%s) - start)) s"
fi

count() { sqlite3 -readonly "$DB" "$1"; }
{
  echo "file: $DB, $(($(stat -c %s "$DB") / 1024 / 1024)) MiB"
  echo "cases: $(count 'SELECT count(*) FROM Cases'); events: $(count 'SELECT count(*) FROM CaseEvents')"
  echo "cases by status: $(count 'SELECT group_concat(Status || ":" || n, " ") FROM (SELECT Status, count(*) n FROM Cases GROUP BY Status)')"
  echo "in 球川镇 ($STAFF's scope): $(count "SELECT count(*) FROM Cases WHERE RegionPath >= '330822000000/$TOWNSHIP_CODE/' AND RegionPath < '330822000000/${TOWNSHIP_CODE}0'")"
  echo "reported from $(count 'SELECT min(ReportedAtUtc) FROM Cases') to $(count 'SELECT max(ReportedAtUtc) FROM Cases') UTC"
  echo "units: $(count 'SELECT count(*) FROM Regions'); departments: $(count 'SELECT count(*) FROM Departments'); accounts: $(count 'SELECT count(*) FROM AspNetUsers')"
  echo "sqlite_stat1 rows: $(count "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'" | grep -q 1 && count 'SELECT count(*) FROM sqlite_stat1' || echo none)"
  echo "indexes on Cases and CaseEvents:"
  count "SELECT '  ' || sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('Cases', 'CaseEvents') AND sql IS NOT NULL ORDER BY tbl_name, name"
} > "$OUT/data.txt"
log "data: $(head -n 4 "$OUT/data.txt" | tr '\n' ';' | cut -c1-300)"

# Ids of 球川镇 (the staff's scope) and tracking numbers of the whole county, one path per line for report.lua.
$BENCH case-samples "$DB" "$SAMPLES" "$TOWNSHIP_CODE" > "$WORK/township.tsv"
$BENCH case-samples "$DB" "$SAMPLES" > "$WORK/county.tsv"
cut -f1 "$WORK/township.tsv" | sed 's|^|/api/cases/|' > "$WORK/detail.paths"
cut -f2 "$WORK/county.tsv" | sed 's|^|/public/cases/|' > "$WORK/public.paths"
cut -f2 "$WORK/county.tsv" | sed 's|^|/track?number=|' > "$WORK/track.paths"

jobs=()
[[ $SUPERVISION == 1 ]] || jobs=(--Cases:SupervisionMinutes=0)
start_app "$DB" --Public:PermitsPerMinute=100000000 "${jobs[@]}"
api() { curl -s -H "Cookie: $COOKIE" -H 'Accept: application/json' "$@"; }

# --- deep pages: walk the staff's list by the cursor the API returns -----------------------------------------
sign_in "$STAFF"
: > "$WORK/deep.paths"
after=""
start=$(date +%s.%N)
for page in $(seq 1 "$DEEP_PAGES"); do
  after=$(api "$BASE/api/cases?size=200${after:+&after=$after}" | jq -r '.next // empty')
  [[ -n $after ]] || { echo "cases.sh: the list ended after $page pages" >&2; exit 1; }
  ((page * 2 > DEEP_PAGES)) && echo "/api/cases?after=$after" >> "$WORK/deep.paths"
done
log "walked $DEEP_PAGES pages of 200 in $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s; $(wc -l < "$WORK/deep.paths") cursors, $((DEEP_PAGES * 100))-$((DEEP_PAGES * 200)) cases down"

# --- endpoints ---------------------------------------------------------------------------------------------
# name | path | account (- for none) | file of paths (- for the path alone)
ENDPOINTS=(
  "GET /healthz|/healthz|-|-"
  "GET /api/cases (township staff, first page)|/api/cases|$STAFF|-"
  "GET /api/cases?after=… (township staff, 5,000-10,000 down)|$(head -n 1 "$WORK/deep.paths")|$STAFF|$WORK/deep.paths"
  "GET /api/cases?late=true (township staff)|/api/cases?late=true|$STAFF|-"
  "GET /api/cases?category=ZF03 (township staff)|/api/cases?category=ZF03|$STAFF|-"
  "GET /api/cases?status=InProgress (township staff)|/api/cases?status=InProgress|$STAFF|-"
  "GET /api/cases?category=ZF03&status=Closed (township staff)|/api/cases?category=ZF03&status=Closed|$STAFF|-"
  "GET /api/cases?status=Returned (township staff: the command room's queue, rare)|/api/cases?status=Returned|$STAFF|-"
  "GET /api/cases?mine=true (platform officer)|/api/cases?mine=true|$OFFICER|-"
  "GET /api/cases?mine=true (township staff, who has none)|/api/cases?mine=true|$STAFF|-"
  "GET /api/cases?followUp=true (platform officer)|/api/cases?followUp=true|$OFFICER|-"
  "GET /api/cases (county admin, all county)|/api/cases|$ADMIN|-"
  "GET /api/cases?late=true (county admin)|/api/cases?late=true|$ADMIN|-"
  "GET /api/dashboard (county admin)|/api/dashboard|$ADMIN|-"
  "GET /api/dashboard (township staff)|/api/dashboard|$STAFF|-"
  "GET /api/cases/{id} (township staff, $SAMPLES ids)|$(head -n 1 "$WORK/detail.paths")|$STAFF|$WORK/detail.paths"
  "GET /public/cases/{number} ($SAMPLES numbers)|$(head -n 1 "$WORK/public.paths")|-|$WORK/public.paths"
  "GET /track?number=… (page, $SAMPLES numbers)|$(head -n 1 "$WORK/track.paths")|-|$WORK/track.paths"
)

if [[ -n ${ONLY:-} ]]; then
  kept=()
  for entry in "${ENDPOINTS[@]}"; do
    [[ ${entry%%|*} == "GET /healthz" || ${entry%%|*} =~ $ONLY ]] && kept+=("$entry")
  done
  ENDPOINTS=("${kept[@]}")
fi

# Each endpoint must answer 200 before it is measured (for a list of paths: its first 20); keep one answer of each.
i=0
for entry in "${ENDPOINTS[@]}"; do
  IFS='|' read -r name path user paths <<< "$entry"
  i=$((i + 1))
  COOKIE=""
  [[ $user != - ]] && sign_in "$user"
  checks=("$path")
  [[ $paths != - ]] && mapfile -t checks < <(head -n 20 "$paths")
  for check in "${checks[@]}"; do
    status=$(curl -s -H "Cookie: $COOKIE" -H 'Accept: application/json' -o "$OUT/samples/$i.json" -w '%{http_code}' "$BASE$check")
    [[ $status == 200 ]] || { echo "cases.sh: $name answered $status for $check" >&2; exit 1; }
  done
  log "sample $name: $(head -c 160 "$OUT/samples/$i.json" | tr '\n' ' ')"
done

LATENCY="$OUT/results-latency.tsv"
LOAD="$OUT/results-load.tsv"
echo "$RESULTS_HEADER" > "$LATENCY"
echo "$RESULTS_HEADER" > "$LOAD"
one=$THREADS
ones=$CONNECTIONS
for ROUND in $(seq 1 "$ROUNDS"); do
  for entry in "${ENDPOINTS[@]}"; do
    IFS='|' read -r name path user paths <<< "$entry"
    [[ $paths == - ]] && paths=""
    COOKIE=""
    [[ $user != - ]] && sign_in "$user"
    log "round $ROUND: $name (warm-up $WARMUP, $DURATION at $ones connection(s), $LOAD_DURATION at $LOAD_CONNECTIONS)"
    THREADS=$one CONNECTIONS=$ones
    measure "$name" "$path" "$COOKIE" "$WARMUP" "$paths" > /dev/null
    measure "$name" "$path" "$COOKIE" "$DURATION" "$paths" | tee -a "$LATENCY" >&2
    if ((LOAD_CONNECTIONS > 0)); then
      THREADS=$LOAD_THREADS CONNECTIONS=$LOAD_CONNECTIONS
      measure "$name" "$path" "$COOKIE" "$LOAD_DURATION" "$paths" | tee -a "$LOAD" >&2
    fi
  done
done
# The baseline once more at the end: how far it drifted during the run is the noise floor.
IFS='|' read -r name path user paths <<< "${ENDPOINTS[0]}"
ROUND=end
THREADS=$one CONNECTIONS=$ones
log "end: $name again"
measure "$name (again, at the end)" "$path" "" "$DURATION" | tee -a "$LATENCY" >&2
APP_CPU=$(process_cpu "$APP_PID")

# --- tables ------------------------------------------------------------------------------------------------
{
  echo "### $ones connection(s): server time of one request (target: p95 < 50 ms)"
  echo
  write_tables "$LATENCY"
  echo
  # The target, per endpoint: the median p95 over the rounds; beside it the app's CPU per request (CPU the app got during
  # the run / requests), which the other sessions' load inflates far less than wall times.
  awk -F'\t' -v cores="$(nproc)" 'NR > 1 && $15 != "end" {
      e = $2; if (!(e in seen)) { seen[e] = 1; order[++n] = e }
      p50[e] = p50[e] " " $4; p95[e] = p95[e] " " $5; cpu[e] = cpu[e] " " ($3 > 0 ? 1000 * $11 / 100 * cores / $3 : 0)
    }
    function median(list,    a, k, i, j, t) {
      k = split(list, a, " ")
      for (i = 2; i <= k; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
      return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
    }
    END {
      base = median(cpu["GET /healthz"])
      print "| endpoint | p50 ms | p95 ms | p95 < 50 ms | app CPU ms per request | × healthz |"
      print "| --- | ---: | ---: | --- | ---: | ---: |"
      for (i = 1; i <= n; i++) {
        e = order[i]; m = median(p95[e]); c = median(cpu[e])
        printf "| %s | %.2f | %.2f | %s | %.2f | %.1f |\n", e, median(p50[e]), m, (m < 50 ? "yes" : "**no**"), c, (base > 0 ? c / base : 0)
      }
    }' "$LATENCY"
  if ((LOAD_CONNECTIONS > 0)); then
    echo
    echo "### $LOAD_CONNECTIONS connections: throughput"
    echo
    write_tables "$LOAD"
  fi
} > "$OUT/results.md"

# Whether the deadline job (every minute) wrote anything during the run: it should find nothing to raise.
grep -h "Supervision raised" "$OUT/app.log" > "$OUT/supervision.log" || true

# --- plans -------------------------------------------------------------------------------------------------
if [[ $EXPLAIN == 1 ]]; then
  stop_app
  log "EXPLAIN QUERY PLAN on the file"
  $BENCH explain "$DB" > "$OUT/plans-cases.md" 2>&1 || log "explain failed, see $OUT/plans-cases.md"
fi

{
  echo "date: $(date -Is)"
  echo "commit: $(git -C "$ROOT" rev-parse HEAD 2> /dev/null || cat "$ROOT/../COMMIT" 2> /dev/null || echo unknown)$(git -C "$ROOT" rev-parse --git-dir > /dev/null 2>&1 && ! git -C "$ROOT" diff --quiet HEAD -- src && echo ' (src has uncommitted changes)')"
  echo "nproc: $(nproc); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); app CPU over the whole run: ${APP_CPU} s"
  echo "wrk: warm-up $WARMUP, then -t$one -c$ones -d$DURATION; load -t$LOAD_THREADS -c$LOAD_CONNECTIONS -d$LOAD_DURATION; x $ROUNDS round(s)"
  echo "supervision job: $([[ $SUPERVISION == 1 ]] && echo "on; $(wc -l < "$OUT/supervision.log") pass(es) raised cases during the run" || echo "off (SUPERVISION=0)")"
  cat "$OUT/data.txt"
  echo
  cat "$OUT/results.md"
} > "$OUT/summary.md"
cat "$OUT/summary.md"
log "results in $OUT"
