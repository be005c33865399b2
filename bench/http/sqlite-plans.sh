#!/usr/bin/env bash
# The plans SQLite chooses for the dashboard's and the work lists' heaviest statements (SQLite has no auto_explain):
# each statement written as EF Core writes it for the account's scope, its EXPLAIN QUERY PLAN, and its time in sqlite3
# (median of RUNS runs after one to warm). Markdown on stdout. See bench/RESULTS.md ("Province load, third run").
#
#   DB=/tmp/province.db bench/http/sqlite-plans.sh > plans-sqlite.md
#
# Settings (environment): DB (a SQLite file)  ACCOUNTS="admin 331082.admin qiuchuan.staff"  RUNS=5
#   TODAY=<yyyy-mm-dd, China time> (default: today)
set -euo pipefail

DB=${DB:?DB=<file.db>}
ACCOUNTS=${ACCOUNTS:-admin 331082.admin qiuchuan.staff}
RUNS=${RUNS:-5}
TODAY=${TODAY:-$(TZ=Asia/Shanghai date +%F)}
sql() { sqlite3 "$DB" "$1"; }

# The scope's range, as RegionScope makes it: [path, path with its last '/' as '0').
range_end() { echo "${1%/}0"; }
day() { TZ=Asia/Shanghai date -d "$TODAY $1 days" +%F; }
# The start of a China day in UTC, as EF writes a DateTime to SQLite.
utc_start() { date -u -d "$(TZ=Asia/Shanghai date -d "$TODAY $1 days" +%F) 00:00 +0800" '+%Y-%m-%d %H:%M:%S'; }

timed() {
  { echo '.timer on'; for _ in $(seq 0 "$RUNS"); do echo "$1;"; done; } | sqlite3 "$DB" | grep '^Run Time' | tail -n +2 \
    | awk '{ print $4 * 1000 }' | sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", v[int((NR + 1) / 2)] }'
}

show() {
  local title=$1 statement=$2
  echo "### $title"
  echo
  echo '```sql'
  echo "$statement;"
  echo '```'
  echo
  echo '```'
  sql "EXPLAIN QUERY PLAN $statement"
  echo '```'
  echo
  echo "median of $RUNS runs: $(timed "$statement") ms; rows: $(sql "SELECT count(*) FROM ($statement)")"
  echo
}

echo "# SQLite plans: $DB ($(du -h "$DB" | cut -f1); $(sql 'SELECT count(*) FROM "Cases"') cases; sqlite3 $(sqlite3 --version | cut -d' ' -f1)); today $TODAY; $(uptime)"
echo
first30=$(day -29)
last=$(day 0)
from90=$(utc_start -89)
to90=$(utc_start 1)
for account in $ACCOUNTS; do
  path=$(sql "SELECT r.\"RegionPath\" FROM \"AspNetUsers\" u JOIN \"Regions\" r ON r.\"Id\" = u.\"RegionId\" WHERE u.\"UserName\" = '$account'")
  end=$(range_end "$path")
  echo "## $account ($path)"
  echo
  show "dashboard: the 30-day line" \
    "SELECT c.\"Day\", COALESCE(sum(c.\"Count\"), 0) AS \"Count\" FROM \"CaseDayCounts\" AS c WHERE c.\"Day\" >= '$first30' AND c.\"Day\" <= '$last' AND c.\"TownshipPath\" >= '$path' AND c.\"TownshipPath\" < '$end' GROUP BY c.\"Day\""
  show "dashboard: the one-trip card (90 days)" \
    "SELECT s0.\"Done\", s0.\"Trips\", count(*) AS \"Count\" FROM (SELECT s.\"Status\" = 2 AS \"Done\", (SELECT count(*) FROM \"ApplicationTrips\" AS a WHERE a.\"RegionPath\" >= '$path' AND a.\"RegionPath\" < '$end' AND s.\"Id\" = a.\"ApplicationId\") AS \"Trips\" FROM \"ServiceApplications\" AS s WHERE s.\"RegionPath\" >= '$path' AND s.\"RegionPath\" < '$end' AND s.\"TakenAtUtc\" >= '$from90' AND s.\"TakenAtUtc\" < '$to90') AS s0 GROUP BY s0.\"Done\", s0.\"Trips\""
  # The list's page below the newest 5,000 ids (where the window did not fill it).
  below=$(( $(sql 'SELECT max("Id") FROM "Cases"') + 1 - 5000 ))
  show "work list: category ZF03, the page below the newest ids" \
    "SELECT c.\"Id\", c.\"ReportedAtUtc\", c0.\"Name\", c.\"Platform\", c.\"Status\", c.\"Supervision\", c.\"DeadlineUtc\" FROM \"Cases\" AS c INNER JOIN \"CaseCategories\" AS c0 ON c.\"CategoryId\" = c0.\"Id\" WHERE c.\"RegionPath\" >= '$path' AND c.\"RegionPath\" < '$end' AND c0.\"Code\" = 'ZF03' AND c.\"Id\" < $below ORDER BY c.\"Id\" DESC LIMIT 51"
done
