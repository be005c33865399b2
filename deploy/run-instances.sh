#!/usr/bin/env bash
# Runs N identical Shigan instances on one PostgreSQL database behind nginx, on loopback, in the foreground;
# Ctrl-C stops them all. See deploy/README.md.
#
#   deploy/run-instances.sh "Host=127.0.0.1;Port=5432;Username=shigan;Password=…;Database=shigan"
#
# Environment: INSTANCES (default 2), PROXY_PORT (default 8080), FIRST_PORT (instances on FIRST_PORT,
# FIRST_PORT+1…; default 5301), CONFIGURATION (default Release), SEED_DEMO (1: load the Changshan demo if empty).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
connection=${1:?usage: deploy/run-instances.sh POSTGRES_CONNECTION_STRING}
instances=${INSTANCES:-2}
proxy_port=${PROXY_PORT:-8080}
first_port=${FIRST_PORT:-5301}
configuration=${CONFIGURATION:-Release}
for n in "$instances" "$proxy_port" "$first_port"; do
  [[ $n =~ ^[0-9]+$ ]] || { echo "run-instances.sh: INSTANCES, PROXY_PORT and FIRST_PORT must be numbers" >&2; exit 2; }
done
command -v nginx > /dev/null || { echo "run-instances.sh: nginx is missing (apt-get install nginx-light)" >&2; exit 1; }

work=$(mktemp -d /tmp/shigan-instances.XXXXXX)
pids=()
stop() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2> /dev/null || true; done
  wait 2> /dev/null || true
  echo "stopped; logs in $work"
}
trap stop EXIT
trap 'exit 130' INT TERM

echo "== building src/Shigan.Web ($configuration)"
dotnet build -c "$configuration" src/Shigan.Web -nologo -v quiet > "$work/build.log" || { cat "$work/build.log"; exit 1; }
bin="$root/src/Shigan.Web/bin/$configuration/net10.0"

# Migrations and the demo run once, here, not by every instance at once.
echo "== migrating"
(cd "$bin" && dotnet Shigan.Web.dll migrate --provider postgres --connection "$connection")
if [[ ${SEED_DEMO:-0} == 1 ]]; then
  (cd "$bin" && dotnet Shigan.Web.dll seed --provider postgres --connection "$connection")
fi

servers=""
for port in "$proxy_port" $(seq "$first_port" $((first_port + instances - 1))); do
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/"; then
    echo "run-instances.sh: something already answers on 127.0.0.1:$port; set PROXY_PORT or FIRST_PORT" >&2
    exit 1
  fi
done
for i in $(seq 0 $((instances - 1))); do
  port=$((first_port + i))
  servers+="server 127.0.0.1:$port max_fails=1 fail_timeout=5s; "
  (cd "$bin" && exec env ASPNETCORE_ENVIRONMENT=Production dotnet Shigan.Web.dll --urls "http://127.0.0.1:$port" \
    --Database:Provider=postgres "--Database:Connection=$connection" --Database:MigrateOnStart=false --Database:SeedDemo=false) \
    > "$work/instance-$port.log" 2>&1 &
  pids+=($!)
  echo "instance $((i + 1)) on 127.0.0.1:$port (pid $!, log $work/instance-$port.log)"
done

for i in $(seq 0 $((instances - 1))); do
  port=$((first_port + i))
  for _ in $(seq 1 240); do
    curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$port/healthz" && break
    sleep 0.5
  done
  curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && kill -0 "${pids[$i]}" 2> /dev/null \
    || { echo "instance on $port is not healthy"; tail -20 "$work/instance-$port.log"; exit 1; }
done

chmod 755 "$work"
mkdir -p "$work/nginx"
sed -e "s|@LISTEN@|127.0.0.1:$proxy_port|" -e "s|@SERVERS@|$servers|" -e "s|@PREFIX@|$work/nginx|g" \
  deploy/nginx.conf.template > "$work/nginx/nginx.conf"
nginx -t -q -p "$work/nginx" -c "$work/nginx/nginx.conf"
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" &
pids+=($!)
echo "== Shigan on http://127.0.0.1:$proxy_port ($instances instances; Ctrl-C stops)"
wait
