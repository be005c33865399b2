#!/usr/bin/env bash
# League tables for the province load: contests made and periods published through the app's API, as organisers
# would, so the mix's league-table requests and the dashboards read real sheets. Per county in COUNTIES: a monthly
# contest of its townships (organised by the county) and, for its first TOWNSHIPS townships, a weekly contest of their
# villages (organised by the township); each with four computed indicators (late cases, on-time share, one-trip share,
# ratings); the last MONTHS months and WEEKS weeks before NOW computed and published. Prints each step's time.
#
#   DB=load5m bench/http/contests.sh
#
# Settings (environment): PG="Host=127.0.0.1;Port=55500;Username=postgres"  DB=load5m  PORT=5341
#   COUNTIES="330822 331082 330109"  TOWNSHIPS=2  MONTHS=3  WEEKS=4  NOW=2026-11-26  OUT=<folder>
#   ALSO="330822111000"     more townships (12-digit codes) with a weekly village contest, organised by their county's
#                           administrator (球川镇: the mix's township staff then read their own league table)
# Needs the Release build. Never targets anything but 127.0.0.1.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PG=${PG:-Host=127.0.0.1;Port=55500;Username=postgres}
DB=${DB:-load5m}
PORT=${PORT:-5341}
COUNTIES=${COUNTIES-330822 331082 330109}
TOWNSHIPS=${TOWNSHIPS:-2}
ALSO=${ALSO-330822111000}
MONTHS=${MONTHS:-3}
WEEKS=${WEEKS:-4}
NOW=${NOW:-2026-11-26}
PROVIDER=postgres
NAME=contests.sh
RUN_LOG=contests.log
APP_LOG=contests-app.log
# shellcheck source=bench/http/app-db.sh
source "$HERE/app-db.sh"
start_app

# post COOKIE PATH JSON EXPECTED: the answer's body; stops the script on any other status.
post() {
  local code started
  started=$(date +%s%N)
  code=$(curl -s -o "$WORK/answer.json" -w '%{http_code}' -H "Cookie: $1" -H 'Content-Type: application/json' -H 'Accept: application/json' -d "$3" "$BASE$2")
  echo "$(((($(date +%s%N) - started) / 1000000))) ms" > "$WORK/took"
  [[ $code == "$4" ]] || { echo "contests.sh: POST $2 answered $code: $(head -c 600 "$WORK/answer.json")" >&2; exit 1; }
  cat "$WORK/answer.json"
}

INDICATORS='[
  {"name":"逾期事件数","dimension":"Results","weight":30,"direction":"LowerIsBetter","normalisation":"MinMax","source":"Computed","sourceCode":"cases.late","missing":"ZeroPoints"},
  {"name":"按期办结率","dimension":"Results","weight":30,"direction":"HigherIsBetter","normalisation":"Target","target":100,"source":"Computed","sourceCode":"cases.on-time","missing":"MeanOfOthers"},
  {"name":"最多跑一次占比","dimension":"Results","weight":20,"direction":"HigherIsBetter","normalisation":"Target","target":100,"source":"Computed","sourceCode":"applications.one-trip","missing":"MeanOfOthers"},
  {"name":"群众评价","dimension":"Results","weight":20,"direction":"HigherIsBetter","normalisation":"Target","target":3,"source":"Computed","sourceCode":"cases.rating","missing":"LowestOfOthers"}
]'

# contest COOKIE NAME ORGANISER_ID KIND PARTICIPANT_IDS(json) PERIOD_STARTS...: create, then compute and publish each period.
contest() {
  local cookie=$1 name=$2 organiser=$3 kind=$4 participants=$5 id sheet start
  shift 5
  id=$(post "$cookie" /api/contests "{\"name\":\"$name\",\"regionId\":$organiser,\"periodKind\":\"$kind\",\"normaliseWeights\":false,\"participantIds\":$participants,\"indicators\":$INDICATORS}" 201 | jq -r .id)
  log "contest $id $name ($kind, $(jq length <<< "$participants") participants) created in $(cat "$WORK/took")"
  for start in "$@"; do
    sheet=$(post "$cookie" "/api/contests/$id/sheets" "{\"periodStart\":\"$start\"}" 201 | jq -r .id)
    local computed
    computed=$(cat "$WORK/took")
    post "$cookie" "/api/contests/$id/sheets/$sheet/publish" '{}' 200 > /dev/null
    log "  period $start: sheet $sheet computed in $computed, published in $(cat "$WORK/took")"
  done
}

months=(); for i in $(seq "$MONTHS" -1 1); do months+=("$(date -d "$(date -d "$NOW" +%Y-%m-01) -$i month" +%F)"); done
monday=$(date -d "$NOW -$((($(date -d "$NOW" +%u) - 1))) days" +%F)
weeks=(); for i in $(seq "$WEEKS" -1 1); do weeks+=("$(date -d "$monday -$((7 * i)) days" +%F)"); done
log "months ${months[*]}; weeks ${weeks[*]}; load $(cut -d' ' -f1-3 /proc/loadavg)"

for county in $COUNTIES; do
  if [[ $county == 330822 ]]; then account=admin; else account=$county.admin; fi
  cookie=$(sign_in "$account")
  read -r cid cname cpath <<< "$(sql "SELECT \"Id\", \"Name\", \"RegionPath\" FROM \"Regions\" WHERE \"Code\" = '${county}000000'" | tr '|' ' ')"
  townships=$(sql "SELECT coalesce(json_agg(\"Id\" ORDER BY \"Code\"), '[]') FROM \"Regions\" WHERE \"Level\" = 2 AND \"RegionPath\" LIKE '$cpath%'")
  contest "$cookie" "${cname}乡镇月度赛马" "$cid" Month "$townships" "${months[@]}"
  for township in $(jq -r ".[0:$TOWNSHIPS][]" <<< "$townships"); do
    read -r tname tpath <<< "$(sql "SELECT \"Name\", \"RegionPath\" FROM \"Regions\" WHERE \"Id\" = $township" | tr '|' ' ')"
    villages=$(sql "SELECT coalesce(json_agg(\"Id\" ORDER BY \"Code\"), '[]') FROM \"Regions\" WHERE \"Level\" = 3 AND \"RegionPath\" LIKE '$tpath%'")
    contest "$cookie" "${tname}村级每周赛马" "$township" Week "$villages" "${weeks[@]}"
  done
done
for code in $ALSO; do
  county=${code:0:6}
  if [[ $county == 330822 ]]; then account=admin; else account=$county.admin; fi
  cookie=$(sign_in "$account")
  read -r township tname tpath <<< "$(sql "SELECT \"Id\", \"Name\", \"RegionPath\" FROM \"Regions\" WHERE \"Code\" = '$code'" | tr '|' ' ')"
  villages=$(sql "SELECT coalesce(json_agg(\"Id\" ORDER BY \"Code\"), '[]') FROM \"Regions\" WHERE \"Level\" = 3 AND \"RegionPath\" LIKE '$tpath%'")
  contest "$cookie" "${tname}村级每周赛马" "$township" Week "$villages" "${weeks[@]}"
done
log "contests: $(sql 'SELECT count(*) FROM "Contests"'); published sheets: $(sql 'SELECT count(*) FROM "ScoreSheets" WHERE "Status" = 2')"
