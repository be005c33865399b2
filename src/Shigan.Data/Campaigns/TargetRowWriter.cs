using System.Data.Common;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Shigan.Core.Campaigns;
using Shigan.Data.Access;

namespace Shigan.Data.Campaigns;

/// <summary>
/// Writes a bulk write's targets (a sheet's households) past the change tracker, in the caller's transaction: the new
/// ones in one multi-row INSERT, their ids read back; the changed ones in one UPDATE that checks the version each was
/// read at; both audited and counted as a save would (<see cref="ShiganDb.RecordWrittenAsync"/>). Through EF each
/// household was a tracked entity, a snapshot and an INSERT or UPDATE of its own: most of an import's time, and of a
/// re-import's memory. The rows travel as one JSON parameter unpacked by the database (json_each,
/// json_array_elements): every value stays a parameter, without the SQLite provider matching thousands of parameter
/// names (see ScoreRowWriter). Paths and scope are checked once for the rows' distinct units, as the save's path sync
/// and scope guard would.
/// </summary>
public static class TargetRowWriter
{
    // Chinese as it is (a third of the size escaped): both databases read UTF-8 JSON; quotes and controls stay escaped.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string Columns = "\"CampaignId\", \"Key\", \"ParentId\", \"Level\", \"Name\", \"RegionId\", \"RegionPath\", \"Owner\", \"Phone\", \"People\", \"Area\", \"Stage\", \"StageSinceUtc\", \"TeamId\", \"Version\", \"SortKey\"";

    private const string SqliteInsert = $"""
        INSERT INTO "CampaignTargets" ({Columns})
        SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8,
               value ->> 9, value ->> 10, value ->> 11, value ->> 12, value ->> 13, value ->> 14, value ->> 15
        FROM json_each(@rows)
        RETURNING "Id", "CampaignId", "Key"
        """;

    private const string PostgresInsert = $"""
        INSERT INTO "CampaignTargets" ({Columns})
        SELECT (e ->> 0)::integer, e ->> 1, (e ->> 2)::bigint, (e ->> 3)::integer, e ->> 4, (e ->> 5)::integer, e ->> 6, e ->> 7, e ->> 8,
               (e ->> 9)::integer, (e ->> 10)::numeric, (e ->> 11)::integer, (e ->> 12)::timestamptz, (e ->> 13)::integer, (e ->> 14)::integer,
               e ->> 15
        FROM json_array_elements(@rows::json) AS e
        RETURNING "Id", "CampaignId", "Key"
        """;

    // The fields a bulk update may change; the rest of the row (its key, place and path) stays as read.
    private const string SqliteUpdate = """
        UPDATE "CampaignTargets" AS t
        SET "Owner" = r.value ->> 3, "Phone" = r.value ->> 4, "People" = r.value ->> 5, "Area" = r.value ->> 6, "Stage" = r.value ->> 7,
            "StageSinceUtc" = r.value ->> 8, "TeamId" = r.value ->> 9, "Version" = r.value ->> 10
        FROM json_each(@rows) AS r
        WHERE t."Id" = r.value ->> 0 AND t."Version" = r.value ->> 1 AND t."RegionPath" = r.value ->> 2
        """;

    private const string PostgresUpdate = """
        UPDATE "CampaignTargets" AS t
        SET "Owner" = e ->> 3, "Phone" = e ->> 4, "People" = (e ->> 5)::integer, "Area" = (e ->> 6)::numeric, "Stage" = (e ->> 7)::integer,
            "StageSinceUtc" = (e ->> 8)::timestamptz, "TeamId" = (e ->> 9)::integer, "Version" = (e ->> 10)::integer
        FROM json_array_elements(@rows::json) AS e
        WHERE t."Id" = (e ->> 0)::bigint AND t."Version" = (e ->> 1)::integer AND t."RegionPath" = e ->> 2
        """;

    private const string MoveColumns = "\"CampaignId\", \"TargetId\", \"AtUtc\", \"Kind\", \"FromStage\", \"ToStage\", \"ActorId\", \"ActorName\", \"Reason\", \"RegionPath\"";

    private const string SqliteMoves = $"""
        INSERT INTO "StageMoves" ({MoveColumns})
        SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8, value ->> 9
        FROM json_each(@rows)
        """;

    private const string PostgresMoves = $"""
        INSERT INTO "StageMoves" ({MoveColumns})
        SELECT (e ->> 0)::integer, (e ->> 1)::bigint, (e ->> 2)::timestamptz, (e ->> 3)::integer, (e ->> 4)::integer, (e ->> 5)::integer,
               e ->> 6, e ->> 7, e ->> 8, e ->> 9
        FROM json_array_elements(@rows::json) AS e
        """;

    /// <summary>
    /// Inserts <paramref name="added"/>, updates <paramref name="updated"/> (all or none: a target changed by someone
    /// else since it was read fails the write with <see cref="DbUpdateConcurrencyException"/>), then inserts
    /// <paramref name="moves"/>: steps of the histories of these targets or of targets already saved, each naming its
    /// target by <see cref="StageMove.Target"/>. A history is append-only and its own record, never audited (see
    /// <see cref="Core.Org.IKeepsOwnHistory"/>); its daily counters are kept as a save keeps them.
    /// </summary>
    public static async Task WriteAsync(
        ShiganDb db, IReadOnlyList<CampaignTarget> added, IReadOnlyList<TargetUpdate> updated, IReadOnlyList<StageMove> moves, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(updated);
        ArgumentNullException.ThrowIfNull(moves);
        if (added.Count == 0 && updated.Count == 0 && moves.Count == 0)
        {
            return;
        }

        if (db.Database.CurrentTransaction is not { } transaction)
        {
            throw new InvalidOperationException("Targets written past the tracker go in the bulk write's transaction.");
        }

        // Their audit entries are saved right after them: nothing else may ride along unaudited.
        db.ChangeTracker.DetectChanges();
        if (db.ChangeTracker.HasChanges())
        {
            throw new InvalidOperationException("Save the tracked changes before writing targets past the tracker.");
        }

        // Updates are checked before anything is written: a refused one leaves nothing behind even in the transaction.
        CheckUpdates(db, updated);
        var sqlite = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
        if (added.Count > 0)
        {
            await InsertTargetsAsync(db, transaction, added, sqlite, ct);
        }

        if (updated.Count > 0)
        {
            await UpdateTargetsAsync(db, transaction, updated, sqlite, ct);
        }

        if (added.Count > 0 || updated.Count > 0)
        {
            await db.RecordWrittenAsync(added, updated, ct);
        }

        if (moves.Count == 0)
        {
            return;
        }

        // A target's history is seen by whoever sees the target: its path, as the save's path sync gives it.
        foreach (var move in moves)
        {
            var target = move.Target is { Id: not 0 } t ? t : throw new InvalidOperationException("A move written here names a target already saved.");
            (move.TargetId, move.RegionPath) = (target.Id, target.RegionPath);
        }

        if (moves.Select(m => m.RegionPath).Distinct().FirstOrDefault(p => !db.Actor.Scope.Covers(p)) is not null)
        {
            throw new OutOfScopeException(nameof(StageMove));
        }

        try
        {
            await using var command = Command(db, transaction, sqlite ? SqliteMoves : PostgresMoves, moves.Select(m => Move(m, sqlite)));
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (DbException e) when (!e.IsTransient)
        {
            throw Conflict(e);
        }

        await StageDayCounts.AddAsync(db, [.. moves], ct);
    }

    private static async Task InsertTargetsAsync(ShiganDb db, IDbContextTransaction transaction, IReadOnlyList<CampaignTarget> targets, bool sqlite, CancellationToken ct)
    {
        foreach (var t in targets)
        {
            // Their groups and teams were saved first (a new one has its key now).
            t.ParentId = t.Parent is { } parent ? Saved(parent.Id) : t.ParentId;
            t.TeamId = t.Team is { } team ? Saved(team.Id) : t.TeamId;
            t.RegionId = t.Region?.Id ?? t.RegionId;
        }

        // Paths derived from the units, never taken from the caller; the scope checked once per unit.
        var regionIds = targets.Select(t => t.RegionId).Distinct().ToList();
        var paths = await db.Regions.IgnoreQueryFilters().Where(r => regionIds.Contains(r.Id)).Select(r => new { r.Id, r.RegionPath })
            .ToDictionaryAsync(r => r.Id, r => r.RegionPath, ct);
        foreach (var t in targets)
        {
            t.RegionPath = paths.GetValueOrDefault(t.RegionId) ?? throw new OutOfScopeException(nameof(Core.Org.Region));
        }

        if (paths.Values.FirstOrDefault(p => !db.Actor.Scope.Covers(p)) is not null)
        {
            throw new OutOfScopeException(nameof(CampaignTarget));
        }

        var byKey = targets.ToDictionary(t => (t.CampaignId, t.Key));
        try
        {
            await using var command = Command(db, transaction, sqlite ? SqliteInsert : PostgresInsert, targets.Select(t => Row(t, sqlite)));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                byKey[(reader.GetInt32(1), reader.GetString(2))].Id = reader.GetInt64(0);
            }
        }
        catch (DbException e) when (!e.IsTransient)
        {
            throw Conflict(e);
        }
    }

    private static void CheckUpdates(ShiganDb db, IReadOnlyList<TargetUpdate> updated)
    {
        foreach (var (before, after) in updated)
        {
            if (before.Id == 0 || after.Id != before.Id || after.CampaignId != before.CampaignId || after.Key != before.Key || after.Name != before.Name
                || after.Level != before.Level || after.ParentId != before.ParentId || after.RegionId != before.RegionId || after.RegionPath != before.RegionPath)
            {
                throw new InvalidOperationException("A bulk update changes a saved target's owner, phone, people, area, stage or team, nothing else.");
            }

            after.TeamId = after.Team is { } team ? Saved(team.Id) : after.TeamId;
            after.Version = before.Version + 1;
        }

        // The paths as read; the update matches a row only at that path (and version), so a forged one writes nothing.
        if (updated.Select(u => u.Before.RegionPath).Distinct().FirstOrDefault(p => !db.Actor.Scope.Covers(p)) is not null)
        {
            throw new OutOfScopeException(nameof(CampaignTarget));
        }
    }

    private static async Task UpdateTargetsAsync(ShiganDb db, IDbContextTransaction transaction, IReadOnlyList<TargetUpdate> updated, bool sqlite, CancellationToken ct)
    {
        int written;
        try
        {
            await using var command = Command(db, transaction, sqlite ? SqliteUpdate : PostgresUpdate, updated.Select(u => Update(u, sqlite)));
            written = await command.ExecuteNonQueryAsync(ct);
        }
        catch (DbException e) when (!e.IsTransient)
        {
            throw Conflict(e);
        }

        // As EF reports a save whose concurrency token no longer matches (409); the caller's transaction is not committed.
        if (written != updated.Count)
        {
            throw new DbUpdateConcurrencyException($"{updated.Count - written} of {updated.Count} targets were changed by someone else since they were read.");
        }
    }

    private static DbCommand Command(ShiganDb db, IDbContextTransaction transaction, string sql, IEnumerable<object?[]> rows)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@rows";
        parameter.Value = JsonSerializer.Serialize(rows, Json);
        command.Parameters.Add(parameter);
        return command;
    }

    // Reported as EF reports a failed save: a key another import took meanwhile is a conflict (409), not a server error.
    private static DbUpdateException Conflict(DbException e) => new("Targets written past the tracker conflict with the database.", e);

    private static long Saved(long id) => id != 0 ? id : throw new InvalidOperationException("A target's group is saved before it.");

    private static int Saved(int id) => id != 0 ? id : throw new InvalidOperationException("A target's team is saved before it.");

    // The values as EF stores them: SQLite keeps decimals and instants as text in EF's formats, PostgreSQL casts.
    private static object?[] Row(CampaignTarget t, bool sqlite) =>
    [
        t.CampaignId, t.Key, t.ParentId, (int)t.Level, t.Name, t.RegionId, t.RegionPath, t.Owner, t.Phone, t.People,
        Area(t.Area, sqlite), t.Stage, Instant(t.StageSinceUtc, sqlite), t.TeamId, t.Version, t.SortKey,
    ];

    private static object?[] Update(TargetUpdate u, bool sqlite) =>
    [
        u.Before.Id, u.Before.Version, u.Before.RegionPath, u.After.Owner, u.After.Phone, u.After.People, Area(u.After.Area, sqlite), u.After.Stage,
        Instant(u.After.StageSinceUtc, sqlite), u.After.TeamId, u.After.Version,
    ];

    private static object?[] Move(StageMove m, bool sqlite) =>
        [m.CampaignId, m.TargetId, Instant(m.AtUtc, sqlite), (int)m.Kind, m.FromStage, m.ToStage, m.ActorId, m.ActorName, m.Reason, m.RegionPath];

    private static object? Area(decimal? area, bool sqlite) =>
        area is { } a ? (sqlite ? a.ToString("0.0###########################", CultureInfo.InvariantCulture) : a) : null;

    private static string Instant(DateTime utc, bool sqlite) => sqlite
        ? utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)
        : DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);
}
