#!/usr/bin/env bash
# Runs a command while logging how busy the machine is, to judge how noisy a measurement was.
#   bench/with-load-log.sh LOG_PREFIX command args...
# Writes LOG_PREFIX.vmstat (vmstat every second), LOG_PREFIX.ps (top's five busiest processes every 5 s) and
# LOG_PREFIX.summary: wall time, the CPU time the command's own process tree used, and the CPU time everything
# else on the machine used meanwhile (from /proc/stat), as a share of the cores.
set -euo pipefail
prefix=$1
shift
mkdir -p "$(dirname "$prefix")"

vmstat -n 1 > "$prefix.vmstat" &
vmstat_pid=$!
(
  while true; do
    echo "== $(date -Is) load $(cut -d' ' -f1-3 /proc/loadavg)"
    top -bn1 -w 120 | sed -n "7,12p"
    sleep 5
  done
) > "$prefix.ps" 2>&1 &
ps_pid=$!
stop() {
  kill "$vmstat_pid" "$ps_pid" 2>/dev/null || true
  wait "$vmstat_pid" "$ps_pid" 2>/dev/null || true
}
trap stop EXIT

# Busy jiffies of the whole machine: user nice system irq softirq steal.
busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
hz=$(getconf CLK_TCK)
cores=$(nproc)
t0=$(date +%s.%N)
b0=$(busy)
rc=0
/usr/bin/time -f '%U %S' -o "$prefix.time" "$@" || rc=$?
b1=$(busy)
t1=$(date +%s.%N)
stop
read -r user sys < <(tail -n 1 "$prefix.time")
awk -v t0="$t0" -v t1="$t1" -v b0="$b0" -v b1="$b1" -v hz="$hz" -v cores="$cores" -v u="$user" -v s="$sys" -v p="$prefix" 'BEGIN {
  wall = t1 - t0; all = (b1 - b0) / hz; own = u + s; other = all - own; if (other < 0) other = 0
  printf "load-log: %.0f s wall on %d cores; this command %.0f CPU-s (%.0f%% of the cores), everything else %.0f CPU-s (%.0f%% of the cores); logs %s.vmstat, %s.ps\n",
    wall, cores, own, 100 * own / (wall * cores), other, 100 * other / (wall * cores), p, p
}' | tee "$prefix.summary"
exit "$rc"
