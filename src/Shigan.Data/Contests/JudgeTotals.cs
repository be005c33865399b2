using System.Data.Common;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Shigan.Core.Contests;

namespace Shigan.Data.Contests;

/// <summary>
/// Every judged indicator's value for every participant of a period: per participant and indicator how many scores,
/// their sum, the lowest and the highest, then <see cref="JudgePanel.FromTotals"/> (the trimming rule) on those four.
/// SQLite adds them up in SQL, in hundredths (it keeps decimals as text and would add them as floating point; a score
/// has two decimals at most, the judges' command refuses more): 255,470 lines instead of 766,410 rows to parse.
/// PostgreSQL sends the rows to a plain data reader that adds them up as they come: hashing 255,470 groups of numerics
/// took it twice as long as sending the rows. The scores' ids are read when the explanation asks for them.
/// </summary>
public static class JudgeTotals
{
    public static async Task<Dictionary<int, Dictionary<int, RawValue>>> ReadAsync(
        ShiganDb db, int contestId, DateOnly periodStart, int trimAtLeast, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var totals = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite"
            ? await InSqlAsync(db, contestId, periodStart, ct)
            : await ReadRowsAsync(db, contestId, periodStart, ct);
        var result = new Dictionary<int, Dictionary<int, RawValue>>();
        foreach (var ((indicator, participant), line) in totals)
        {
            var byUnit = result.TryGetValue(indicator, out var found) ? found : result[indicator] = [];
            byUnit[participant] = JudgePanel.FromTotals(line.Count, line.Sum, line.Lowest, line.Highest, trimAtLeast) is { } combined
                ? new RawValue(combined.Value, [], combined.Judges, line.Count)
                : RawValue.None;
        }

        return result;
    }

    private static async Task<Dictionary<(int Indicator, int Participant), Totals>> InSqlAsync(ShiganDb db, int contestId, DateOnly periodStart, CancellationToken ct)
    {
        var lines = await db.Database.SqlQuery<Line>($"""
            SELECT "IndicatorId", "ParticipantRegionId", COUNT(*) AS "Count", SUM("Hundredths") AS "Sum",
                   MIN("Hundredths") AS "Lowest", MAX("Hundredths") AS "Highest"
            FROM (SELECT "IndicatorId", "ParticipantRegionId", CAST(ROUND("Score" * 100) AS INTEGER) AS "Hundredths"
                  FROM "JudgeScores" WHERE "ContestId" = {contestId} AND "PeriodStart" = {periodStart}) AS s
            GROUP BY "IndicatorId", "ParticipantRegionId"
            """).ToListAsync(ct);
        return lines.ToDictionary(l => (l.IndicatorId, l.ParticipantRegionId), l => new Totals((int)l.Count, l.Sum / 100m, l.Lowest / 100m, l.Highest / 100m));
    }

    private static async Task<Dictionary<(int Indicator, int Participant), Totals>> ReadRowsAsync(ShiganDb db, int contestId, DateOnly periodStart, CancellationToken ct)
    {
        var totals = new Dictionary<(int Indicator, int Participant), Totals>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = "SELECT \"IndicatorId\", \"ParticipantRegionId\", \"Score\" FROM \"JudgeScores\" WHERE \"ContestId\" = @contest AND \"PeriodStart\" = @start";
            Add(command, "@contest", contestId);
            Add(command, "@start", periodStart);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var score = reader.GetDecimal(2);
                ref var line = ref CollectionsMarshal.GetValueRefOrAddDefault(totals, (reader.GetInt32(0), reader.GetInt32(1)), out var seen);
                line = seen ? new Totals(line.Count + 1, line.Sum + score, Math.Min(line.Lowest, score), Math.Max(line.Highest, score)) : new Totals(1, score, score, score);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return totals;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>One participant's scores on one indicator, added up in SQL (in hundredths).</summary>
    private sealed class Line
    {
        public int IndicatorId { get; set; }

        public int ParticipantRegionId { get; set; }

        public long Count { get; set; }

        public long Sum { get; set; }

        public long Lowest { get; set; }

        public long Highest { get; set; }
    }

    /// <summary>One participant's scores on one indicator, added up.</summary>
    private readonly record struct Totals(int Count, decimal Sum, decimal Lowest, decimal Highest);
}
