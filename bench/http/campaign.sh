#!/usr/bin/env bash
# wrk against the campaign page's figures (GET /api/campaigns/ID/overview, what the page reads) as the county
# administrator, one connection and then four, each beside /healthz as the baseline of the same round. The database
# is one made by `Shigan.Bench campaign-overview` (100,000 households, a year of moves), SQLite file or PostgreSQL:
#   bench/http/campaign.sh /tmp/campaign-bench/cp_overview.db 3
#   bench/http/campaign.sh "Host=127.0.0.1;Port=55500;Username=postgres;Database=cp_overview" 3
# Settings: PORT DURATION ROUNDS OUT. Needs the Release build of src/Shigan.Web. Only 127.0.0.1 is targeted.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATABASE=${1:?"usage: campaign.sh FILE|CONNECTION [CAMPAIGN]"}
CAMPAIGN=${2:-3}
PORT=${PORT:-5391}
DURATION=${DURATION:-20s}
ROUNDS=${ROUNDS:-1}
OUT=${OUT:-$(mktemp -d)}
WORK=$(mktemp -d)
KEEP_DB=0
THREADS=1
CONNECTIONS=1
ROUND=1
mkdir -p "$OUT"
# shellcheck source=common.sh
source "$HERE/common.sh"
check_tools
BIN="$ROOT/src/Shigan.Web/bin/Release/net10.0"
trap cleanup EXIT

if [[ $DATABASE == Host=* ]]; then
  start_app /dev/null --Database:Provider=postgres "--Database:Connection=$DATABASE"
else
  start_app "$DATABASE"
fi

echo "$RESULTS_HEADER" > "$OUT/results.tsv"
for ((ROUND = 1; ROUND <= ROUNDS; ROUND++)); do
  for CONNECTIONS in 1 4; do
    THREADS=$((CONNECTIONS > 1 ? 2 : 1))
    sign_in admin
    # A warm-up, then the runs: the baseline and the page's figures, each with CONNECTIONS connections.
    measure warmup "/api/campaigns/$CAMPAIGN/overview" "$COOKIE" 5s > /dev/null
    measure "c$CONNECTIONS" /healthz "$COOKIE" "$DURATION" | sed "s/^RESULT\t[^\t]*/c$CONNECTIONS\tGET \/healthz/" >> "$OUT/results.tsv"
    measure "c$CONNECTIONS" "/api/campaigns/$CAMPAIGN/overview" "$COOKIE" "$DURATION" \
      | sed "s/^RESULT\t[^\t]*/c$CONNECTIONS\tGET overview/" >> "$OUT/results.tsv"
  done
done

cat "$OUT/results.tsv"
log "results in $OUT"
