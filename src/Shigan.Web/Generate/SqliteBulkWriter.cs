using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Shigan.Data;

namespace Shigan.Web.Generate;

/// <summary>
/// SQLite: one prepared INSERT per table, all of a flush in one transaction. The file is being filled by one writer,
/// so no journal and no syncs meanwhile; WAL again at the end, as the app runs it.
/// </summary>
internal sealed class SqliteBulkWriter : BulkWriter
{
    private readonly SqliteConnection connection;
    private readonly Dictionary<string, SqliteCommand> inserts = [];
    private readonly string file;
    private readonly List<string> dropped = [];

    public SqliteBulkWriter(ShiganDb db)
        : base(db)
    {
        var connectionString = db.Database.GetConnectionString()!;
        file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        SqliteConnection.ClearAllPools(); // journal_mode changes only with no other connection open
        connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -400000; PRAGMA temp_store = MEMORY;");
    }

    public override string Engine => "SQLite " + connection.ServerVersion;

    public override void DropIndexes(IEnumerable<string> tables)
    {
        // Indexes with SQL of their own: the implicit ones of keys and UNIQUE constraints have none and stay.
        var found = new List<(string Name, string Sql)>();
        foreach (var table in tables)
        {
            using var read = connection.CreateCommand();
            read.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND sql IS NOT NULL";
            read.Parameters.AddWithValue("$table", table);
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                found.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, sql) in found)
        {
            Execute($"DROP INDEX {Quote(name)}");
            dropped.Add(sql);
        }
    }

    public override void RecreateIndexes()
    {
        foreach (var sql in dropped)
        {
            Execute(sql);
        }

        dropped.Clear();
    }

    // SQLite's AUTOINCREMENT counter follows the largest id inserted by itself.
    public override void SyncIds()
    {
    }

    public override void Finish()
    {
        Execute("ANALYZE; PRAGMA optimize;");
        Execute("PRAGMA journal_mode = WAL;");
    }

    protected override void Write(IReadOnlyList<IPendingRows> waiting, Action<IPendingRows, TimeSpan> written)
    {
        using var tx = connection.BeginTransaction();
        foreach (var table in waiting)
        {
            var clock = Stopwatch.StartNew();
            var insert = Insert("main", table.Name, table.Columns, tx);
            foreach (var row in table.Take())
            {
                for (var i = 0; i < table.Columns.Length; i++)
                {
                    insert.Parameters[i].Value = table.Columns[i].Read(row) ?? DBNull.Value;
                }

                insert.ExecuteNonQuery();
            }

            written(table, clock.Elapsed);
        }

        tx.Commit();
    }

    protected override void WriteRaw(IPendingRows table, object?[] values, long rows, int chunk)
    {
        // A file of its own beside the database, with the same settings, so the real file keeps no trace of it.
        var rawFile = file + ".raw";
        File.Delete(rawFile);
        Execute($"ATTACH DATABASE '{rawFile.Replace("'", "''", StringComparison.Ordinal)}' AS raw; PRAGMA raw.journal_mode = OFF; PRAGMA raw.synchronous = OFF;");
        try
        {
            Execute($"CREATE TABLE raw.{Quote(table.Name)} AS SELECT {string.Join(", ", table.Columns.Select(c => Quote(c.Name)))} FROM main.{Quote(table.Name)} WHERE 0");
            for (long done = 0; done < rows; done += chunk)
            {
                using var tx = connection.BeginTransaction();
                using var insert = Insert("raw", table.Name, table.Columns, tx, cache: false);
                for (var n = Math.Min(chunk, rows - done); n > 0; n--)
                {
                    for (var i = 0; i < values.Length; i++)
                    {
                        insert.Parameters[i].Value = values[i] ?? DBNull.Value;
                    }

                    insert.ExecuteNonQuery();
                }

                tx.Commit();
            }
        }
        finally
        {
            Execute("DETACH DATABASE raw");
            File.Delete(rawFile);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var command in inserts.Values)
            {
                command.Dispose();
            }

            connection.Dispose();
        }

        base.Dispose(disposing);
    }

    private SqliteCommand Insert(string schema, string table, BulkColumn[] columns, SqliteTransaction tx, bool cache = true)
    {
        if (!cache || !inserts.TryGetValue(table, out var command))
        {
            command = connection.CreateCommand();
#pragma warning disable CA2100 // names from the EF model, values as parameters
            command.CommandText = $"INSERT INTO {schema}.{Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) "
                + $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
#pragma warning restore CA2100
            for (var i = 0; i < columns.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i });
            }

            if (cache)
            {
                inserts[table] = command;
            }
        }

        command.Transaction = tx;
        command.Prepare();
        return command;
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // the generator's own statements
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
