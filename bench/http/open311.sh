#!/usr/bin/env bash
# Load test of Open311 intake on loopback with wrk, against the raw SQLite commit rate of the same run. See bench/README.md.
#
# Builds src/Shigan.Web and bench/Shigan.Bench in Release, starts the app on 127.0.0.1 with a fresh SQLite file in a
# temp folder (it migrates and seeds Changshan), issues an Open311 key as admin, then per round:
#   1. the baseline: `Shigan.Bench raw-commits` inserts one case-like row per transaction into another file in the same
#      folder (WAL, synchronous=FULL: the app's settings) for DURATION;
#   2. wrk POSTs Open311 reports (open311.lua: every seeded category, real village codes, varying descriptions,
#      answers to required questions) with CONNECTIONS connections for WARMUP, then for DURATION.
# At the end it stops the app (which finishes what it accepted), and checks with sqlite3 that every token wrk got in
# a 200 answer is a case in the file, and how many of the run's cases there are. Optionally (RAW_WRITERS > 1) the raw
# rate with that many concurrent writers too, for information. Never targets anything but 127.0.0.1.
#
# Settings (environment):
#   PORT=5301  DURATION=20  WARMUP=5 (seconds)  THREADS=2  CONNECTIONS=64  ROUNDS=1  RAW_WRITERS=64 (0: skip)
#   TIMEOUT=10s                wrk's answer timeout (its default, 2 s, counts slow answers as socket errors)
#   OUT=<folder for results>   (default: a new /tmp/shigan-open311-results.* folder)
#   KEEP_DB=0                  1: keep the temp SQLite folder
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
readonly HOST=127.0.0.1 # loopback only: this script must never load anything else
PORT=${PORT:-5301}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-5}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
ROUNDS=${ROUNDS:-1}
RAW_WRITERS=${RAW_WRITERS:-64}
TIMEOUT=${TIMEOUT:-10s}
KEEP_DB=${KEEP_DB:-0}
BASE="http://$HOST:$PORT"
ADMIN=admin
PASSWORD='Changshan#2026'

for tool in dotnet wrk curl jq sqlite3 /usr/bin/time; do
  command -v "$tool" > /dev/null || { echo "open311.sh: $tool is missing" >&2; exit 1; }
done
for n in "$PORT" "$DURATION" "$WARMUP" "$ROUNDS" "$RAW_WRITERS"; do
  [[ $n =~ ^[0-9]+$ ]] || { echo "open311.sh: PORT, DURATION, WARMUP, ROUNDS and RAW_WRITERS must be whole numbers" >&2; exit 1; }
done

WORK=$(mktemp -d /tmp/shigan-open311.XXXXXX)
OUT=${OUT:-$(mktemp -d /tmp/shigan-open311-results.XXXXXX)}
mkdir -p "$OUT/tokens"
APP_PID=""
DB="$WORK/shigan.db"

log() { echo "[$(date +%H:%M:%S)] $*" | tee -a "$OUT/run.log" >&2; }

stop_app() {
  if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2> /dev/null; then
    kill -TERM "$APP_PID" 2> /dev/null || true
    for _ in $(seq 1 150); do
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

# CPU shares during a run: the app (pid, or 0 for none), the load tool (CPU-s), everything else; % of all cores.
shares() { # m0 m1 a0 a1 tool_cpu t0 t1
  awk -v m0="$1" -v m1="$2" -v a0="$3" -v a1="$4" -v w="$5" -v t0="$6" -v t1="$7" -v c="$(nproc)" \
    'BEGIN { t = t1 - t0; a = a1 - a0; o = (m1 - m0) - a - w; if (o < 0) o = 0
             printf "%.1f\t%.1f\t%.1f", 100 * a / (t * c), 100 * w / (t * c), 100 * o / (t * c) }'
}

# --- build -------------------------------------------------------------------------------------------------
build() {
  local project=$1
  for attempt in 1 2 3 4 5; do
    if dotnet build -c Release "$project" -nologo -v quiet > "$OUT/build.log" 2>&1; then
      return 0
    fi
    if grep -qE 'MSB3026|MSB3027|being used by another process' "$OUT/build.log" && [[ $attempt -lt 5 ]]; then
      log "files in use, retrying in 30 s"
      sleep 30
    else
      cat "$OUT/build.log" >&2
      exit 1
    fi
  done
}
log "building src/Shigan.Web and bench/Shigan.Bench (Release) in $ROOT"
build "$ROOT/src/Shigan.Web/Shigan.Web.csproj"
build "$ROOT/bench/Shigan.Bench/Shigan.Bench.csproj"
BIN="$ROOT/src/Shigan.Web/bin/Release/net10.0"
BENCH="$ROOT/bench/Shigan.Bench/bin/Release/net10.0/Shigan.Bench.dll"

# --- start -------------------------------------------------------------------------------------------------
if curl -s -o /dev/null --max-time 2 "$BASE/healthz"; then
  echo "open311.sh: something already answers on $BASE; set PORT" >&2
  exit 1
fi
log "starting the app on $BASE with $DB"
(
  cd "$BIN"
  exec env ASPNETCORE_ENVIRONMENT=Production dotnet Shigan.Web.dll \
    --urls "$BASE" \
    "--Database:Connection=Data Source=$DB" \
    --SignIn:PermitsPerMinute=100000 \
    --Public:PermitsPerMinute=100000000
) > "$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 240); do
  if curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/healthz" 2> /dev/null | grep -q 200; then
    break
  fi
  kill -0 "$APP_PID" 2> /dev/null || { cat "$OUT/app.log" >&2; echo "open311.sh: the app stopped" >&2; exit 1; }
  sleep 0.5
done
curl -sf -o /dev/null "$BASE/healthz" || { echo "open311.sh: /healthz did not answer 200 in 120 s" >&2; exit 1; }
log "app is up (pid $APP_PID)"

# --- an Open311 key, issued by the county administrator --------------------------------------------------------
jar="$WORK/cookies.txt"
curl -sf -c "$jar" -b "$jar" "$BASE/account/login" -o "$WORK/login.html"
token=$(grep -o '<input[^>]*name="__RequestVerificationToken"[^>]*>' "$WORK/login.html" | head -n 1 \
  | sed -n 's/.*value="\([^"]*\)".*/\1/p')
[[ -n $token ]] || { echo "open311.sh: no __RequestVerificationToken on /account/login" >&2; exit 1; }
answer=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' \
  --data-urlencode "userName=$ADMIN" --data-urlencode "password=$PASSWORD" \
  --data-urlencode "returnUrl=/" --data-urlencode "__RequestVerificationToken=$token" \
  "$BASE/account/signin")
[[ $answer == 302* && $answer != *error=* ]] || { echo "open311.sh: sign-in as $ADMIN failed ($answer)" >&2; exit 1; }
KEY=$(curl -sf -b "$jar" -H 'Content-Type: application/json' -H 'Accept: application/json' \
  -d '{"name":"压测客户端"}' "$BASE/api/open311-clients" | jq -r '.key')
[[ -n $KEY && $KEY != null ]] || { echo "open311.sh: no key from /api/open311-clients" >&2; exit 1; }
log "issued an Open311 key (${KEY:0:6}…)"

# --- what is in the database -------------------------------------------------------------------------------
count() { sqlite3 -readonly "$DB" "$1"; }
VILLAGES="$WORK/villages.txt"
count 'SELECT Code FROM Regions WHERE Level = 3 ORDER BY Code' > "$VILLAGES"
# open311.lua answers the required questions of exactly these categories.
required=$(count "SELECT group_concat(Code, ' ') FROM (SELECT Code FROM CaseCategories WHERE IsActive AND Questions LIKE '%\"Required\":true%' ORDER BY Code)")
[[ $required == "ZF01 ZF02 ZF04 ZZ03" ]] || { echo "open311.sh: categories with required questions are now '$required': update open311.lua" >&2; exit 1; }
{
  echo "units: $(count 'SELECT count(*) FROM Regions') (villages and communities $(wc -l < "$VILLAGES"))"
  echo "categories: $(count 'SELECT count(*) FROM CaseCategories WHERE IsActive') (with required questions: $required)"
  echo "departments: $(count 'SELECT count(*) FROM Departments'); routing rules: $(count 'SELECT count(*) FROM CaseRoutingRules')"
  echo "cases before the runs: $(count 'SELECT count(*) FROM Cases')"
} > "$OUT/data.txt"
log "data: $(tr '\n' ';' < "$OUT/data.txt")"

# One report by curl must be taken before anything is measured.
sample=$(curl -s -o "$OUT/sample.json" -w '%{http_code}' -H 'Accept: application/json' \
  --data-urlencode "api_key=$KEY" --data-urlencode "service_code=ZF04" --data-urlencode "address_id=$(head -n 1 "$VILLAGES")" \
  --data-urlencode "description=压测 sample：河边排污口冒黑水" --data-urlencode "attribute[kind][]=sewage" \
  "$BASE/open311/v2/requests.json")
[[ $sample == 200 ]] || { cat "$OUT/sample.json" >&2; echo "open311.sh: a sample report answered $sample" >&2; exit 1; }
log "sample: $(head -c 200 "$OUT/sample.json")"

# --- runs --------------------------------------------------------------------------------------------------
# The raw baseline: one row per commit; RAW writers commits seconds rate synchronous journal_mode, then CPU shares.
raw() {
  local writers=$1 m0 m1 t0 t1 line cpu
  rm -f "$WORK/raw.db" "$WORK/raw.db-wal" "$WORK/raw.db-shm"
  m0=$(machine_cpu)
  t0=$(date +%s.%N)
  line=$(/usr/bin/time -f 'TOOLCPU %U %S' dotnet "$BENCH" raw-commits "$WORK/raw.db" "$DURATION" "$writers" 2>&1)
  t1=$(date +%s.%N)
  m1=$(machine_cpu)
  echo "$line" >> "$OUT/raw.log"
  cpu=$(awk '/^TOOLCPU/ { print $2 + $3 }' <<< "$line")
  grep '^RAW' <<< "$line" > /dev/null || { echo "$line" >&2; echo "open311.sh: raw-commits gave no result" >&2; return 1; }
  # The raw program is the "app" of its run: its CPU goes in the first column.
  printf '%s\t%s\t%s\n' "$(grep '^RAW' <<< "$line")" "$(shares "$m0" "$m1" 0 "$cpu" 0 "$t0" "$t1")" "$(cut -d' ' -f1 /proc/loadavg)"
}

# One wrk run of intake: RESULT line from open311.lua plus the CPU shares and load.
intake() {
  local name=$1 tag=$2 duration=$3 m0 a0 m1 a1 t0 t1 line result wrkcpu
  m0=$(machine_cpu)
  a0=$(process_cpu "$APP_PID")
  t0=$(date +%s.%N)
  line=$(SHIGAN_KEY=$KEY SHIGAN_VILLAGES=$VILLAGES SHIGAN_TAG=$tag SHIGAN_TOKENS="$OUT/tokens/$tag-" BENCH_NAME=$name \
    /usr/bin/time -f 'WRKCPU %U %S' wrk -t"$THREADS" -c"$CONNECTIONS" -d"${duration}s" --timeout "$TIMEOUT" --latency -s "$HERE/open311.lua" \
    "$BASE/open311/v2/requests.json" 2>&1)
  t1=$(date +%s.%N)
  m1=$(machine_cpu)
  a1=$(process_cpu "$APP_PID")
  echo "$line" >> "$OUT/wrk.log"
  result=$(grep '^RESULT' <<< "$line") || { echo "$line" >&2; echo "open311.sh: wrk gave no result for $name" >&2; return 1; }
  wrkcpu=$(awk '/^WRKCPU/ { print $2 + $3 }' <<< "$line")
  printf '%s\t%s\t%s\t%s\n' "$result" "$(shares "$m0" "$m1" "$a0" "$a1" "$wrkcpu" "$t0" "$t1")" "$(cut -d' ' -f1 /proc/loadavg)" "$tag"
}

RAWS="$OUT/raw.tsv"
RESULTS="$OUT/intake.tsv"
: > "$RAWS"
: > "$RESULTS"
for ROUND in $(seq 1 "$ROUNDS"); do
  log "round $ROUND: raw SQLite, one row per commit, 1 writer, ${DURATION} s"
  raw 1 | sed "s/^/$ROUND\t/" | tee -a "$RAWS" >&2
  log "round $ROUND: Open311 intake (warm-up ${WARMUP} s, then ${DURATION} s)"
  intake "warm-up" "w$ROUND" "$WARMUP" > /dev/null
  intake "POST /open311/v2/requests.json" "r$ROUND" "$DURATION" | sed "s/^/$ROUND\t/" | tee -a "$RESULTS" >&2
done
if ((RAW_WRITERS > 1)); then
  log "raw SQLite, one row per commit, $RAW_WRITERS concurrent writers, ${DURATION} s (for information)"
  raw "$RAW_WRITERS" | sed "s/^/info\t/" | tee -a "$RAWS" >&2
fi

# --- checks ------------------------------------------------------------------------------------------------
# Stopped gracefully, the app answers or fails every report it accepted before it exits; then the file is final.
log "stopping the app"
stop_app
CHECKS="$OUT/checks.tsv"
printf 'round\tanswered_200\ttokens_kept\tcases_in_file\ttokens_missing_in_file\n' > "$CHECKS"
for ROUND in $(seq 1 "$ROUNDS"); do
  tag="r$ROUND"
  requests=$(awk -F'\t' -v r="$ROUND" '$1 == r { print $9 - $10 }' "$RESULTS")
  cat "$OUT/tokens/$tag-"*.txt > "$WORK/tokens.txt"
  kept=$(wc -l < "$WORK/tokens.txt")
  stored=$(count "SELECT count(*) FROM Cases WHERE Open311ClientId IS NOT NULL AND Source = 5 AND Description LIKE '压测 $tag %'")
  missing=$(sqlite3 -readonly "$DB" "CREATE TEMP TABLE seen(token TEXT);" ".import $WORK/tokens.txt seen" \
    "SELECT count(*) FROM seen WHERE token NOT IN (SELECT Open311Token FROM Cases WHERE Open311Token IS NOT NULL);")
  printf '%s\t%s\t%s\t%s\t%s\n' "$ROUND" "$requests" "$kept" "$stored" "$missing" | tee -a "$CHECKS" >&2
done
echo "cases after the runs: $(count 'SELECT count(*) FROM Cases'), history entries: $(count 'SELECT count(*) FROM CaseEvents')" >> "$OUT/data.txt"

# --- table -------------------------------------------------------------------------------------------------
awk -F'\t' -v cores="$(nproc)" -v conns="$CONNECTIONS" '
  FILENAME ~ /raw.tsv$/ { if ($1 == "info") { info = $0 } else { raw[$1] = $6; rawrow[$1] = $0 }; next }
  FILENAME ~ /checks.tsv$/ { if (FNR > 1) { ok[$1] = $2; kept[$1] = $3; stored[$1] = $4; missing[$1] = $5 }; next }
  { n++; row[n] = $0 }
  END {
    print "| round | raw commits/s (1 writer) | intake req/s | × raw | meets ≥ 0.5× | p50 ms | p95 ms | p99 ms | 200s | non-2xx | socket errors | cases in file | 200s missing in file | CPU app / wrk / other (intake) | CPU raw / other (raw) |"
    print "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"
    for (i = 1; i <= n; i++) {
      split(row[i], f, "\t"); r = f[1]; split(rawrow[r], w, "\t")
      x = f[4] / raw[r]
      printf "| %s | %.0f | %.0f | %.3f | %s | %.1f | %.1f | %.1f | %d | %d | %d | %d | %d | %.0f%% / %.0f%% / %.0f%% | %.0f%% / %.0f%% |\n",
        r, raw[r], f[4], x, (x >= 0.5 ? "yes" : "no"), f[5], f[6], f[7], ok[r], f[10], f[11], stored[r], missing[r], f[12], f[13], f[14], w[9], w[11]
    }
    if (info != "") {
      split(info, w, "\t")
      printf "\nFor information: raw SQLite with %d concurrent writers, one row per commit: %.0f commits/s (%d commits in %.1f s; CPU raw %.0f%%, other %.0f%%).\n", w[3], w[6], w[4], w[5], w[9], w[11]
    }
    printf "\nCases in file minus 200s: reports committed whose answer wrk did not read before it stopped (at most %d, one per connection).\n", conns
  }' "$RAWS" "$CHECKS" "$RESULTS" > "$OUT/results.md"

{
  echo "date: $(date -Is)"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2> /dev/null || cat "$ROOT/COMMIT" 2> /dev/null || echo unknown)"
  echo "nproc: $(nproc); wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --timeout $TIMEOUT (warm-up ${WARMUP}s) x $ROUNDS round(s); raw-commits ${DURATION}s"
  echo "SQLite: $(awk -F'\t' 'NR == 1 { print "journal_mode=" $8 ", synchronous=" $7 " (per-connection default, not changed by the app or raw-commits)" }' "$RAWS")"
  cat "$OUT/data.txt"
  echo
  cat "$OUT/results.md"
} > "$OUT/summary.md"
cat "$OUT/summary.md"
log "results in $OUT"
# Accepted reports that are not in the file fail the run.
awk -F'\t' 'NR > 1 && $5 != 0 { bad = 1 } END { exit bad }' "$CHECKS" || { echo "open311.sh: some answered reports are not in the file" >&2; exit 1; }
