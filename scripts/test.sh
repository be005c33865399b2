#!/usr/bin/env bash
# Runs every test: build with warnings as errors, formatting, unit and integration tests on SQLite,
# the integration tests again on a real PostgreSQL server, and the browser tests in Debian's Chromium.
# Installs what is missing (Chromium, CJK fonts, PostgreSQL, nginx, LibreOffice Calc) and starts a throw-away PostgreSQL cluster.
# --crash N: kill the app N times (instead of 3) in the crash-safety tests and append the outcome to
# tests/Shigan.SystemTests/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
crash=()
while [ $# -gt 0 ]; do
  case $1 in
    --crash) [[ ${2:-} =~ ^[0-9]+$ ]] || { echo "test.sh: --crash needs a number of kills" >&2; exit 2; }
      crash=(SHIGAN_CRASH_ROUNDS="$2" SHIGAN_CRASH_REPORT="$root/tests/Shigan.SystemTests/RESULTS.md"); shift 2 ;;
    *) echo "test.sh: unknown argument $1 (known: --crash N)" >&2; exit 2 ;;
  esac
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Not grep -q: it stops reading early, fc-list dies of SIGPIPE, and pipefail would call the font missing every time.
fc-list 2>/dev/null | grep -i "wenquanyi\|wqy" > /dev/null || missing+=(fonts-wqy-microhei)
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || missing+=(postgresql)
command -v nginx > /dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
# The campaign browser test imports a sheet written by a spreadsheet program (a CSV converted by LibreOffice).
command -v soffice > /dev/null || missing+=(libreoffice-calc-nogui)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

# PostgreSQL refuses root: the cluster belongs to the postgres user, on loopback, on a port of its own.
pg_port=${SHIGAN_PG_PORT:-55432}
pg_dir=$(mktemp -d /tmp/shigan-pg.XXXXXX)
chown postgres:postgres "$pg_dir"
stop_pg() { runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap stop_pg EXIT
echo "== starting PostgreSQL on 127.0.0.1:$pg_port"
runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
  -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$pg_dir -c fsync=off -c max_connections=300" start >/dev/null
export SHIGAN_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

echo "== build (warnings are errors)"
dotnet build Shigan.slnx -c Debug -warnaserror -nologo -v q -clp:ErrorsOnly

echo "== formatting"
dotnet format Shigan.slnx --verify-no-changes --no-restore -v q

results=$(mktemp)
run() { # name, project, extra env (NAME=value)..., then dotnet test's own options (--filter …)
  local name=$1 project=$2 vars=(); shift 2
  while [ $# -gt 0 ] && [[ $1 == *=* && $1 != -* ]]; do vars+=("$1"); shift; done
  echo "== $name"
  env "${vars[@]}" dotnet test "$project" --no-build -nologo -v q "$@" 2>&1 | tee -a "$results" | grep -vE '^\s*$' || return 1
}
status=0
run "unit tests (Core)" tests/Shigan.Core.Tests || status=1
run "data tests on SQLite" tests/Shigan.Data.Tests SHIGAN_TEST_PROVIDER=sqlite || status=1
run "data tests on PostgreSQL" tests/Shigan.Data.Tests SHIGAN_TEST_PROVIDER=postgres || status=1
run "integration tests on SQLite" tests/Shigan.Web.Tests SHIGAN_TEST_PROVIDER=sqlite || status=1
run "integration tests on PostgreSQL" tests/Shigan.Web.Tests SHIGAN_TEST_PROVIDER=postgres || status=1
# The real app process: killed under intake load on each database; backup during writes and restore on SQLite;
# on PostgreSQL two instances behind nginx (one killed mid-load) and the server restarted under the app.
run "system tests on SQLite (SIGKILL under load, backup and restore)" tests/Shigan.SystemTests SHIGAN_TEST_PROVIDER=sqlite "${crash[@]}" \
  --filter "FullyQualifiedName~CrashSafetyTests|FullyQualifiedName~BackupRestoreTests" || status=1
run "system tests on PostgreSQL (SIGKILL under load, several instances, restart)" tests/Shigan.SystemTests SHIGAN_TEST_PROVIDER=postgres "${crash[@]}" \
  --filter "FullyQualifiedName!~BackupRestoreTests" || status=1
run "browser tests (Chromium)" tests/Shigan.Web.BrowserTests SHIGAN_TEST_PROVIDER=sqlite || status=1

passed=$(grep -oE 'Passed: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
rm -f "$results"
[ "$passed" -gt 0 ] || status=1
[ "$failed" -eq 0 ] || status=1
echo
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit $status
