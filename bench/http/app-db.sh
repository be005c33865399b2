# Shared by dashboard-plans.sh, list-plans.sh and contests.sh (sourced, not run): one Release instance on a big
# database that already exists (no migration, no demo data, no supervision loop), psql/sqlite3 beside it, and sign-ins.
#
# The caller sets HERE, ROOT, NAME (its own name, for messages and temporary folders), PROVIDER (postgres or sqlite),
# PG (a Npgsql connection string without Database), DB (a database name, or a file for sqlite) and PORT; optionally
# RUN_LOG and APP_LOG (file names under OUT; run.log and app.log). Then: start_app, stop_app, sign_in USER (prints the
# cookie header), sql STATEMENT, log TEXT. The database settings explain_on may have changed are reset on exit.
# Only 127.0.0.1 is ever targeted.

readonly HOST=127.0.0.1 # loopback only: these scripts must never load anything else
PASSWORD='Changshan#2026'
BASE="http://$HOST:$PORT"
pg_part() { tr ';' '\n' <<< "$PG" | awk -F= -v k="$1" 'tolower($1) == tolower(k) { print $2 }'; }
PGHOST=$(pg_part Host); PGPORT=$(pg_part Port); PGUSER=$(pg_part Username)
export PGHOST PGPORT PGUSER
if [[ $PROVIDER == sqlite ]]; then
  sql() { sqlite3 "$DB" "$1"; }
  APP_DB=(--Database:Provider=sqlite "--Database:Connection=Data Source=$DB")
else
  sql() { psql -X -At -d "$DB" -c "$1"; }
  APP_DB=(--Database:Provider=postgres "--Database:Connection=$PG;Database=$DB")
fi
OUT=${OUT:-$(mktemp -d "/tmp/shigan-${NAME%.sh}.XXXXXX")}
WORK=$(mktemp -d "/tmp/shigan-${NAME%.sh}-work.XXXXXX")
mkdir -p "$OUT"
BIN="$ROOT/src/Shigan.Web/bin/Release/net10.0"
[[ -f $BIN/Shigan.Web.dll ]] || { echo "$NAME: no Release build in $BIN" >&2; exit 1; }
APP_PID=""

log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$OUT/${RUN_LOG:-run.log}" >&2; }

# auto_explain for this database only (PostgreSQL): every statement's plan with ANALYZE and BUFFERS into the server log.
explain_on() {
  sql "ALTER DATABASE \"$DB\" SET session_preload_libraries = 'auto_explain'; ALTER DATABASE \"$DB\" SET auto_explain.log_min_duration = 0; ALTER DATABASE \"$DB\" SET auto_explain.log_analyze = on; ALTER DATABASE \"$DB\" SET auto_explain.log_buffers = on" > /dev/null
}
explain_off() { [[ $PROVIDER == sqlite ]] && return 0; sql "ALTER DATABASE \"$DB\" RESET session_preload_libraries; ALTER DATABASE \"$DB\" RESET auto_explain.log_min_duration; ALTER DATABASE \"$DB\" RESET auto_explain.log_analyze; ALTER DATABASE \"$DB\" RESET auto_explain.log_buffers" > /dev/null 2>&1 || true; }
cleanup() {
  explain_off
  if [[ -n $APP_PID ]]; then kill -TERM "$APP_PID" 2> /dev/null || true; wait "$APP_PID" 2> /dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_app() {
  (cd "$BIN" && exec env ASPNETCORE_ENVIRONMENT=Production dotnet Shigan.Web.dll --urls "$BASE" \
    "${APP_DB[@]}" --Database:MigrateOnStart=false \
    --Database:SeedDemo=false --SignIn:PermitsPerMinute=100000 --Cases:SupervisionMinutes=0) > "$OUT/${APP_LOG:-app.log}" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    curl -sf -o /dev/null --max-time 2 "$BASE/healthz" && return 0
    kill -0 "$APP_PID" 2> /dev/null || { cat "$OUT/${APP_LOG:-app.log}" >&2; exit 1; }
    sleep 0.5
  done
  echo "$NAME: the app did not start" >&2
  exit 1
}
stop_app() { kill -TERM "$APP_PID" 2> /dev/null || true; wait "$APP_PID" 2> /dev/null || true; APP_PID=""; }

# sign_in USER: prints the shigan.auth cookie header (with its chunks) of a fresh sign-in.
sign_in() {
  local user=$1 jar="$WORK/jar-$1" token answer
  rm -f "$jar"
  curl -sf -c "$jar" -b "$jar" "$BASE/account/login" -o "$WORK/login.html"
  token=$(grep -o '<input[^>]*name="__RequestVerificationToken"[^>]*>' "$WORK/login.html" | head -n 1 | sed -n 's/.*value="\([^"]*\)".*/\1/p')
  answer=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' \
    --data-urlencode "userName=$user" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "returnUrl=/" --data-urlencode "__RequestVerificationToken=$token" "$BASE/account/signin")
  [[ $answer == 302* && $answer != *error=* ]] || { echo "$NAME: sign-in as $user failed ($answer)" >&2; return 1; }
  awk -F'\t' '($0 !~ /^#/ || $0 ~ /^#HttpOnly_/) && NF >= 7 && $6 ~ /^shigan\.auth/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar"
}
