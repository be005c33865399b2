using System.Data.Common;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Shigan.Core.Contests;

namespace Shigan.Data.Contests;

/// <summary>
/// Every judged indicator's value for every participant of a period, from the kept <see cref="JudgeTotal"/> rows (how
/// many scores, their sum, the lowest and the highest, in hundredths), then <see cref="JudgePanel.FromTotals"/> (the
/// trimming rule) on those four: 255,470 rows of integers for a province instead of 766,410 scores.
/// The rows are kept here too: each save that adds, changes or removes a score recounts that score's row from its few
/// scores in the save's transaction (a recount, not an increment: it cannot drift). The scores' ids are read when the
/// explanation asks for them.
/// </summary>
public static class JudgeTotals
{
    private const int KeysPerStatement = 100;

    // A score has two decimals at most (the judges' command refuses more; SQLite keeps them as text and would add
    // them as floating point): whole hundredths add up exactly on both providers.
    private const string Hundredths = "CAST(ROUND(s.\"Score\" * 100) AS BIGINT)";

    /// <summary>The fresh count of every row; the SheetSpeed migration's back-fill too (the same SQL on both providers).</summary>
    public const string RecountSql = $"""
        DELETE FROM "JudgeTotals";
        INSERT INTO "JudgeTotals" ("ContestId", "PeriodStart", "IndicatorId", "ParticipantRegionId", "Count", "SumHundredths", "LowestHundredths", "HighestHundredths")
        SELECT s."ContestId", s."PeriodStart", s."IndicatorId", s."ParticipantRegionId", COUNT(*), SUM({Hundredths}), MIN({Hundredths}), MAX({Hundredths})
        FROM "JudgeScores" AS s GROUP BY s."ContestId", s."PeriodStart", s."IndicatorId", s."ParticipantRegionId";
        """;

    /// <summary>Sets the rows to a fresh count of the scores, for scores written past SaveChanges (bulk loads).</summary>
    public static Task RecountAsync(ShiganDb db, CancellationToken ct = default) => Recount.RunAsync(db, RecountSql, RecountSql, ct);

    public static async Task<Dictionary<int, Dictionary<int, RawValue>>> ReadAsync(
        ShiganDb db, int contestId, DateOnly periodStart, int trimAtLeast, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var result = new Dictionary<int, Dictionary<int, RawValue>>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = """
                SELECT "IndicatorId", "ParticipantRegionId", "Count", "SumHundredths", "LowestHundredths", "HighestHundredths"
                FROM "JudgeTotals" WHERE "ContestId" = @contest AND "PeriodStart" = @start
                """;
            Add(command, "@contest", contestId);
            Add(command, "@start", periodStart);
            // A province's 255,470 rows repeat a few thousand figures: each is combined once and its value shared (values
            // are immutable). The lowest and highest only count when the extremes are dropped (JudgePanel.FromTotals's rule).
            var combined = new Dictionary<(int Count, long Sum, long Lowest, long Highest), RawValue>();
            var largest = 0;
            Dictionary<int, RawValue>? byUnit = null;
            var current = 0;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var indicator = reader.GetInt32(0);
                if (byUnit is null || indicator != current)
                {
                    largest = Math.Max(largest, byUnit?.Count ?? 0);
                    current = indicator;
                    byUnit = result.TryGetValue(indicator, out var found) ? found : result[indicator] = new(largest);
                }

                var count = reader.GetInt32(2);
                var trimmed = trimAtLeast >= 3 && count >= trimAtLeast;
                (int Count, long Sum, long Lowest, long Highest) key = (count, reader.GetInt64(3), trimmed ? reader.GetInt64(4) : 0, trimmed ? reader.GetInt64(5) : 0);
                ref var value = ref CollectionsMarshal.GetValueRefOrAddDefault(combined, key, out var known);
                if (!known)
                {
                    value = JudgePanel.FromTotals(count, key.Sum / 100m, key.Lowest / 100m, key.Highest / 100m, trimAtLeast) is { } panel
                        ? new RawValue(panel.Value, [], panel.Judges, count)
                        : RawValue.None;
                }

                byUnit[reader.GetInt32(1)] = value!;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return result;
    }

    /// <summary>Called before the save: the rows of the scores added, changed (before and after) or removed.</summary>
    internal static List<Key> Capture(ChangeTracker tracker)
    {
        var keys = new List<Key>();
        foreach (var entry in tracker.Entries<JudgeScore>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                var s = entry.Entity;
                keys.Add(new Key(s.ContestId, s.PeriodStart, s.IndicatorId, s.ParticipantRegionId));
            }

            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                T Old<T>(string name) => (T)entry.OriginalValues[name]!;
                keys.Add(new Key(
                    Old<int>(nameof(JudgeScore.ContestId)), Old<DateOnly>(nameof(JudgeScore.PeriodStart)),
                    Old<int>(nameof(JudgeScore.IndicatorId)), Old<int>(nameof(JudgeScore.ParticipantRegionId))));
            }
        }

        return keys;
    }

    /// <summary>
    /// Called after the scores are saved, inside the save's transaction: each row is recounted from its scores. The
    /// row is locked first (an upsert that changes nothing) and recounted by the next statement, which on PostgreSQL
    /// sees every score committed by then: two judges scoring the same participant at once both count.
    /// </summary>
    internal static async Task ApplyAsync(ShiganDb db, List<Key> keys, CancellationToken ct)
    {
        foreach (var chunk in keys.Distinct().Order().Chunk(KeysPerStatement))
        {
            var rows = new List<string>();
            var parameters = new List<object>();
            foreach (var key in chunk)
            {
                var i = parameters.Count;
                rows.Add($"{{{i}}}, {{{i + 1}}}, {{{i + 2}}}, {{{i + 3}}}");
                parameters.AddRange([key.ContestId, key.PeriodStart, key.IndicatorId, key.ParticipantRegionId]);
            }

            var keyList = string.Join(", ", rows.Select(r => $"({r})"));
            var sql = $"""
                INSERT INTO "JudgeTotals" ("ContestId", "PeriodStart", "IndicatorId", "ParticipantRegionId", "Count", "SumHundredths", "LowestHundredths", "HighestHundredths")
                VALUES {string.Join(", ", rows.Select(r => $"({r}, 0, 0, 0, 0)"))}
                ON CONFLICT ("ContestId", "PeriodStart", "IndicatorId", "ParticipantRegionId") DO UPDATE SET "Count" = "JudgeTotals"."Count";
                UPDATE "JudgeTotals" SET ("Count", "SumHundredths", "LowestHundredths", "HighestHundredths") =
                    (SELECT COUNT(*), COALESCE(SUM({Hundredths}), 0), COALESCE(MIN({Hundredths}), 0), COALESCE(MAX({Hundredths}), 0)
                     FROM "JudgeScores" AS s
                     WHERE s."ContestId" = "JudgeTotals"."ContestId" AND s."PeriodStart" = "JudgeTotals"."PeriodStart"
                       AND s."IndicatorId" = "JudgeTotals"."IndicatorId" AND s."ParticipantRegionId" = "JudgeTotals"."ParticipantRegionId")
                WHERE ("ContestId", "PeriodStart", "IndicatorId", "ParticipantRegionId") IN (VALUES {keyList});
                DELETE FROM "JudgeTotals" WHERE "Count" = 0 AND ("ContestId", "PeriodStart", "IndicatorId", "ParticipantRegionId") IN (VALUES {keyList});
                """;
            await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Which row a score is counted in.</summary>
    internal sealed record Key(int ContestId, DateOnly PeriodStart, int IndicatorId, int ParticipantRegionId) : IComparable<Key>
    {
        public int CompareTo(Key? other) => other is null ? 1
            : (ContestId, PeriodStart, IndicatorId, ParticipantRegionId).CompareTo((other.ContestId, other.PeriodStart, other.IndicatorId, other.ParticipantRegionId));
    }
}
