using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Shigan.Core.Cases;

namespace Shigan.SystemTests;

/// <summary>
/// What the database holds after a crash, read with plain SQL beside the app (the same text on SQLite and PostgreSQL):
/// the checks must not trust the code they check.
/// </summary>
internal sealed class StoredRecords(string provider, string connection)
{
    /// <summary>The tracking numbers of the stored cases (made from the id and the day, as the app makes them).</summary>
    public async Task<HashSet<string>> TrackingNumbersAsync() =>
        [.. await ListAsync("SELECT \"Id\", \"ReportedAtUtc\" FROM \"Cases\"", r => TrackingNumber.New(
            new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(1), DateTimeKind.Utc)), r.GetInt64(0)))];

    public async Task<ILookup<long, string>> PhotosByCaseAsync() =>
        (await ListAsync("SELECT \"CaseId\", \"Sha256\" FROM \"CaseAttachments\"", r => (r.GetInt64(0), r.GetString(1))))
        .ToLookup(p => p.Item1, p => p.Item2);

    /// <summary>Cases whose history does not begin: no "reported" entry.</summary>
    public Task<long> CasesWithoutFirstEntryAsync() => CountAsync(
        $"SELECT COUNT(*) FROM \"Cases\" c WHERE NOT EXISTS (SELECT 1 FROM \"CaseEvents\" e WHERE e.\"CaseId\" = c.\"Id\" AND e.\"Kind\" = {(int)CaseEventKind.Reported})");

    /// <summary>Cases assigned at intake whose history lacks the routing that assigned them.</summary>
    public Task<long> AssignedWithoutRoutingAsync() => CountAsync(
        $"SELECT COUNT(*) FROM \"Cases\" c WHERE c.\"Status\" = {(int)CaseStatus.Assigned} AND NOT EXISTS (SELECT 1 FROM \"CaseEvents\" e WHERE e.\"CaseId\" = c.\"Id\" AND e.\"Kind\" = {(int)CaseEventKind.Routed})");

    /// <summary>Attachments not tied to a history entry of their own case.</summary>
    public Task<long> OrphanAttachmentsAsync() => CountAsync(
        "SELECT COUNT(*) FROM \"CaseAttachments\" a WHERE a.\"CaseEventId\" IS NULL OR NOT EXISTS (SELECT 1 FROM \"CaseEvents\" e WHERE e.\"Id\" = a.\"CaseEventId\" AND e.\"CaseId\" = a.\"CaseId\")");

    public Task<long> CasesAsync() => CountAsync("SELECT COUNT(*) FROM \"Cases\"");

    public Task<List<string>> VillageCodesAsync() =>
        ListAsync("SELECT \"Code\" FROM \"Regions\" WHERE \"Level\" = 3 ORDER BY \"Code\"", r => r.GetString(0));

    /// <summary>Villages of the township a window clerk works for, where the clerk may take reports.</summary>
    public Task<List<int>> VillagesUnderAsync(string townshipCode) => ListAsync(
        $"SELECT v.\"Id\" FROM \"Regions\" v JOIN \"Regions\" t ON v.\"ParentId\" = t.\"Id\" WHERE t.\"Code\" = '{townshipCode}' AND v.\"Level\" = 3",
        r => r.GetInt32(0));

    public Task<List<string>> StringsAsync(string sql) =>
        ListAsync(sql, r => r.IsDBNull(0) ? "" : Convert.ToString(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);

    private async Task<long> CountAsync(string sql) => (await ListAsync(sql, r => r.GetInt64(0))).Single();

    private async Task<List<T>> ListAsync<T>(string sql, Func<DbDataReader, T> read)
    {
        await using var conn = Open();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private DbConnection Open() => provider == "postgres"
        ? new NpgsqlConnection(connection)
        : new SqliteConnection(connection + ";Pooling=False");
}
