using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Shigan.Core.Cases;
using Shigan.Core.Org;

namespace Shigan.Data.Cases;

/// <summary>
/// Keeps <see cref="CaseCount"/> and <see cref="CaseDayCount"/> equal to what a count over the cases would give. Every
/// path that creates a case or changes its status, platform or place saves through <see cref="ShiganDb.SaveChangesAsync(bool, CancellationToken)"/>,
/// which takes the changes here before the save and adds them to the counters in the same transaction after it.
/// Raw upserts (one statement per table, rows in key order so two writers lock them in the same order): loading and
/// saving counter rows would make every intake read them first, and two at once would lose one's increment.
/// </summary>
public static class CaseCounters
{
    /// <summary>A township's path: the county's and the township's 12-digit codes, each with its '/'. The migration's SQL cuts the same.</summary>
    public const int TownshipPathLength = 26;

    /// <summary>The township a case's place belongs to: the first two steps of its path.</summary>
    public static string TownshipOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var first = path.IndexOf(RegionPaths.Separator, StringComparison.Ordinal);
        var second = first < 0 ? -1 : path.IndexOf(RegionPaths.Separator, first + 1);
        return second < 0 ? path : path[..(second + 1)];
    }

    /// <summary>
    /// Sets the counters to a fresh count over the cases, for rows written past <see cref="ShiganDb.SaveChangesAsync(bool, CancellationToken)"/>
    /// (the data generator's bulk load). The Dashboard migration's SQL, kept there as it was when it ran.
    /// </summary>
    public static Task RecountAsync(ShiganDb db, CancellationToken ct = default) => Recount.RunAsync(db, RecountSqlite, RecountPostgres, ct);

    private const string RecountSqlite = """
        DELETE FROM "CaseCounts";
        DELETE FROM "CaseDayCounts";
        INSERT INTO "CaseCounts" ("TownshipPath", "Platform", "Status", "Count")
        SELECT substr("RegionPath", 1, 26), "Platform", "Status", count(*) FROM "Cases" GROUP BY substr("RegionPath", 1, 26), "Platform", "Status";
        INSERT INTO "CaseDayCounts" ("Day", "TownshipPath", "Count")
        SELECT date("ReportedAtUtc", '+8 hours'), substr("RegionPath", 1, 26), count(*) FROM "Cases" GROUP BY date("ReportedAtUtc", '+8 hours'), substr("RegionPath", 1, 26);
        """;

    private const string RecountPostgres = """
        DELETE FROM "CaseCounts";
        DELETE FROM "CaseDayCounts";
        INSERT INTO "CaseCounts" ("TownshipPath", "Platform", "Status", "Count")
        SELECT substr("RegionPath", 1, 26), "Platform", "Status", count(*) FROM "Cases" GROUP BY substr("RegionPath", 1, 26), "Platform", "Status";
        INSERT INTO "CaseDayCounts" ("Day", "TownshipPath", "Count")
        SELECT ("ReportedAtUtc" AT TIME ZONE 'Asia/Shanghai')::date, substr("RegionPath", 1, 26), count(*) FROM "Cases"
        GROUP BY ("ReportedAtUtc" AT TIME ZONE 'Asia/Shanghai')::date, substr("RegionPath", 1, 26);
        """;

    /// <summary>The changes the tracked cases make to the counters; read before the save, while original values are known.</summary>
    internal static CounterChanges Capture(ChangeTracker tracker)
    {
        var changes = new CounterChanges();
        foreach (var entry in tracker.Entries<Case>())
        {
            var c = entry.Entity;
            switch (entry.State)
            {
                case EntityState.Added:
                    changes.Add(c.RegionPath, c.Platform, c.Status, c.ReportedAtUtc, 1);
                    break;
                case EntityState.Deleted:
                    changes.Add(Original<string>(entry, nameof(Case.RegionPath)), Original<Platform>(entry, nameof(Case.Platform)),
                        Original<CaseStatus>(entry, nameof(Case.Status)), Original<DateTime>(entry, nameof(Case.ReportedAtUtc)), -1);
                    break;
                case EntityState.Modified:
                    var (path, platform, status, at) = (Original<string>(entry, nameof(Case.RegionPath)), Original<Platform>(entry, nameof(Case.Platform)),
                        Original<CaseStatus>(entry, nameof(Case.Status)), Original<DateTime>(entry, nameof(Case.ReportedAtUtc)));
                    if (path != c.RegionPath || platform != c.Platform || status != c.Status || at != c.ReportedAtUtc)
                    {
                        changes.Add(path, platform, status, at, -1);
                        changes.Add(c.RegionPath, c.Platform, c.Status, c.ReportedAtUtc, 1);
                    }

                    break;
            }
        }

        return changes;
    }

    /// <summary>Adds the changes to the counters; called inside the save's transaction, after the cases are written.</summary>
    internal static async Task ApplyAsync(DbContext db, CounterChanges changes, CancellationToken ct)
    {
        var counts = changes.Counts.Where(c => c.Value != 0).OrderBy(c => c.Key.Path, StringComparer.Ordinal).ThenBy(c => c.Key.Platform).ThenBy(c => c.Key.Status).ToList();
        if (counts.Count > 0)
        {
            var sql = new StringBuilder("INSERT INTO \"CaseCounts\" (\"TownshipPath\", \"Platform\", \"Status\", \"Count\") VALUES ");
            var values = new List<object>();
            foreach (var ((path, platform, status), delta) in counts)
            {
                Row(sql, values, path, (int)platform, (int)status, delta);
            }

            sql.Append(" ON CONFLICT (\"TownshipPath\", \"Platform\", \"Status\") DO UPDATE SET \"Count\" = \"CaseCounts\".\"Count\" + excluded.\"Count\"");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, ct);
        }

        var days = changes.Days.Where(d => d.Value != 0).OrderBy(d => d.Key.Day).ThenBy(d => d.Key.Path, StringComparer.Ordinal).ToList();
        if (days.Count > 0)
        {
            var sql = new StringBuilder("INSERT INTO \"CaseDayCounts\" (\"Day\", \"TownshipPath\", \"Count\") VALUES ");
            var values = new List<object>();
            foreach (var ((day, path), delta) in days)
            {
                Row(sql, values, day, path, delta);
            }

            sql.Append(" ON CONFLICT (\"Day\", \"TownshipPath\") DO UPDATE SET \"Count\" = \"CaseDayCounts\".\"Count\" + excluded.\"Count\"");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, ct);
        }
    }

    // "({0}, {1}, …)": EF turns each placeholder into a parameter.
    private static void Row(StringBuilder sql, List<object> values, params object[] row)
    {
        sql.Append(values.Count == 0 ? "(" : ", (");
        for (var i = 0; i < row.Length; i++)
        {
            sql.Append(i == 0 ? "{" : ", {").Append(values.Count.ToString(CultureInfo.InvariantCulture)).Append('}');
            values.Add(row[i]);
        }

        sql.Append(')');
    }

    private static T Original<T>(EntityEntry<Case> entry, string property) => (T)entry.Property(property).OriginalValue!;
}

/// <summary>Net changes to the counters, by key.</summary>
internal sealed class CounterChanges
{
    public Dictionary<(string Path, Platform Platform, CaseStatus Status), long> Counts { get; } = [];

    public Dictionary<(DateOnly Day, string Path), long> Days { get; } = [];

    public bool Any => Counts.Values.Any(v => v != 0) || Days.Values.Any(v => v != 0);

    public void Add(string path, Platform platform, CaseStatus status, DateTime reportedAtUtc, int delta)
    {
        var township = CaseCounters.TownshipOf(path);
        Counts[(township, platform, status)] = Counts.GetValueOrDefault((township, platform, status)) + delta;
        var day = ChinaTime.DateOf(new DateTimeOffset(DateTime.SpecifyKind(reportedAtUtc, DateTimeKind.Utc)));
        Days[(day, township)] = Days.GetValueOrDefault((day, township)) + delta;
    }
}
