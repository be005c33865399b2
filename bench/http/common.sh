# Shared by bench/http/run.sh and bench/http/cases.sh (sourced, not run). See bench/README.md.
#
# The caller sets ROOT, HERE, PORT, THREADS, CONNECTIONS, KEEP_DB, OUT and WORK, then calls: check_tools, build_app,
# start_app FILE [extra app options], sign_in USER, measure NAME PATH COOKIE DURATION [PATHS_FILE], write_tables.
# Only 127.0.0.1 is ever targeted.

readonly HOST=127.0.0.1 # loopback only: these scripts must never load anything else
BASE="http://$HOST:$PORT"
PASSWORD='Changshan#2026'
APP_PID=""
COOKIE=""
COOKIE_AT=0

check_tools() {
  for tool in dotnet wrk curl jq sqlite3 /usr/bin/time "$@"; do
    command -v "$tool" > /dev/null || { echo "$(basename "$0"): $tool is missing" >&2; exit 1; }
  done
  [[ $PORT =~ ^[0-9]+$ ]] || { echo "$(basename "$0"): PORT must be a number" >&2; exit 1; }
}

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

# Busy CPU seconds of the whole machine, and of one process (user + system).
machine_cpu() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / { printf "%.2f", ($2 + $3 + $4 + $7 + $8 + $9) / hz }' /proc/stat; }
process_cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }

# Release build of the host (and, given a second project, that one too); retried while other sessions hold the files.
build_app() {
  local project
  for project in "$ROOT/src/Shigan.Web/Shigan.Web.csproj" "$@"; do
    log "building $(basename "$project" .csproj) (Release) in $ROOT"
    for attempt in 1 2 3 4 5; do
      if dotnet build -c Release "$project" -nologo -v quiet > "$OUT/build.log" 2>&1; then
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
  done
  BIN="$ROOT/src/Shigan.Web/bin/Release/net10.0"
}

# start_app FILE [options…]: the Release host on FILE (created, migrated and seeded if new), Production environment.
start_app() {
  local file=$1
  shift
  if curl -s -o /dev/null --max-time 2 "$BASE/healthz"; then
    echo "$(basename "$0"): something already answers on $BASE; set PORT" >&2
    exit 1
  fi
  log "starting the app on $BASE with $file"
  (
    cd "$BIN"
    exec env ASPNETCORE_ENVIRONMENT=Production dotnet Shigan.Web.dll \
      --urls "$BASE" \
      "--Database:Connection=Data Source=$file" \
      --SignIn:PermitsPerMinute=100000 "$@"
  ) > "$OUT/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    if curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/healthz" 2> /dev/null | grep -q 200; then
      break
    fi
    kill -0 "$APP_PID" 2> /dev/null || { cat "$OUT/app.log" >&2; echo "$(basename "$0"): the app stopped" >&2; exit 1; }
    sleep 0.5
  done
  curl -sf -o /dev/null "$BASE/healthz" || { echo "$(basename "$0"): /healthz did not answer 200 in 120 s" >&2; exit 1; }
  log "app is up (pid $APP_PID)"
}

# The cookie is re-checked against the database once it is a minute old (SecurityStampValidator, interval 1 min)
# and then re-issued on every answer; a browser keeps the new one, wrk cannot. So each measured run gets a fresh
# sign-in (warm-up + runs < 60 s). sign_in USER sets COOKIE (the shigan.auth cookie header) and COOKIE_AT.
sign_in() {
  local user=$1 jar="$WORK/cookies.txt" token answer cookie
  rm -f "$jar"
  curl -sf -c "$jar" -b "$jar" "$BASE/account/login" -o "$WORK/login.html"
  token=$(grep -o '<input[^>]*name="__RequestVerificationToken"[^>]*>' "$WORK/login.html" | head -n 1 \
    | sed -n 's/.*value="\([^"]*\)".*/\1/p')
  [[ -n $token ]] || { echo "$(basename "$0"): no __RequestVerificationToken on /account/login" >&2; return 1; }
  answer=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' \
    --data-urlencode "userName=$user" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "returnUrl=/" --data-urlencode "__RequestVerificationToken=$token" \
    "$BASE/account/signin")
  # Netscape cookie file; HttpOnly cookies are written as "#HttpOnly_host". Keep shigan.auth (and its chunks).
  cookie=$(awk -F'\t' '($0 !~ /^#/ || $0 ~ /^#HttpOnly_/) && NF >= 7 && $6 ~ /^shigan\.auth/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
  if [[ -z $cookie || $answer != 302* || $answer == *error=* ]]; then
    echo "$(basename "$0"): sign-in as $user failed ($answer)" >&2
    return 1
  fi
  COOKIE=$cookie
  COOKIE_AT=$(date +%s)
}

# measure NAME PATH COOKIE DURATION [PATHS_FILE]: one wrk run (report.lua; with PATHS_FILE each request takes the
# next path of that file). Prints the RESULT line from report.lua plus the CPU the app, wrk and everything else used
# meanwhile, the load average and $ROUND, tab-separated. THREADS and CONNECTIONS as set by the caller; a request
# slower than WRK_TIMEOUT (10 s; wrk's own default is 2 s) counts as a socket error and not in the latencies.
measure() {
  local name=$1 path=$2 cookie=$3 duration=$4 paths=${5:-}
  local m0 a0 m1 a1 wall0 wall1 line
  wait_idle
  m0=$(machine_cpu)
  a0=$(process_cpu "$APP_PID")
  wall0=$(date +%s.%N)
  line=$(SHIGAN_COOKIE=$cookie BENCH_NAME=$name BENCH_PATHS=$paths /usr/bin/time -f 'WRKCPU %U %S' \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout "${WRK_TIMEOUT:-10s}" --latency -s "$HERE/report.lua" "$BASE$path" 2>&1)
  wall1=$(date +%s.%N)
  m1=$(machine_cpu)
  a1=$(process_cpu "$APP_PID")
  echo "$line" >> "$OUT/wrk.log"
  local result wrkcpu
  result=$(grep '^RESULT' <<< "$line") || { echo "$line" >&2; echo "$(basename "$0"): wrk gave no result for $name" >&2; return 1; }
  wrkcpu=$(awk '/^WRKCPU/ { print $2 + $3 }' <<< "$line")
  # other = machine busy - app - wrk, as a share of all cores during the run
  local other
  other=$(awk -v m0="$m0" -v m1="$m1" -v a0="$a0" -v a1="$a1" -v w="$wrkcpu" -v t0="$wall0" -v t1="$wall1" -v c="$(nproc)" \
    'BEGIN { t = t1 - t0; a = a1 - a0; o = (m1 - m0) - a - w; if (o < 0) o = 0
             printf "%.1f\t%.1f\t%.1f", 100 * a / (t * c), 100 * w / (t * c), 100 * o / (t * c) }')
  printf '%s\t%s\t%s\t%s\n' "$result" "$other" "$(cut -d' ' -f1 /proc/loadavg)" "$ROUND"
}

# Requests wrk gave up on (or the last ones of a run) may still be running in the app: a slow endpoint's leftovers would
# land on the next run. So each run starts once the app has used under 5 % of a core for a second (at most 120 s).
wait_idle() {
  local waited=0 c0 c1
  while ((waited < 120)); do
    c0=$(process_cpu "$APP_PID")
    sleep 1
    c1=$(process_cpu "$APP_PID")
    awk -v a="$c0" -v b="$c1" 'BEGIN { exit !(b - a < 0.05) }' && break
    waited=$((waited + 1))
  done
  ((waited == 0)) || echo "waited $waited s for the app to finish earlier requests" >> "$OUT/wrk.log"
}

RESULTS_HEADER=$'tag\tendpoint\treq_s\tp50_ms\tp95_ms\tp99_ms\tmax_ms\trequests\tnon2xx\tsocket_errors\tapp_cpu_pct\twrk_cpu_pct\tother_cpu_pct\tload1\tround'

# write_tables RESULTS.tsv [BASELINE]: every run, with ratios against the BASELINE run (default GET /healthz) of the
# same round; then, per endpoint, the median over the rounds of each figure and of each ratio, and the spread (min-max)
# of req/s. Rows of round "end" are compared with round 1. "req per app CPU-s" divides req/s by the CPU the app
# actually got during the run: on a shared machine it is steadier than req/s.
write_tables() {
  awk -F'\t' -v cores="$(nproc)" -v base="${2:-GET /healthz}" '
    function median(list,    a, k, i, j, t) {
      k = split(list, a, " ")
      for (i = 2; i <= k; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
      return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
    }
    function lo(list,    a, k, i, m) { k = split(list, a, " "); m = a[1]; for (i = 2; i <= k; i++) if (a[i] + 0 < m + 0) m = a[i]; return m }
    function hi(list,    a, k, i, m) { k = split(list, a, " "); m = a[1]; for (i = 2; i <= k; i++) if (a[i] + 0 > m + 0) m = a[i]; return m }
    NR == 1 { next }
    function eff(rps, pct) { return pct > 0 ? rps / (pct / 100 * cores) : 0 }
    { n++; row[n] = $0; if ($2 == base) { brps[$15] = $3; b50[$15] = $4; b95[$15] = $5; b99[$15] = $6; beff[$15] = eff($3, $11) } }
    END {
      print "Every run (ratios against the " base " run of the same round; rows \"end\" against round 1):"
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
    }' "$1"
}
