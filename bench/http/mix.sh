#!/usr/bin/env bash
# A realistic mix of requests (mix.lua) against Shigan on one PostgreSQL database, run through nginx with one instance
# and then two (deploy/run-instances.sh), with the raw engine's rate on the same database in the same run. See
# bench/README.md and bench/RESULTS.md ("Province load").
#
#   bench/http/mix.sh                                 # DB=load_province on 127.0.0.1:55500, modes "1 2"
#   SOAK=600 KILL_AT=300 bench/http/mix.sh             # one 10-minute run on two instances, one killed after 5 minutes
#
# Per mode: starts INSTANCES=n instances behind nginx, signs in the staff accounts (again every 40 s in the background,
# so long runs keep fresh cookies), issues an Open311 key, samples case ids, tracking numbers and deep cursors through
# the API, then measures: the raw engine (pgbench, a SELECT by primary key on Cases, PGBENCH_CLIENTS clients), /healthz
# through the proxy (the app's floor), then the mix (warm-up, then DURATION). Reports throughput and p50/p95/p99 of the
# whole mix (wrk) and per endpoint (the proxy's access log: $request_time), answers by status class, each instance's
# working set and the database's open connections at start and end, and checks that every Open311 report wrk got a
# 200 for is a case in the database. Never targets anything but 127.0.0.1.
#
# Settings (environment):
#   PG="Host=127.0.0.1;Port=55500;Username=postgres"  DB=load_province   (the database; it must exist, migrated)
#   MODES="1 2"            instance counts to run, in order
#   DURATION=60s WARMUP=15s THREADS=2 CONNECTIONS=32 TIMEOUT=10s
#   SOAK=0                 seconds: instead of MODES, one run of this length on two instances, with a working-set and
#                          connection sample every 30 s
#   KILL_AT=0              seconds into the soak at which the second instance is killed (SIGKILL); 0: none
#   SOAK_INSTANCES=2       instances in the soak (1: no kill)
#   COUNTERS=""            path of dotnet-counters: each instance's System.Runtime counters (GC heap, committed
#                          memory, gen 0/1/2 collections, allocation rate) every 5 s into counters-<mode>-<pid>.csv
#   DOTNET_gcServer, DOTNET_GCConserveMemory, …  passed on to the instances as they are (the GC's own settings)
#   STAFF=qiuchuan.staff OFFICER=qiuchuan.officer ADMIN=admin   the accounts the mix signs in as
#   WEIGHTS                override the mix (see SPEC below), e.g. WEIGHTS="list=20 detail=20 …"
#   PROXY_PORT=8090 FIRST_PORT=5311  OUT=<folder for results> (default: a new /tmp/shigan-mix.* folder)
#   SUPERVISION=1          0: switch the deadline job off on the instances (on by default, as in production)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
readonly HOST=127.0.0.1 # loopback only
PG=${PG:-Host=127.0.0.1;Port=55500;Username=postgres}
DB=${DB:-load_province}
MODES=${MODES:-1 2}
DURATION=${DURATION:-60s}
WARMUP=${WARMUP:-15s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
TIMEOUT=${TIMEOUT:-10s}
SOAK=${SOAK:-0}
KILL_AT=${KILL_AT:-0}
SOAK_INSTANCES=${SOAK_INSTANCES:-2}
COUNTERS=${COUNTERS:-}
STAFF=${STAFF:-qiuchuan.staff}
OFFICER=${OFFICER:-qiuchuan.officer}
ADMIN=${ADMIN:-admin}
PROXY_PORT=${PROXY_PORT:-8090}
FIRST_PORT=${FIRST_PORT:-5311}
SUPERVISION=${SUPERVISION:-1}
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-8}
PASSWORD='Changshan#2026'
BASE="http://$HOST:$PROXY_PORT"
CONN="$PG;Database=$DB"
# libpq form of the same server, for psql and pgbench
pg_part() { tr ';' '\n' <<< "$PG" | awk -F= -v k="$1" 'tolower($1) == tolower(k) { print $2 }'; }
PGHOST=$(pg_part Host); PGPORT=$(pg_part Port); PGUSER=$(pg_part Username)
export PGHOST PGPORT PGUSER
sql() { psql -X -At -d "$DB" -c "$1"; }

for tool in dotnet wrk curl jq psql pgbench nginx /usr/bin/time; do
  command -v "$tool" > /dev/null || { echo "mix.sh: $tool is missing" >&2; exit 1; }
done
sql 'SELECT 1' > /dev/null || { echo "mix.sh: cannot reach database $DB" >&2; exit 1; }

OUT=${OUT:-$(mktemp -d /tmp/shigan-mix.XXXXXX)}
WORK=$(mktemp -d /tmp/shigan-mix-work.XXXXXX)
mkdir -p "$OUT"
RUNNER=""
SIGNER=""
INSTANCE_PIDS=()
NGINX_LOG=""

log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$OUT/run.log" >&2; }

stop_instances() {
  [[ -n $SIGNER ]] && { kill "$SIGNER" 2> /dev/null || true; wait "$SIGNER" 2> /dev/null || true; }
  SIGNER=""
  if [[ -n $RUNNER ]] && kill -0 "$RUNNER" 2> /dev/null; then
    kill -TERM "$RUNNER" 2> /dev/null || true
    wait "$RUNNER" 2> /dev/null || true
  fi
  RUNNER=""
  INSTANCE_PIDS=()
}
cleanup() {
  stop_instances
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_instances N: deploy/run-instances.sh in the background; sets INSTANCE_PIDS and NGINX_LOG.
start_instances() {
  local n=$1 runlog="$OUT/instances-$1.log"
  log "starting $n instance(s) behind nginx on $BASE"
  local jobs=()
  # The instances take settings from the environment (ASP.NET's Section__Key form).
  INSTANCES=$n PROXY_PORT=$PROXY_PORT FIRST_PORT=$FIRST_PORT \
    Public__PermitsPerMinute=100000000 SignIn__PermitsPerMinute=100000 \
    Cases__SupervisionMinutes=$([[ $SUPERVISION == 1 ]] && echo 1 || echo 0) \
    "$ROOT/deploy/run-instances.sh" "$CONN" > "$runlog" 2>&1 &
  RUNNER=$!
  for _ in $(seq 1 600); do
    grep -qs "^== Shigan on" "$runlog" && curl -sf -o /dev/null --max-time 2 "$BASE/healthz" && break
    kill -0 "$RUNNER" 2> /dev/null || { cat "$runlog" >&2; echo "mix.sh: run-instances.sh stopped" >&2; exit 1; }
    sleep 1
  done
  curl -sf -o /dev/null "$BASE/healthz" || { cat "$runlog" >&2; echo "mix.sh: the proxy did not answer" >&2; exit 1; }
  mapfile -t INSTANCE_PIDS < <(sed -n 's/^instance [0-9]* on .* (pid \([0-9]*\), log .*/\1/p' "$runlog")
  NGINX_LOG="$(sed -n 's/^instance 1 on .* log \(.*\)\/instance-[0-9]*\.log)$/\1/p' "$runlog")/nginx/access.log"
  log "instances: ${INSTANCE_PIDS[*]}; proxy log $NGINX_LOG"
}

# Working set (VmRSS, MiB) of each instance, and the database's connections (total, by state).
rss() {
  local out="" pid
  for pid in "${INSTANCE_PIDS[@]}"; do
    if [[ -r /proc/$pid/status ]]; then
      out+="$pid:$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")MiB "
    else
      out+="$pid:gone "
    fi
  done
  echo "$out"
}
connections() {
  sql "SELECT coalesce(sum(n), 0) || ' (' || coalesce(string_agg(s || ' ' || n, ', '), '') || ')' FROM (SELECT coalesce(state, '?') s, count(*) n FROM pg_stat_activity WHERE datname = '$DB' AND pid <> pg_backend_pid() GROUP BY 1 ORDER BY 1) x"
}

# sign_in USER: the shigan.auth cookie header, through the proxy (any instance may answer).
sign_in() {
  local user=$1 jar="$WORK/jar-$1" token answer
  rm -f "$jar"
  curl -sf -c "$jar" -b "$jar" "$BASE/account/login" -o "$WORK/login-$user.html"
  token=$(grep -o '<input[^>]*name="__RequestVerificationToken"[^>]*>' "$WORK/login-$user.html" | head -n 1 \
    | sed -n 's/.*value="\([^"]*\)".*/\1/p')
  answer=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' \
    --data-urlencode "userName=$user" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "returnUrl=/" --data-urlencode "__RequestVerificationToken=$token" "$BASE/account/signin")
  [[ $answer == 302* && $answer != *error=* ]] || { echo "mix.sh: sign-in as $user failed ($answer)" >&2; return 1; }
  awk -F'\t' '($0 !~ /^#/ || $0 ~ /^#HttpOnly_/) && NF >= 7 && $6 ~ /^shigan\.auth/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar"
}
# The cookies file mix.lua re-reads: written whole, then moved, so a reader never sees half of it.
write_cookies() {
  local tmp="$WORK/cookies.tmp"
  {
    printf 'staff\t%s\n' "$(sign_in "$STAFF")"
    printf 'officer\t%s\n' "$(sign_in "$OFFICER")"
    printf 'admin\t%s\n' "$(sign_in "$ADMIN")"
  } > "$tmp"
  mv "$tmp" "$WORK/cookies.tsv"
}
keep_signing_in() {
  while sleep 40; do write_cookies 2> /dev/null || true; done
}
cookie() { awk -F'\t' -v r="$1" '$1 == r { print $2 }' "$WORK/cookies.tsv"; }
api() { curl -sf -H "Cookie: $(cookie "$1")" -H 'Accept: application/json' "$BASE$2"; }

# Paths the mix reads, sampled once through the API from random places in the lists (so they spread over the data).
sample() {
  local max after i
  max=$(sql 'SELECT max("Id") FROM "Cases"')
  : > "$WORK/detail.paths"; : > "$WORK/public.paths"; : > "$WORK/track.paths"; : > "$WORK/deep.paths"
  for i in $(seq 1 12); do
    after=$(((RANDOM * 32768 + RANDOM) % max + 1))
    api staff "/api/cases?size=200&after=$after" > "$WORK/page.json" || true
    jq -r '.items[].id | "/api/cases/\(.)"' "$WORK/page.json" >> "$WORK/detail.paths"
    jq -r '.items[-1].id // empty | "/api/cases?after=\(.)"' "$WORK/page.json" >> "$WORK/deep.paths"
    api admin "/api/cases?size=200&after=$after" > "$WORK/page.json" || true
    jq -r '.items[].trackingNumber | "/public/cases/\(.)"' "$WORK/page.json" >> "$WORK/public.paths"
  done
  # The newest cases are read most; the first page of the staff's list is in "list" already.
  api staff "/api/cases?size=200" | jq -r '.items[].id | "/api/cases/\(.)"' >> "$WORK/detail.paths"
  sed 's|^/public/cases/|/track?number=|' "$WORK/public.paths" > "$WORK/track.paths"
  for f in detail public track deep; do
    [[ -s $WORK/$f.paths ]] || { echo "mix.sh: sampling found no $f paths" >&2; exit 1; }
  done
  log "sampled $(wc -l < "$WORK/detail.paths") case ids, $(wc -l < "$WORK/public.paths") tracking numbers, $(wc -l < "$WORK/deep.paths") deep cursors (max id $max)"
  psql -X -At -d "$DB" -c "SELECT \"Code\" FROM \"Regions\" WHERE \"Level\" = 3 AND \"RegionPath\" LIKE (SELECT \"RegionPath\" FROM \"Regions\" WHERE \"Code\" = '330822000000') || '%' ORDER BY \"Code\"" > "$WORK/villages.txt"
  [[ -s $WORK/villages.txt ]] || sql 'SELECT "Code" FROM "Regions" WHERE "Level" = 3 ORDER BY "Code" LIMIT 500' > "$WORK/villages.txt"
}

# The mix. weight, name, role, kind, source. Work lists about a third, a case's page a fifth, citizens' tracking a
# fifth, new reports a twentieth, league tables and the dashboard the rest (staff glance at them between cases).
spec() {
  local dashboard=0 role contest
  # Each role's league table: the latest published sheet of the first active contest it reads that has one (the
  # township's weekly village contest for the staff, the county's monthly township contest for the administrator).
  declare -A sheets=()
  for role in staff admin; do
    for contest in $(api "$role" '/api/contests' | jq -r '.items[].id' || true); do
      sheets[$role]=$(api "$role" "/api/contests/$contest/periods" | jq -r --arg c "$contest" '[.[] | select(.sheetId != null)][-1].sheetId // empty | "/api/contests/\($c)/sheets/\(.)"' || true)
      [[ -n ${sheets[$role]} ]] && break
    done
  done
  [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $(cookie staff)" "$BASE/api/dashboard") == 200 ]] && dashboard=1
  {
    printf '12\tlist: staff, first page\tstaff\tGET\t/api/cases\n'
    printf '4\tlist: staff, deep page\tstaff\tGET\t@%s\n' "$WORK/deep.paths"
    printf '4\tlist: staff, late\tstaff\tGET\t/api/cases?late=true\n'
    printf '3\tlist: staff, nearly late\tstaff\tGET\t/api/cases?dueSoon=true\n'
    printf '3\tlist: staff, status InProgress\tstaff\tGET\t/api/cases?status=InProgress\n'
    printf '4\tlist: officer, mine\tofficer\tGET\t/api/cases?mine=true\n'
    printf '2\tlist: officer, follow-up\tofficer\tGET\t/api/cases?followUp=true\n'
    printf '3\tlist: county admin, all\tadmin\tGET\t/api/cases?size=50\n'
    printf '20\tcase page: staff\tstaff\tGET\t@%s\n' "$WORK/detail.paths"
    printf '15\tpublic tracking API\t-\tGET\t@%s\n' "$WORK/public.paths"
    printf '5\tpublic tracking page\t-\tGET\t@%s\n' "$WORK/track.paths"
    printf '5\tOpen311 report\t-\tOPEN311\t/open311/v2/requests.json\n'
    printf '3\tcontests list\tadmin\tGET\t/api/contests\n'
    [[ -n ${sheets[staff]:-} ]] && printf '2\tleague table: staff (township contest)\tstaff\tGET\t%s\n' "${sheets[staff]}"
    [[ -n ${sheets[admin]:-} ]] && printf '2\tleague table: county admin\tadmin\tGET\t%s\n' "${sheets[admin]}"
    ((dashboard)) && printf '5\tdashboard: staff\tstaff\tGET\t/api/dashboard\n'
    ((dashboard)) && printf '3\tdashboard: county admin\tadmin\tGET\t/api/dashboard\n'
    true
  } > "$WORK/spec.tsv"
  [[ -n ${sheets[staff]:-}${sheets[admin]:-} ]] || log "no contest sheet to read: league tables left out"
  ((dashboard)) || log "no /api/dashboard answering 200: the dashboard left out"
  cp "$WORK/spec.tsv" "$OUT/spec.tsv"
}

open311_key() {
  # Client names are unique: one per run.
  curl -s -H "Cookie: $(cookie admin)" -H 'Content-Type: application/json' -H 'Accept: application/json' \
    -d "{\"name\":\"压测客户端 $TAG\"}" "$BASE/api/open311-clients" > "$WORK/key.json" || true
  KEY=$(jq -r '.key // empty' "$WORK/key.json" 2> /dev/null || true)
  [[ -n $KEY ]] || { cat "$WORK/key.json" >&2; echo "mix.sh: no Open311 key" >&2; exit 1; }
}

# Raw engine: pgbench, SELECT by primary key on Cases, for 15 s; prints "tps p50 p95 p99" (ms).
baseline_pg() {
  local max
  max=$(sql 'SELECT max("Id") FROM "Cases"')
  printf '\\set id random(1, %s)\nSELECT "Id", "Status", "DeadlineUtc", "RegionPath" FROM "Cases" WHERE "Id" = :id;\n' "$max" > "$WORK/pk.sql"
  rm -f "$WORK"/pgbench_log.*
  (cd "$WORK" && pgbench -n -M prepared -c "$PGBENCH_CLIENTS" -j 2 -T 15 -f pk.sql -l --log-prefix=pgbench_log "$DB") > "$WORK/pgbench.out" 2>&1
  cat "$WORK/pgbench.out" >> "$OUT/pgbench.log"
  local tps
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench.out" | tail -n 1)
  cat "$WORK"/pgbench_log.* | awk '{ print $3 / 1000 }' | sort -n | awk -v tps="$tps" '{ v[NR] = $1 } END {
    printf "%s\t%.3f\t%.3f\t%.3f\n", tps, v[int(NR * 0.5) + 1], v[int(NR * 0.95) + 1], v[int(NR * 0.99) + 1] }'
}

# run_wrk NAME SCRIPT DURATION [path]: one wrk run through the proxy; the whole output goes to wrk.log.
run_wrk() {
  local name=$1 script=$2 duration=$3 path=${4:-/}
  SHIGAN_COOKIE="" BENCH_NAME=$name MIX_SPEC="$WORK/spec.tsv" MIX_COOKIES="$WORK/cookies.tsv" MIX_KEY=$KEY \
    MIX_VILLAGES="$WORK/villages.txt" MIX_TAG=$TAG MIX_TOKENS="$WORK/tokens-$TAG-" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout "$TIMEOUT" --latency -s "$HERE/$script" "$BASE$path" 2>&1 \
    | tee -a "$OUT/wrk.log"
}

# Per-endpoint times from the proxy's access log lines FROM.. (msec|status|request_time|upstream_time|upstream|method|uri|args).
per_endpoint() {
  local from=$1
  tail -n +"$from" "$NGINX_LOG" | awk -F'|' '
    {
      u = $7; a = $8
      if ($6 == "POST" && u ~ /^\/open311\//) e = "POST /open311/v2/requests.json"
      else if (u ~ /^\/api\/cases\/[0-9]+$/) e = "GET /api/cases/{id}"
      else if (u ~ /^\/public\/cases\//) e = "GET /public/cases/{number}"
      else if (u == "/track") e = "GET /track?number=…"
      else {
        gsub(/\/[0-9]+/, "/{id}", u); gsub(/after=[0-9]+/, "after=…", a)
        e = $6 " " u (a != "" && a != "-" ? "?" a : "")
      }
      # 499: wrk closed the connection with the request in flight (the end of a run), not an answer of the app
      s = ($2 ~ /^[23]/) ? substr($2, 1, 1) "xx" : $2
      printf "%s\t%.3f\t%s\n", e, $3 * 1000, s
    }' | sort -t$'\t' -k1,1 -k2,2n | awk -F'\t' -v secs="$2" '
    function flush() {
      if (n == 0) return
      printf "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %s |\n", e, n, n / secs, v[int(n * 0.5) + 1], v[int(n * 0.95) + 1], v[int(n * 0.99) + 1], v[n], st
    }
    $1 != e { flush(); e = $1; n = 0; delete c; st = "" }
    { v[++n] = $2; c[$3]++; st = ""; for (k in c) st = st k ":" c[k] " " }
    END { flush() }'
}

# check_tokens: every Open311 report acknowledged with 200 during the run is a case.
check_tokens() {
  cat "$WORK"/tokens-"$TAG"-*.txt 2> /dev/null | sort -u > "$WORK/tokens.txt" || true
  local sent missing
  sent=$(wc -l < "$WORK/tokens.txt")
  missing=$(psql -X -At -d "$DB" -q <<EOF
CREATE TEMP TABLE acked (token text);
\copy acked FROM '$WORK/tokens.txt'
SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM "Cases" c WHERE c."Open311Token" = a.token);
EOF
)
  echo "$sent acknowledged Open311 reports, $missing missing from the database"
}

data_summary() {
  {
    echo "database: $DB ($(sql "SELECT pg_size_pretty(pg_database_size('$DB'))")); PostgreSQL $(sql 'SHOW server_version')"
    echo "cases: $(sql 'SELECT count(*) FROM "Cases"'); history entries: $(sql 'SELECT count(*) FROM "CaseEvents"')"
    echo "units: $(sql 'SELECT count(*) FROM "Regions"'); accounts: $(sql 'SELECT count(*) FROM "AspNetUsers"'); contests: $(sql 'SELECT count(*) FROM "Contests"' 2> /dev/null || echo ?)"
    echo "cases by status: $(sql 'SELECT string_agg("Status" || '"':'"' || n, '"' '"' ORDER BY "Status") FROM (SELECT "Status", count(*) n FROM "Cases" GROUP BY 1) x')"
  } > "$OUT/data.txt"
  cat "$OUT/data.txt" >&2
}

# --- runs ----------------------------------------------------------------------------------------------------
data_summary
echo -e "mode\treq_s\tp50_ms\tp95_ms\tp99_ms\tmax_ms\trequests\tnon2xx3xx\tsocket_errors\t2xx\t3xx\t4xx\t5xx\topen311_acked\tpg_tps\tpg_p50\tpg_p95\tpg_p99\thealthz_req_s\thealthz_p99" > "$OUT/summary.tsv"
if ((SOAK > 0)); then MODES=$SOAK_INSTANCES; fi
for mode in $MODES; do
  TAG="m$mode-$(date +%H%M%S)"
  start_instances "$mode"
  write_cookies
  keep_signing_in &
  SIGNER=$!
  open311_key
  [[ -s $WORK/detail.paths ]] || sample
  spec
  log "baseline: pgbench, SELECT by primary key, $PGBENCH_CLIENTS clients, 15 s"
  pg=$(baseline_pg)
  log "pgbench: tps p50 p95 p99 = $pg"
  log "baseline: /healthz through the proxy, 10 s"
  hz=$(SHIGAN_COOKIE="" BENCH_NAME=healthz wrk -t"$THREADS" -c"$CONNECTIONS" -d10s --latency -s "$HERE/report.lua" "$BASE/healthz" | tee -a "$OUT/wrk.log" | grep '^RESULT')
  log "healthz: $hz"
  log "warm-up: the mix for $WARMUP"
  run_wrk "warm-up ($mode instances)" mix.lua "$WARMUP" > /dev/null
  from=$(($(wc -l < "$NGINX_LOG") + 1))
  if ((SOAK > 0)); then
    duration="${SOAK}s"
    secs=$SOAK
  else
    duration=$DURATION
    secs=${DURATION%s}
  fi
  {
    echo "## $mode instance(s) behind nginx: $THREADS threads, $CONNECTIONS connections, $duration"
    echo
    echo "start (after warm-up): working set $(rss); database connections $(connections); load $(cut -d' ' -f1-3 /proc/loadavg)"
  } > "$OUT/mode-$mode.md"
  if ((SOAK > 0)); then
    (
      t=0
      while sleep 30; do
        t=$((t + 30))
        echo "t=${t}s working set $(rss)connections $(connections) load $(cut -d' ' -f1 /proc/loadavg)"
        if ((KILL_AT > 0 && t == KILL_AT && ${#INSTANCE_PIDS[@]} > 1)); then
          echo "t=${t}s KILL -9 instance ${INSTANCE_PIDS[1]} (the second)"
          kill -KILL "${INSTANCE_PIDS[1]}"
        fi
      done
    ) >> "$OUT/soak-samples.txt" &
    sampler=$!
  fi
  counter_pids=()
  if [[ -n $COUNTERS ]]; then
    for pid in "${INSTANCE_PIDS[@]}"; do
      "$COUNTERS" collect -p "$pid" --refresh-interval 5 --format csv -o "$OUT/counters-$mode-$pid.csv" --counters System.Runtime > /dev/null 2>&1 &
      counter_pids+=($!)
    done
  fi
  log "measuring: the mix for $duration"
  out=$(run_wrk "mix ($mode instances)" mix.lua "$duration")
  [[ -n ${sampler:-} ]] && { kill "$sampler" 2> /dev/null || true; wait "$sampler" 2> /dev/null || true; sampler=""; }
  for pid in "${counter_pids[@]}"; do kill -TERM "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; done
  result=$(grep '^RESULT' <<< "$out" | cut -f3-)
  status=$(grep '^MIXSTATUS' <<< "$out" | cut -f2-)
  tokens=$(check_tokens)
  {
    echo "end: working set $(rss); database connections $(connections); load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "whole mix (wrk): req/s p50 p95 p99 max (ms), requests, non-2xx/3xx, socket errors: $(tr '\t' ' ' <<< "$result")"
    echo "answers by class 1xx 2xx 3xx 4xx 5xx, Open311 acknowledged: $(tr '\t' ' ' <<< "$status")"
    echo "wrk socket errors: $(grep '^MIXSOCKET' <<< "$out" | cut -f2- | tr '\t' ' ')"
    echo "Open311: $tokens"
    echo "raw engine (pgbench, SELECT by primary key, $PGBENCH_CLIENTS clients, 15 s): tps p50 p95 p99 (ms) = $pg"
    echo "/healthz through the proxy, 10 s: $(cut -f3-7 <<< "$hz" | tr '\t' ' ') (req/s p50 p95 p99 max ms)"
    echo
    echo "Requests sent by kind (mix.lua):"
    echo
    paste <(cut -f2 "$WORK/spec.tsv") <(grep '^MIXCOUNT' <<< "$out" | cut -f3) | awk -F'\t' '{ printf "- %s: %s\n", $1, $2 }'
    echo
    echo "Per endpoint, from the proxy's log (\$request_time: proxy in to proxy out; ms):"
    echo
    echo "| endpoint | requests | req/s | p50 | p95 | p99 | max | status |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
    per_endpoint "$from" "$secs"
    echo
    echo "Supervision passes that raised cases (instance logs): $(cat "$(dirname "$NGINX_LOG")"/../instance-*.log 2> /dev/null | grep -c 'Supervision raised' || true)"
  } >> "$OUT/mode-$mode.md"
  IFS=$'\t' read -r _ s2 s3 s4 s5 acks <<< "$status"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$mode" "$result" "$s2" "$s3" "$s4" "$s5" "$acks" "$pg" "$(cut -f3 <<< "$hz")" "$(cut -f6 <<< "$hz")" >> "$OUT/summary.tsv"
  cp "$NGINX_LOG" "$OUT/access-$mode.log" 2> /dev/null || true
  for f in "$(dirname "$NGINX_LOG")"/../instance-*.log; do cp "$f" "$OUT/mode-$mode-$(basename "$f")"; done
  [[ -f $OUT/soak-samples.txt ]] && cat "$OUT/soak-samples.txt" >> "$OUT/mode-$mode.md"
  cat "$OUT/mode-$mode.md" >&2
  stop_instances
done
log "results in $OUT"
