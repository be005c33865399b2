-- The indexes bench/RESULTS.md measured for the work lists, for a trial on a file made by seed-cases:
--   INDEX_SQL=bench/http/cases-indexes.sql DB=… bench/http/cases.sh
-- Not in the migrations (the lead adds them to the EF configuration). A partial index is used only when the query
-- repeats its condition as written: IX_Cases_Open's is CaseQueries.Open (statuses 1, 2, 4, 5, 8, in this order),
-- IX_Cases_FollowUp's is the follow-up list's (resolved, outcome not rated).
CREATE INDEX IF NOT EXISTS "IX_Cases_Open" ON "Cases" ("RegionPath", "Status", "DeadlineUtc") WHERE "Status" IN (1, 2, 4, 5, 8);
CREATE INDEX IF NOT EXISTS "IX_Cases_FollowUp" ON "Cases" ("RegionPath") WHERE "Status" = 6 AND NOT "OutcomeRated";
ANALYZE "Cases";
