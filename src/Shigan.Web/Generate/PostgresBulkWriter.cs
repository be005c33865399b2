using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shigan.Data;

namespace Shigan.Web.Generate;

/// <summary>PostgreSQL: one binary COPY per table and flush, all of a flush in one transaction.</summary>
internal sealed class PostgresBulkWriter : BulkWriter
{
    private const string RawTable = "generator_raw";
    private readonly NpgsqlConnection connection;
    private readonly List<string> dropped = [];

    public PostgresBulkWriter(ShiganDb db)
        : base(db)
    {
        connection = new NpgsqlConnection(db.Database.GetConnectionString());
        connection.Open();
    }

    public override string Engine => "PostgreSQL " + connection.ServerVersion;

    public override void DropIndexes(IEnumerable<string> tables)
    {
        // Secondary indexes only: primary keys (and the foreign keys that rely on them) stay.
        using var read = new NpgsqlCommand(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' AND i.tablename = ANY(@tables) "
            + "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)", connection);
        read.Parameters.AddWithValue("tables", tables.ToArray());
        var found = new List<(string Name, string Definition)>();
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                found.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, definition) in found)
        {
            Execute($"DROP INDEX {Quote(name)}");
            dropped.Add(definition);
        }
    }

    public override void RecreateIndexes()
    {
        foreach (var definition in dropped)
        {
            Execute(definition);
        }

        dropped.Clear();
    }

    public override void SyncIds()
    {
        foreach (var table in Tables.Where(t => t.Rows > 0))
        {
            // The ids were given explicitly: the identity sequence must start after them, or the app's first insert fails.
            Execute($"SELECT setval(pg_get_serial_sequence('{Quote(table.Name)}', 'Id'), (SELECT max(\"Id\") FROM {Quote(table.Name)}))",
                onlyIf: $"SELECT pg_get_serial_sequence('{Quote(table.Name)}', 'Id') IS NOT NULL");
        }
    }

    public override void Finish() => Execute("ANALYZE");

    protected override void Write(IReadOnlyList<IPendingRows> waiting, Action<IPendingRows, TimeSpan> written)
    {
        using var tx = connection.BeginTransaction();
        foreach (var table in waiting)
        {
            var clock = Stopwatch.StartNew();
            Copy(table.Name, table.Columns, table.Take().Select(row => table.Columns.Select(c => c.Read(row))));
            written(table, clock.Elapsed);
        }

        tx.Commit();
    }

    protected override void WriteRaw(IPendingRows table, object?[] values, long rows, int chunk)
    {
        Execute($"DROP TABLE IF EXISTS {RawTable}; CREATE TABLE {RawTable} (LIKE {Quote(table.Name)})");
        try
        {
            for (long done = 0; done < rows; done += chunk)
            {
                using var tx = connection.BeginTransaction();
                Copy(RawTable, table.Columns, Enumerable.Repeat<IEnumerable<object?>>(values, (int)Math.Min(chunk, rows - done)));
                tx.Commit();
            }
        }
        finally
        {
            Execute($"DROP TABLE {RawTable}");
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            connection.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Copy(string table, BulkColumn[] columns, IEnumerable<IEnumerable<object?>> rows)
    {
        var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
        using var import = connection.BeginBinaryImport($"COPY {(table == RawTable ? table : Quote(table))} ({names}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            import.StartRow();
            var i = 0;
            foreach (var value in row)
            {
                if (value is null)
                {
                    import.WriteNull();
                }
                else
                {
                    import.Write(value, columns[i].PostgresType);
                }

                i++;
            }
        }

        import.Complete();
    }

    private void Execute(string sql, string? onlyIf = null)
    {
        if (onlyIf is not null)
        {
#pragma warning disable CA2100
            using var check = new NpgsqlCommand(onlyIf, connection);
#pragma warning restore CA2100
            if (check.ExecuteScalar() is not true)
            {
                return;
            }
        }

#pragma warning disable CA2100 // the generator's own statements and the catalogue's index definitions
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
