#!/usr/bin/env bash
# Load test of the HTTP API on loopback with wrk. See bench/README.md.
#
# Builds src/Shigan.Web in Release, starts it on 127.0.0.1 with a fresh SQLite file in a temp folder (it migrates
# and seeds Changshan), signs in as qiuchuan.staff (township staff of 球川镇), then runs wrk against /healthz (the
# framework baseline of this run) and three API reads with the cookie, and writes a table with each endpoint as a
# ratio of /healthz. Stops the app at the end, whatever happens. Never targets anything but 127.0.0.1.
#
# Settings (environment):
#   PORT=5300  DURATION=20s  WARMUP=5s  THREADS=2  CONNECTIONS=64  ROUNDS=1
#                              (WARMUP + DURATION under a minute, or the cookie goes stale mid-run; see sign_in)
#   OUT=<folder for results>   (default: a new /tmp/shigan-http-results.* folder)
#   EXPLAIN=1                  also print EXPLAIN QUERY PLAN of the endpoints' SQL on the seeded file (0: skip)
#   KEEP_DB=0                  1: keep the temp SQLite folder
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PORT=${PORT:-5300}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
ROUNDS=${ROUNDS:-1}
EXPLAIN=${EXPLAIN:-1}
KEEP_DB=${KEEP_DB:-0}
USER_NAME=qiuchuan.staff
TOWNSHIP=球川镇
# shellcheck source=bench/http/common.sh
source "$HERE/common.sh"
check_tools

WORK=$(mktemp -d /tmp/shigan-http.XXXXXX)
OUT=${OUT:-$(mktemp -d /tmp/shigan-http-results.XXXXXX)}
mkdir -p "$OUT/samples"
trap cleanup EXIT
trap 'exit 130' INT TERM

build_app
start_app "$WORK/shigan.db"

# --- sign in -----------------------------------------------------------------------------------------------
# A fresh sign-in before each measured run (see sign_in in common.sh); one extra run at the end uses the first,
# stale cookie to show what re-validating on every request costs.
sign_in "$USER_NAME"
FIRST_COOKIE=$COOKIE
FIRST_COOKIE_AT=$COOKIE_AT
log "signed in as $USER_NAME"

api() { curl -s -H "Cookie: $COOKIE" -H 'Accept: application/json' "$@"; }
ME=$(api "$BASE/api/me" || true)
REGION_ID=$(api "$BASE/api/regions" | jq -r --arg n "$TOWNSHIP" '.items[] | select(.name == $n) | .id' | head -n 1)
[[ $REGION_ID =~ ^[0-9]+$ ]] || { echo "run.sh: $TOWNSHIP not found in /api/regions" >&2; exit 1; }

# --- what is in the database -------------------------------------------------------------------------------
DB="$WORK/shigan.db"
count() { sqlite3 -readonly "$DB" "$1"; }
{
  echo "units: $(count 'SELECT count(*) FROM Regions')" \
    "(county $(count 'SELECT count(*) FROM Regions WHERE Level = 1')," \
    "townships $(count 'SELECT count(*) FROM Regions WHERE Level = 2')," \
    "villages $(count 'SELECT count(*) FROM Regions WHERE Level = 3')," \
    "grids $(count 'SELECT count(*) FROM Regions WHERE Level = 4'))"
  echo "departments: $(count 'SELECT count(*) FROM Departments')"
  echo "accounts: $(count 'SELECT count(*) FROM AspNetUsers')"
  echo "audit entries: $(count 'SELECT count(*) FROM AuditEntries')"
  echo "visible to $USER_NAME: $(count "SELECT count(*) FROM Regions WHERE RegionPath LIKE (SELECT RegionPath FROM Regions WHERE Id = $REGION_ID) || '%'") units," \
    "$(count "SELECT count(*) FROM Departments WHERE RegionPath LIKE (SELECT RegionPath FROM Regions WHERE Id = $REGION_ID) || '%'") departments"
  echo "$TOWNSHIP id: $REGION_ID"
  echo "/api/me: $ME"
} > "$OUT/data.txt"
log "data: $(tr '\n' ';' < "$OUT/data.txt" | cut -c1-200)"

# --- endpoints ---------------------------------------------------------------------------------------------
# name | path | send the cookie
ENDPOINTS=(
  "GET /healthz|/healthz|no"
  "GET /api/regions?q=村|/api/regions?q=%E6%9D%91|yes"
  "GET /api/departments?pageSize=50|/api/departments?pageSize=50|yes"
  "GET /api/regions/$REGION_ID ($TOWNSHIP)|/api/regions/$REGION_ID|yes"
)

# Each endpoint must answer 200 with the cookie before it is measured; keep one answer of each.
i=0
for entry in "${ENDPOINTS[@]}"; do
  IFS='|' read -r name path auth <<< "$entry"
  i=$((i + 1))
  if [[ $auth == yes ]]; then
    status=$(api -o "$OUT/samples/$i.json" -w '%{http_code}' "$BASE$path")
  else
    status=$(curl -s -o "$OUT/samples/$i.json" -w '%{http_code}' "$BASE$path")
  fi
  [[ $status == 200 ]] || { echo "run.sh: $name answered $status" >&2; exit 1; }
  log "sample $name: $(head -c 160 "$OUT/samples/$i.json")"
done

# The cookie each run sends: none (/healthz), the fresh one, or the first one (stale).
cookie_for() {
  case $1 in
    yes) echo "$COOKIE" ;;
    stale) echo "$FIRST_COOKIE" ;;
    *) echo "" ;;
  esac
}

RESULTS="$OUT/results.tsv"
echo "$RESULTS_HEADER" > "$RESULTS"
for ROUND in $(seq 1 "$ROUNDS"); do
  for entry in "${ENDPOINTS[@]}"; do
    IFS='|' read -r name path auth <<< "$entry"
    log "round $ROUND: $name (warm-up $WARMUP, then $DURATION)"
    [[ $auth == yes ]] && sign_in "$USER_NAME"
    measure "$name" "$path" "$(cookie_for "$auth")" "$WARMUP" > /dev/null
    measure "$name" "$path" "$(cookie_for "$auth")" "$DURATION" | tee -a "$RESULTS" >&2
  done
done
# The baseline once more at the end: how far it drifted during the run is the noise floor.
IFS='|' read -r name path auth <<< "${ENDPOINTS[0]}"
ROUND=end
log "end: $name again"
measure "$name (again, at the end)" "$path" "$(cookie_for "$auth")" "$DURATION" | tee -a "$RESULTS" >&2
# The search with the first cookie, now more than a minute old: every request re-validates it and gets a new one.
IFS='|' read -r name path auth <<< "${ENDPOINTS[1]}"
age=$(($(date +%s) - FIRST_COOKIE_AT))
if ((age > 65)); then
  log "end: $name with a stale cookie (${age} s old)"
  measure "$name, stale cookie" "$path" "$(cookie_for stale)" "$WARMUP" > /dev/null
  measure "$name, stale cookie" "$path" "$(cookie_for stale)" "$DURATION" | tee -a "$RESULTS" >&2
fi

# --- table -------------------------------------------------------------------------------------------------
# Rows "end": /healthz again after everything else, and the search with the first cookie, more than a minute old, so
# that every request re-validates and re-issues it.
write_tables "$RESULTS" > "$OUT/results.md"

# --- plans -------------------------------------------------------------------------------------------------
if [[ $EXPLAIN == 1 ]]; then
  stop_app
  log "EXPLAIN QUERY PLAN on the seeded file"
  dotnet run -c Release --project "$ROOT/bench/Shigan.Bench" -- explain "$DB" > "$OUT/plans-changshan.md" 2>&1 \
    || log "explain failed, see $OUT/plans-changshan.md"
fi

{
  echo "date: $(date -Is)"
  echo "commit: $(git -C "$ROOT" rev-parse HEAD 2> /dev/null || cat "$ROOT/../COMMIT" 2> /dev/null || echo unknown)"
  echo "nproc: $(nproc); wrk -t$THREADS -c$CONNECTIONS -d$DURATION (warm-up $WARMUP) x $ROUNDS round(s)"
  cat "$OUT/data.txt"
  echo
  cat "$OUT/results.md"
} > "$OUT/summary.md"
cat "$OUT/summary.md"
log "results in $OUT"
