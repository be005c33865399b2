using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Shigan.Core.Contests;

namespace Shigan.Data.Contests;

/// <summary>
/// Writes a computed sheet's rows in bulk, in the caller's transaction, after the sheet itself was saved (and audited)
/// through EF: a province's sheet is 25,547 rows, and EF would prepare, track and audit each one (seconds). Each
/// provider gets the cheapest way in: SQLite one prepared statement run per row, PostgreSQL every row in one statement
/// of arrays. Rows are append-only and never audited one by one (see <see cref="ScoreRow"/>).
/// </summary>
public static class ScoreRowWriter
{
    public static async Task InsertAsync(ShiganDb db, int sheetId, IReadOnlyList<ScoreRow> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (db.Database.CurrentTransaction is not { } transaction)
        {
            throw new InvalidOperationException("A sheet's rows are written in the sheet's transaction.");
        }

        var connection = db.Database.GetDbConnection();
        var sqlite = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
        if (!sqlite)
        {
            await InsertAsArraysAsync(connection, transaction.GetDbTransaction(), sheetId, rows, ct);
            return;
        }

        await InsertPreparedAsync(connection, transaction.GetDbTransaction(), sheetId, rows, ct);
    }

    /// <summary>
    /// SQLite: one prepared single-row INSERT run for each row, its eight parameters given new values: SQLite runs in
    /// this process, so a call costs no round trip, and nothing is parsed again (500-row statements built 51 texts of
    /// half a megabyte each, which the garbage collector then had to clear from its large-object heap).
    /// </summary>
    private static async Task InsertPreparedAsync(DbConnection connection, DbTransaction transaction, int sheetId, IReadOnlyList<ScoreRow> rows, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO "ScoreRows" ("SheetId", "RegionId", "UnitName", "Total", "Rank", "PreviousRank", "Cells", "RegionPath")
            VALUES (@sheet, @region, @unit, @total, @rank, @previous, @cells, @path)
            """;
        Add(command, "@sheet", sheetId);
        var region = Add(command, "@region", 0);
        var unit = Add(command, "@unit", "");
        var total = Add(command, "@total", "");
        var rank = Add(command, "@rank", 0);
        var previous = Add(command, "@previous", DBNull.Value);
        var cells = Add(command, "@cells", "");
        var path = Add(command, "@path", "");
        await command.PrepareAsync(ct);
        var buffer = new ArrayBufferWriter<byte>(1024);
        await using var json = new Utf8JsonWriter(buffer);
        foreach (var row in rows)
        {
            region.Value = row.RegionId;
            unit.Value = row.UnitName;

            // SQLite keeps decimals as text, as EF writes them.
            total.Value = row.Total.ToString("0.0###########################", CultureInfo.InvariantCulture);
            rank.Value = row.Rank;
            previous.Value = row.PreviousRank is { } before ? before : DBNull.Value;
            cells.Value = ScoreCellsColumn.Write(row.Cells, buffer, json);
            path.Value = row.RegionPath;
            await command.ExecuteNonQueryAsync(ct);
        }

    }

    /// <summary>
    /// PostgreSQL: every row in one statement, each column sent as one array and unnested in the server: no SQL text
    /// to build, escape or parse, and one round trip instead of 51 500-row INSERTs.
    /// </summary>
    private static async Task InsertAsArraysAsync(DbConnection connection, DbTransaction transaction, int sheetId, IReadOnlyList<ScoreRow> rows, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO "ScoreRows" ("SheetId", "RegionId", "UnitName", "Total", "Rank", "PreviousRank", "Cells", "RegionPath")
            SELECT @sheet, r.region, r.unit, r.total, r.rank, r.previous, r.cells, r.path
            FROM unnest(@regions, @units, @totals, @ranks, @previous, @cells, @paths) AS r(region, unit, total, rank, previous, cells, path)
            """;
        var count = rows.Count;
        var regions = new int[count];
        var units = new string[count];
        var totals = new decimal[count];
        var ranks = new int[count];
        var previous = new int?[count];
        var cells = new string[count];
        var paths = new string[count];
        var buffer = new ArrayBufferWriter<byte>(1024);
        await using var json = new Utf8JsonWriter(buffer);
        for (var i = 0; i < count; i++)
        {
            var row = rows[i];
            regions[i] = row.RegionId;
            units[i] = row.UnitName;
            totals[i] = row.Total;
            ranks[i] = row.Rank;
            previous[i] = row.PreviousRank;
            cells[i] = ScoreCellsColumn.Write(row.Cells, buffer, json);
            paths[i] = row.RegionPath;
        }

        Add(command, "@sheet", sheetId);
        Add(command, "@regions", regions);
        Add(command, "@units", units);
        Add(command, "@totals", totals);
        Add(command, "@ranks", ranks);
        Add(command, "@previous", previous);
        Add(command, "@cells", cells);
        Add(command, "@paths", paths);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static DbParameter Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
