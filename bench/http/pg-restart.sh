#!/usr/bin/env bash
# PostgreSQL restarted under load (issue 7, "bad conditions"): a PostgreSQL cluster of this script's own (initdb into
# FOLDER, port PGPORT_OWN: never the shared server), one Release instance on it with the Changshan demo data, wrk
# reading work lists on CONNECTIONS connections for DURATION s while the cluster is stopped at STOP_AT s and started
# again DOWN s later. Meanwhile /healthz and one list are asked every 0.25 s and each answer's code is kept with its
# time, so the log shows when the app said it was unhealthy, what the users got, and when it served again by itself.
# See bench/RESULTS.md ("Province load, third run").
#
#   bench/http/pg-restart.sh
#
# Settings (environment): PGPORT_OWN=55510  FOLDER=/tmp/ld2pg (must not exist; removed at the end)  DB=ld2_restart
#   PORT=5343  DURATION=45  STOP_AT=10  DOWN=10  CONNECTIONS=4  OUT=<folder> (default: a new /tmp folder)
# Needs the Release build and Debian's PostgreSQL server binaries. Never targets anything but 127.0.0.1.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
readonly HOST=127.0.0.1
PGPORT_OWN=${PGPORT_OWN:-55510}
FOLDER=${FOLDER:-/tmp/ld2pg}
DB=${DB:-ld2_restart}
PORT=${PORT:-5343}
DURATION=${DURATION:-45}
STOP_AT=${STOP_AT:-10}
DOWN=${DOWN:-10}
CONNECTIONS=${CONNECTIONS:-4}
PASSWORD='Changshan#2026'
BASE="http://$HOST:$PORT"
OUT=${OUT:-$(mktemp -d /tmp/shigan-pg-restart.XXXXXX)}
mkdir -p "$OUT"
BIN="$ROOT/src/Shigan.Web/bin/Release/net10.0"
[[ -f $BIN/Shigan.Web.dll ]] || { echo "pg-restart.sh: no Release build in $BIN" >&2; exit 1; }
PGBIN=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d | sort -V | tail -n 1)
[[ -x $PGBIN/initdb ]] || { echo "pg-restart.sh: no PostgreSQL server binaries under /usr/lib/postgresql" >&2; exit 1; }
[[ ! -e $FOLDER ]] || { echo "pg-restart.sh: $FOLDER exists; remove it or set FOLDER" >&2; exit 1; }
APP_PID=""
PROBES=()

log() { echo "[$(date -u +%H:%M:%S.%2N)] $*" | tee -a "$OUT/run.log" >&2; }
as_pg() { runuser -u postgres -- "$@"; }
pg_start() { as_pg "$PGBIN/pg_ctl" -D "$FOLDER/data" -l "$FOLDER/log" -w -o "-p $PGPORT_OWN -c listen_addresses=$HOST -c unix_socket_directories=$FOLDER -c fsync=off" start > /dev/null; }
pg_stop() { as_pg "$PGBIN/pg_ctl" -D "$FOLDER/data" -w -m fast stop > /dev/null; }
cleanup() {
  touch "$OUT/.stop" 2> /dev/null || true
  for p in "${PROBES[@]}"; do wait "$p" 2> /dev/null || true; done
  if [[ -n $APP_PID ]]; then kill -TERM "$APP_PID" 2> /dev/null || true; wait "$APP_PID" 2> /dev/null || true; fi
  if [[ -d $FOLDER/data ]]; then
    cp "$FOLDER/log" "$OUT/postgres.log" 2> /dev/null || true
    as_pg "$PGBIN/pg_ctl" -D "$FOLDER/data" -w -m fast stop > /dev/null 2>&1 || true
  fi
  rm -rf "$FOLDER" "$OUT/.stop"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "cluster: initdb into $FOLDER, port $PGPORT_OWN"
mkdir -p "$FOLDER"
chown postgres:postgres "$FOLDER"
as_pg "$PGBIN/initdb" -D "$FOLDER/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 > "$OUT/initdb.log"
pg_start
psql -X -q -h "$HOST" -p "$PGPORT_OWN" -U postgres -d postgres -c "CREATE DATABASE \"$DB\""

log "app on $BASE (migrations and the Changshan demo data on start)"
(cd "$BIN" && exec env ASPNETCORE_ENVIRONMENT=Production dotnet Shigan.Web.dll --urls "$BASE" \
  --Database:Provider=postgres "--Database:Connection=Host=$HOST;Port=$PGPORT_OWN;Username=postgres;Database=$DB" \
  --Database:MigrateOnStart=true --Database:SeedDemo=true --SignIn:PermitsPerMinute=100000 --Cases:SupervisionMinutes=0) > "$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 480); do
  curl -sf -o /dev/null --max-time 2 "$BASE/healthz" && break
  kill -0 "$APP_PID" 2> /dev/null || { cat "$OUT/app.log" >&2; exit 1; }
  sleep 0.5
done
curl -sf -o /dev/null "$BASE/healthz" || { echo "pg-restart.sh: the app did not start" >&2; exit 1; }

jar="$OUT/.jar"
curl -sf -c "$jar" -b "$jar" "$BASE/account/login" -o "$OUT/.login.html"
token=$(grep -o '<input[^>]*name="__RequestVerificationToken"[^>]*>' "$OUT/.login.html" | head -n 1 | sed -n 's/.*value="\([^"]*\)".*/\1/p')
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "userName=qiuchuan.staff" --data-urlencode "password=$PASSWORD" \
  --data-urlencode "returnUrl=/" --data-urlencode "__RequestVerificationToken=$token" "$BASE/account/signin"
COOKIE=$(awk -F'\t' '($0 !~ /^#/ || $0 ~ /^#HttpOnly_/) && NF >= 7 && $6 ~ /^shigan\.auth/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
rm -f "$jar" "$OUT/.login.html"
[[ -n $COOKIE ]] || { echo "pg-restart.sh: sign-in failed" >&2; exit 1; }
[[ $(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE/api/cases") == 200 ]] || { echo "pg-restart.sh: the list did not answer 200" >&2; exit 1; }

# probe NAME PATH [COOKIE]: every 0.25 s, "seconds-since-start code time_total" until .stop appears.
T0=$(date +%s.%N)
probe() {
  local name=$1 path=$2 cookie=${3:-}
  while [[ ! -e $OUT/.stop ]]; do
    printf '%s\t%s\n' "$(awk -v t0="$T0" -v t="$(date +%s.%N)" 'BEGIN { printf "%.2f", t - t0 }')" \
      "$(curl -s -o /dev/null -w '%{http_code}\t%{time_total}' --max-time 5 -H "Cookie: $cookie" "$BASE$path")" >> "$OUT/probe-$name.tsv"
    sleep 0.25
  done
}
probe healthz /healthz &
PROBES+=($!)
probe list /api/cases "$COOKIE" &
PROBES+=($!)

log "load: wrk -t2 -c$CONNECTIONS -d${DURATION}s on /api/cases; PostgreSQL stopped at ${STOP_AT} s for ${DOWN} s"
SHIGAN_COOKIE=$COOKIE wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$HERE/status-counts.lua" "$BASE/api/cases" > "$OUT/wrk.txt" 2>&1 &
WRK=$!
sleep "$STOP_AT"
log "stopping PostgreSQL (fast)"
pg_stop
log "stopped"
sleep "$DOWN"
log "starting PostgreSQL"
pg_start
log "started"
wait "$WRK"
touch "$OUT/.stop"
for p in "${PROBES[@]}"; do wait "$p" || true; done
PROBES=()

after=$(for _ in $(seq 1 20); do curl -s -o /dev/null -w '%{http_code}\n' -H "Cookie: $COOKIE" "$BASE/api/cases"; done | sort | uniq -c | tr '\n' ' ')
{
  echo "cluster: $PGBIN, port $PGPORT_OWN; database $DB: $(psql -X -At -h "$HOST" -p "$PGPORT_OWN" -U postgres -d "$DB" -c 'SELECT count(*) FROM "Cases"') cases"
  echo "load: $(uptime)"
  echo "events (UTC; the probes' times are seconds from $(date -u -d "@$T0" +%H:%M:%S.%2N)): $(grep -E 'load:|stopping|stopped|starting|started' "$OUT/run.log" | tr '\n' ';')"
  echo "wrk answers by status: $(grep -E '^(STATUS|ERRORS)' "$OUT/wrk.txt" | tr '\t' ' ' | tr '\n' ';')"
  for name in healthz list; do
    echo "$name probes by code: $(cut -f2 "$OUT/probe-$name.tsv" | sort | uniq -c | tr '\n' ' ')"
    echo "$name: code changes (s code): $(awk -F'\t' '$2 != last { printf "%s %s; ", $1, $2; last = $2 }' "$OUT/probe-$name.tsv")"
  done
  echo "after the load, 20 list requests: $after"
  echo "app log: $(grep -c 'fail:' "$OUT/app.log" || true) 'fail:' entries; status 500 answers logged: $(grep -c ' 500 ' "$OUT/app.log" || true)"
} | tee "$OUT/summary.txt"
# The app logs every failed command while the database is down (megabytes): keep the counts, the start and the end.
{
  echo "# app.log ($(wc -l < "$OUT/app.log") lines) cut to its first 60 and last 40; its 'fail:' entries by category:"
  grep '^fail:' "$OUT/app.log" | sort | uniq -c
  head -n 60 "$OUT/app.log"
  echo "# ..."
  tail -n 40 "$OUT/app.log"
} > "$OUT/app.log.cut.txt"
rm "$OUT/app.log"
