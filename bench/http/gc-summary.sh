#!/usr/bin/env bash
# One line per sample of a dotnet-counters CSV (mix.sh COUNTERS=…): working set, GC committed memory, the managed
# heap after the last collection (all generations; gen 2 and the large-object heap apart), allocations and
# collections in the 5 s interval, exceptions. All sizes in MiB.
#
#   bench/http/gc-summary.sh counters-1-1234.csv [EVERY]     # EVERY: print every n-th sample (default 6: 30 s)
set -euo pipefail
every=${2:-6}
awk -F, -v every="$every" '
  NR == 1 { next }
  {
    t = $1; sub(/^[^ ]* /, "", t)
    if (t != last && last != "") flush()
    last = t
    name = $3; v = $5 + 0
    if (name ~ /working_set/) ws = v
    else if (name ~ /committed_size/) committed = v
    else if (name ~ /last_collection.heap.size/) { heap += v; if (name ~ /gen2/) gen2 = v; if (name ~ /loh/) loh = v }
    else if (name ~ /total_allocated/) alloc = v
    else if (name ~ /collections/ && name ~ /gen0/) g0 = v
    else if (name ~ /collections/ && name ~ /gen1/) g1 = v
    else if (name ~ /collections/ && name ~ /gen2/) g2 = v
    else if (name ~ /dotnet.exceptions/) ex += v
  }
  function flush() {
    n++
    if ((n - 1) % every == 0)
      printf "%s\tws %5.0f\tcommitted %5.0f\theap %5.0f\tgen2 %5.0f\tloh %4.0f\talloc/5s %5.0f\tgc0/1/2 %d/%d/%d\texceptions %d\n", last, ws / 1048576, committed / 1048576, heap / 1048576, gen2 / 1048576, loh / 1048576, alloc / 1048576, g0, g1, g2, ex
    heap = 0; ex = 0
  }
  END { every = 1; n = 0; flush() }
' "$1"
