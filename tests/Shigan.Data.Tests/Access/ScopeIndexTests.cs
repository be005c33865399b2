using Microsoft.EntityFrameworkCore;
using Shigan.Testing;
using static Shigan.Data.Tests.ChangshanDatabase;

namespace Shigan.Data.Tests.Access;

/// <summary>
/// The scope filter must be answered from the RegionPath indexes, in bytewise order: otherwise every list scans
/// its table (slow at a province's size) or, on a database whose collation orders '/' and digits by locale, the
/// range would take in the wrong units.
/// </summary>
public sealed class ScopeIndexTests(ChangshanDatabase changshan) : IClassFixture<ChangshanDatabase>
{
    [Fact]
    public async Task On_postgresql_every_scoped_path_column_compares_bytewise()
    {
        if (!TestDatabase.IsPostgres)
        {
            return; // SQLite compares text bytewise by default; the SQLite run checks the query plan below instead
        }

        await using var db = changshan.OpenAsSystem();
        var collations = await db.Database.SqlQueryRaw<string>(
            "SELECT table_name || ':' || coalesce(collation_name, 'default') AS \"Value\" FROM information_schema.columns WHERE column_name = 'RegionPath' ORDER BY table_name").ToListAsync();

        Assert.Equal(
            [
                "ApplicationEvents:C", "ApplicationTrips:C", "AspNetUsers:C", "AuditEntries:C", "CampaignTargets:C", "CampaignTeamMembers:C",
                "CampaignTeams:C", "CampaignUnits:C", "CampaignVisits:C", "CaseAttachments:C", "CaseEvents:C", "CaseRoutingRules:C", "Cases:C",
                "ContestJudges:C", "Contests:C", "Departments:C", "JudgeScores:C", "ProjectBlockers:C", "ProjectEvents:C", "ProjectMembers:C",
                "ProjectMilestones:C", "ProjectPhotos:C", "Projects:C", "Regions:C", "ScoreRows:C", "ScoreSheets:C",
                "ServiceApplications:C", "StageDayCounts:C", "StageMoves:C", "SubApplications:C", "TargetCounts:C",
            ],
            collations);
    }

    [Fact]
    public async Task On_postgresql_the_households_sort_key_compares_bytewise()
    {
        if (!TestDatabase.IsPostgres)
        {
            return; // SQLite compares text bytewise by default
        }

        // Its ordinal order is the numeric order of the names (2幢 before 10幢); a locale's order would not be.
        await using var db = changshan.OpenAsSystem();
        var collations = await db.Database.SqlQueryRaw<string>(
            "SELECT table_name || ':' || coalesce(collation_name, 'default') AS \"Value\" FROM information_schema.columns WHERE column_name = 'SortKey' ORDER BY table_name").ToListAsync();

        Assert.Equal(["CampaignTargets:C"], collations);
    }

    [Fact]
    public async Task On_sqlite_a_scoped_query_searches_the_path_index_instead_of_scanning()
    {
        if (TestDatabase.IsPostgres)
        {
            return; // the collation test above covers PostgreSQL
        }

        await using var db = changshan.OpenAs(QiuchuanCode);
        var plan = await PlanAsync(db, db.Regions.Where(r => r.Name.Contains("村委")).ToQueryString());

        Assert.Contains(plan, step => step.Contains("INDEX IX_Regions_RegionPath", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
    }

    // ToQueryString declares the parameters first (".param set @name value"); inline them so the plan is of the real query.
    private static async Task<List<string>> PlanAsync(ShiganDb db, string sql)
    {
        var lines = sql.Split('\n');
        var body = string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        var parameters = lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal))
            .Select(l => l[".param set ".Length..].TrimEnd('\r').Split(' ', 2))
            .OrderByDescending(p => p[0].Length); // @p_10 before @p_1
        foreach (var p in parameters)
        {
            body = body.Replace(p[0], p[1], StringComparison.Ordinal);
        }

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + body;
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(reader.GetOrdinal("detail")));
        }

        return steps;
    }
}
