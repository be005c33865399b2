#!/usr/bin/env bash
# Runs a command while logging how busy the machine is, to judge how noisy a measurement was.
#   bench/with-load-log.sh LOG_PREFIX command args...
# Writes LOG_PREFIX.vmstat (vmstat every second) and LOG_PREFIX.ps (the five busiest processes every 5 s),
# and prints a one-line summary: mean CPU busy %, mean run queue, and the CPU time other processes used.
set -euo pipefail
prefix=$1
shift
mkdir -p "$(dirname "$prefix")"

vmstat -n 1 > "$prefix.vmstat" &
vmstat_pid=$!
(
  while true; do
    echo "== $(date -Is) load $(cut -d' ' -f1-3 /proc/loadavg)"
    ps -eo pid,ppid,pcpu,etimes,comm --sort=-pcpu | head -6
    sleep 5
  done
) > "$prefix.ps" 2>&1 &
ps_pid=$!
stop() {
  kill "$vmstat_pid" "$ps_pid" 2>/dev/null || true
  wait "$vmstat_pid" "$ps_pid" 2>/dev/null || true
}
trap stop EXIT

# CPU jiffies of every process before and after; the command's own tree is told apart by session id.
jiffies() { awk '{print $1"\t"$6"\t"$14+$15}' /proc/[0-9]*/stat 2>/dev/null | sort -n; }
before=$(mktemp)
jiffies > "$before"
rc=0
setsid "$@" &
child=$!
wait "$child" || rc=$?
stop
after=$(mktemp)
jiffies > "$after"
# Columns: pid, session, utime+stime. Others = processes outside the command's session.
others=$(join -t $'\t' -a 2 -e 0 -o 2.1,2.2,1.3,2.3 "$before" "$after" 2>/dev/null \
  | awk -F'\t' -v s="$child" '$2 != s { d += $4 - $3 } END { printf "%.1f", d / 100 }')
hz_busy=$(awk 'NR > 2 && $15 ~ /^[0-9]+$/ { b += 100 - $15; r += $1; n++ } END { if (n) printf "%.0f %.1f", b / n, r / n; else print "? ?" }' "$prefix.vmstat")
read -r busy runq <<< "$hz_busy"
echo "load-log: ${busy}% CPU busy on average, run queue ${runq}, other processes used ${others} CPU-s (see $prefix.vmstat, $prefix.ps)" | tee "$prefix.summary"
rm -f "$before" "$after"
exit "$rc"
