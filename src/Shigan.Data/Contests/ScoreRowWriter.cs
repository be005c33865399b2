using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Shigan.Core.Contests;

namespace Shigan.Data.Contests;

/// <summary>
/// Writes a computed sheet's rows in multi-row INSERTs, in the caller's transaction, after the sheet itself was saved
/// (and audited) through EF. A province's sheet is 25,547 rows: EF prepares one statement per row (seconds on SQLite);
/// here it is one statement per 500. Only the units' names are parameters (and the path the rows share): the provider
/// matches a statement's parameters to their names one by one, so 8 a row (4,000 a statement) cost more than the rows.
/// Rows are append-only and never audited one by one (see <see cref="ScoreRow"/>).
/// </summary>
public static class ScoreRowWriter
{
    private const int RowsPerStatement = 500;

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
        var sql = new StringBuilder();
        for (var at = 0; at < rows.Count; at += RowsPerStatement)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            sql.Clear().Append("INSERT INTO \"ScoreRows\" (\"SheetId\", \"RegionId\", \"UnitName\", \"Total\", \"Rank\", \"PreviousRank\", \"Cells\", \"RegionPath\") VALUES ");
            Add(command, "@r", rows[at].RegionPath);
            for (var k = at; k < Math.Min(rows.Count, at + RowsPerStatement); k++)
            {
                var row = rows[k];
                var n = (k - at).ToString(CultureInfo.InvariantCulture);

                // SQLite keeps decimals as text, as EF writes them; PostgreSQL takes the number.
                var total = row.Total.ToString("0.0###########################", CultureInfo.InvariantCulture);
                sql.Append(k == at ? "" : ", ")
                    .Append(CultureInfo.InvariantCulture, $"({sheetId}, {row.RegionId}, @u{n}, {(sqlite ? $"'{total}'" : total)}, {row.Rank}, ")
                    .Append(row.PreviousRank is { } before ? before.ToString(CultureInfo.InvariantCulture) : "NULL")
                    .Append(", '").Append(ScoreCellsColumn.Write(row.Cells).Replace("'", "''", StringComparison.Ordinal)).Append("', ").Append(row.RegionPath == rows[at].RegionPath ? "@r" : "@r" + n).Append(')');
                Add(command, "@u" + n, row.UnitName);
                if (row.RegionPath != rows[at].RegionPath)
                {
                    Add(command, "@r" + n, row.RegionPath);
                }
            }

#pragma warning disable CA2100 // numbers, and the cells' JSON of numbers and brackets (quotes doubled all the same), formatted here; names are parameters
            command.CommandText = sql.ToString();
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
