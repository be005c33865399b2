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
readonly HOST=127.0.0.1 # loopback only: this script must never load anything else
PORT=${PORT:-5300}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
ROUNDS=${ROUNDS:-1}
EXPLAIN=${EXPLAIN:-1}
KEEP_DB=${KEEP_DB:-0}
BASE="http://$HOST:$PORT"
USER_NAME=qiuchuan.staff
PASSWORD='Changshan#2026'
TOWNSHIP=球川镇

for tool in dotnet wrk curl jq sqlite3 /usr/bin/time; do
  command -v "$tool" > /dev/null || { echo "run.sh: $tool is missing" >&2; exit 1; }
done
[[ $PORT =~ ^[0-9]+$ ]] || { echo "run.sh: PORT must be a number" >&2; exit 1; }

WORK=$(mktemp -d /tmp/shigan-http.XXXXXX)
OUT=${OUT:-$(mktemp -d /tmp/shigan-http-results.XXXXXX)}
mkdir -p "$OUT/samples"
APP_PID=""

log() { echo "[$(date +%H:%M:%S)] $*" | tee -a "$OUT/run.log" >&2; }

stop_app() {
  if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2> /dev/null; then
    kill -TERM "$APP_PID" 2> /dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$APP_PID" 2> /dev/null || break
      sleep 0.2
    done
    kill -KILL "$APP_PID" 2> /dev/null || true
    wait "$APP_PID" 2> /dev/null || true
  fi
  APP_PID=""
}

cleanup() {
  stop_app
  if [[ $KEEP_DB == 1 ]]; then
    log "kept $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Busy CPU seconds of the whole machine, and of one process (user + system).
machine_cpu() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / { printf "%.2f", ($2 + $3 + $4 + $7 + $8 + $9) / hz }' /proc/stat; }
process_cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }

# --- build -------------------------------------------------------------------------------------------------
log "building src/Shigan.Web (Release) in $ROOT"
for attempt in 1 2 3 4 5; do
  if dotnet build -c Release "$ROOT/src/Shigan.Web/Shigan.Web.csproj" -nologo -v quiet > "$OUT/build.log" 2>&1; then
    break
  fi
  if grep -qE 'MSB3026|MSB3027|being used by another process' "$OUT/build.log" && [[ $attempt -lt 5 ]]; then
    log "files in use, retrying in 30 s"
    sleep 30
  else
    cat "$OUT/build.log" >&2
    exit 1
  fi
done
BIN="$ROOT/src/Shigan.Web/bin/Release/net10.0"

# --- start -------------------------------------------------------------------------------------------------
if curl -s -o /dev/null --max-time 2 "$BASE/healthz"; then
  echo "run.sh: something already answers on $BASE; set PORT" >&2
  exit 1
fi
log "starting the app on $BASE with $WORK/shigan.db"
(
  cd "$BIN"
  exec env ASPNETCORE_ENVIRONMENT=Production dotnet Shigan.Web.dll \
    --urls "$BASE" \
    "--Database:Connection=Data Source=$WORK/shigan.db" \
    --SignIn:PermitsPerMinute=100000
) > "$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 240); do
  if curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/healthz" 2> /dev/null | grep -q 200; then
    break
  fi
  kill -0 "$APP_PID" 2> /dev/null || { cat "$OUT/app.log" >&2; echo "run.sh: the app stopped" >&2; exit 1; }
  sleep 0.5
done
curl -sf -o /dev/null "$BASE/healthz" || { echo "run.sh: /healthz did not answer 200 in 120 s" >&2; exit 1; }
log "app is up (pid $APP_PID)"

# --- sign in -----------------------------------------------------------------------------------------------
# The cookie is re-checked against the database once it is a minute old (SecurityStampValidator, interval 1 min)
# and then re-issued on every answer; a browser keeps the new one, wrk cannot. So each measured run gets a fresh
# sign-in (warm-up + run < 60 s), and one extra run at the end uses the first, stale cookie to show that cost.
sign_in() {
  local jar="$WORK/cookies.txt" token answer cookie
  rm -f "$jar"
  curl -sf -c "$jar" -b "$jar" "$BASE/account/login" -o "$WORK/login.html"
  token=$(grep -o '<input[^>]*name="__RequestVerificationToken"[^>]*>' "$WORK/login.html" | head -n 1 \
    | sed -n 's/.*value="\([^"]*\)".*/\1/p')
  [[ -n $token ]] || { echo "run.sh: no __RequestVerificationToken on /account/login" >&2; return 1; }
  answer=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' \
    --data-urlencode "userName=$USER_NAME" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "returnUrl=/" --data-urlencode "__RequestVerificationToken=$token" \
    "$BASE/account/signin")
  # Netscape cookie file; HttpOnly cookies are written as "#HttpOnly_host". Keep shigan.auth (and its chunks).
  cookie=$(awk -F'\t' '($0 !~ /^#/ || $0 ~ /^#HttpOnly_/) && NF >= 7 && $6 ~ /^shigan\.auth/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
  if [[ -z $cookie || $answer != 302* || $answer == *error=* ]]; then
    echo "run.sh: sign-in as $USER_NAME failed ($answer)" >&2
    return 1
  fi
  COOKIE=$cookie
  COOKIE_AT=$(date +%s)
}
sign_in
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

# One measured run: RESULT line from report.lua plus the CPU the app, wrk and everything else used meanwhile.
measure() {
  local name=$1 path=$2 auth=$3 duration=$4 cookie=""
  [[ $auth == yes ]] && cookie=$COOKIE
  [[ $auth == stale ]] && cookie=$FIRST_COOKIE
  local m0 a0 m1 a1 wall0 wall1 line
  m0=$(machine_cpu)
  a0=$(process_cpu "$APP_PID")
  wall0=$(date +%s.%N)
  line=$(SHIGAN_COOKIE=$cookie BENCH_NAME=$name /usr/bin/time -f 'WRKCPU %U %S' \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency -s "$HERE/report.lua" "$BASE$path" 2>&1)
  wall1=$(date +%s.%N)
  m1=$(machine_cpu)
  a1=$(process_cpu "$APP_PID")
  echo "$line" >> "$OUT/wrk.log"
  local result wrkcpu
  result=$(grep '^RESULT' <<< "$line") || { echo "$line" >&2; echo "run.sh: wrk gave no result for $name" >&2; return 1; }
  wrkcpu=$(awk '/^WRKCPU/ { print $2 + $3 }' <<< "$line")
  # other = machine busy - app - wrk, as a share of all cores during the run
  local other
  other=$(awk -v m0="$m0" -v m1="$m1" -v a0="$a0" -v a1="$a1" -v w="$wrkcpu" -v t0="$wall0" -v t1="$wall1" -v c="$(nproc)" \
    'BEGIN { t = t1 - t0; a = a1 - a0; o = (m1 - m0) - a - w; if (o < 0) o = 0
             printf "%.1f\t%.1f\t%.1f", 100 * a / (t * c), 100 * w / (t * c), 100 * o / (t * c) }')
  printf '%s\t%s\t%s\t%s\n' "$result" "$other" "$(cut -d' ' -f1 /proc/loadavg)" "$ROUND"
}

RESULTS="$OUT/results.tsv"
printf 'tag\tendpoint\treq_s\tp50_ms\tp95_ms\tp99_ms\tmax_ms\trequests\tnon2xx\tsocket_errors\tapp_cpu_pct\twrk_cpu_pct\tother_cpu_pct\tload1\tround\n' > "$RESULTS"
for ROUND in $(seq 1 "$ROUNDS"); do
  for entry in "${ENDPOINTS[@]}"; do
    IFS='|' read -r name path auth <<< "$entry"
    log "round $ROUND: $name (warm-up $WARMUP, then $DURATION)"
    [[ $auth == yes ]] && sign_in
    measure "$name" "$path" "$auth" "$WARMUP" > /dev/null
    measure "$name" "$path" "$auth" "$DURATION" | tee -a "$RESULTS" >&2
  done
done
# The baseline once more at the end: how far it drifted during the run is the noise floor.
IFS='|' read -r name path auth <<< "${ENDPOINTS[0]}"
ROUND=end
log "end: $name again"
measure "$name (again, at the end)" "$path" "$auth" "$DURATION" | tee -a "$RESULTS" >&2
# The search with the first cookie, now more than a minute old: every request re-validates it and gets a new one.
IFS='|' read -r name path auth <<< "${ENDPOINTS[1]}"
age=$(($(date +%s) - FIRST_COOKIE_AT))
if ((age > 65)); then
  log "end: $name with a stale cookie (${age} s old)"
  measure "$name, stale cookie" "$path" stale "$WARMUP" > /dev/null
  measure "$name, stale cookie" "$path" stale "$DURATION" | tee -a "$RESULTS" >&2
fi

# --- table -------------------------------------------------------------------------------------------------
# Every run, with ratios against the /healthz run of the same round; then, per endpoint, the median over the
# rounds of each figure and of each ratio, and the spread (min-max) of req/s. "req per app CPU-s" divides req/s by
# the CPU the app actually got during the run: on a shared machine it is steadier than req/s.
awk -F'\t' -v cores="$(nproc)" '
  function median(list,    a, k, i, j, t) {
    k = split(list, a, " ")
    for (i = 2; i <= k; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
  }
  function lo(list,    a, k, i, m) { k = split(list, a, " "); m = a[1]; for (i = 2; i <= k; i++) if (a[i] + 0 < m + 0) m = a[i]; return m }
  function hi(list,    a, k, i, m) { k = split(list, a, " "); m = a[1]; for (i = 2; i <= k; i++) if (a[i] + 0 > m + 0) m = a[i]; return m }
  NR == 1 { next }
  function eff(rps, pct) { return pct > 0 ? rps / (pct / 100 * cores) : 0 }
  { n++; row[n] = $0; if ($2 == "GET /healthz") { brps[$15] = $3; b50[$15] = $4; b95[$15] = $5; b99[$15] = $6; beff[$15] = eff($3, $11) } }
  END {
    print "Every run (ratios against the /healthz run of the same round; rows \"end\": /healthz again after everything else, and"
    print "the search with the first cookie, more than a minute old, so that every request re-validates and re-issues it):"
    print ""
    print "| round | endpoint | req/s | × healthz | p50 ms | × healthz | p95 ms | × healthz | p99 ms | × healthz | non-2xx | CPU app / wrk / other | req per app CPU-s | × healthz |"
    print "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |"
    for (i = 1; i <= n; i++) {
      split(row[i], f, "\t"); r = f[15]; b = (r == "end") ? 1 : r
      ef = eff(f[3], f[11])
      printf "| %s | %s | %.0f | %.3f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %.0f%% / %.0f%% / %.0f%% | %.0f | %.3f |\n",
        r, f[2], f[3], f[3] / brps[b], f[4], f[4] / b50[b], f[5], f[5] / b95[b], f[6], f[6] / b99[b], f[9], f[11], f[12], f[13], ef, ef / beff[b]
      if (r == "end") continue
      e = f[2]; if (!(e in seen)) { seen[e] = 1; order[++m] = e }
      rps[e] = rps[e] " " f[3]; q50[e] = q50[e] " " f[4]; q95[e] = q95[e] " " f[5]; q99[e] = q99[e] " " f[6]
      xr[e] = xr[e] " " f[3] / brps[b]; x50[e] = x50[e] " " f[4] / b50[b]; x95[e] = x95[e] " " f[5] / b95[b]; x99[e] = x99[e] " " f[6] / b99[b]
      oth[e] = oth[e] " " f[13]; xe[e] = xe[e] " " ef; xx[e] = xx[e] " " ef / beff[b]
    }
    print ""
    print "Medians over the rounds:"
    print ""
    print "| endpoint | req/s (min-max) | × healthz | p50 ms | × healthz | p95 ms | × healthz | p99 ms | × healthz | other load % (min-max) | req per app CPU-s | × healthz |"
    print "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    for (i = 1; i <= m; i++) {
      e = order[i]
      printf "| %s | %.0f (%.0f-%.0f) | %.3f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f (%.0f-%.0f) | %.0f | %.3f |\n",
        e, median(rps[e]), lo(rps[e]), hi(rps[e]), median(xr[e]), median(q50[e]), median(x50[e]), median(q95[e]), median(x95[e]),
        median(q99[e]), median(x99[e]), median(oth[e]), lo(oth[e]), hi(oth[e]), median(xe[e]), median(xx[e])
    }
  }' "$RESULTS" > "$OUT/results.md"

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
