using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Shigan.Data;

namespace Shigan.Web.Cli;

/// <summary>
/// <c>restore --from FILE</c>: puts a copy made by <c>backup</c> back as the configured SQLite database, with the app
/// stopped. The copy is checked first (SQLite's integrity check, every foreign key, migrations this build knows) and
/// nothing is touched if it fails; the database being replaced is kept beside it. Pages are copied with SQLite's
/// backup API, so the result is whole or, on failure, the old database is left as it was.
/// </summary>
internal static class SqliteRestore
{
    public static int Run(ShiganDb db, IConfiguration config)
    {
        if (!db.Database.IsSqlite())
        {
            Console.Error.WriteLine("restore puts back a SQLite backup; for PostgreSQL use pg_restore (see deploy/README.md).");
            return 2;
        }

        if (config["from"] is not { Length: > 0 } from)
        {
            Console.Error.WriteLine("usage: restore --from FILE   (a copy made by the backup verb; stop the app first)");
            return 2;
        }

        if (!File.Exists(from))
        {
            Console.Error.WriteLine($"{from} does not exist.");
            return 2;
        }

        if (Check(from, db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal)) is { } problem)
        {
            Console.Error.WriteLine($"{from} cannot be restored: {problem}. Nothing was changed.");
            return 1;
        }

        var targetText = db.Database.GetConnectionString()!;
        var target = new SqliteConnectionStringBuilder(targetText).DataSource;
        using var source = Open(from, SqliteOpenMode.ReadOnly);
        using var destination = new SqliteConnection(new SqliteConnectionStringBuilder(targetText) { Pooling = false }.ToString());
        destination.Open();
        var kept = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target))!, "backups", $"before-restore-{DateTime.UtcNow:yyyyMMdd-HHmmss}.db");
        if (new FileInfo(target).Length > 0)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
            using var keep = Open(kept, SqliteOpenMode.ReadWriteCreate);
            destination.BackupDatabase(keep);
            Console.WriteLine($"Kept the database being replaced as {kept}.");
        }

        source.BackupDatabase(destination);
        Console.WriteLine($"Restored {Path.GetFullPath(from)} to {Path.GetFullPath(target)}.");
        return 0;
    }

    // Null when the copy is sound; else what is wrong with it, in the operator's words.
    private static string? Check(string file, HashSet<string> knownMigrations)
    {
        try
        {
            using var copy = Open(file, SqliteOpenMode.ReadOnly);
            var integrity = Strings(copy, "PRAGMA integrity_check");
            if (integrity is not ["ok"])
            {
                return $"the integrity check failed ({string.Join("; ", integrity.Take(3))})";
            }

            if (Strings(copy, "PRAGMA foreign_key_check") is { Count: > 0 } broken)
            {
                return $"{broken.Count} rows break a foreign key (first in table {broken[0]})";
            }

            var history = HistoryRepository.DefaultTableName;
            var applied = Strings(copy, $"SELECT name FROM sqlite_master WHERE type = 'table' AND name = '{history}'") is []
                ? []
                : Strings(copy, $"SELECT \"MigrationId\" FROM \"{history}\"");
            if (applied.Count == 0)
            {
                return "it is not a Shigan database (no migrations)";
            }

            return applied.FirstOrDefault(m => !knownMigrations.Contains(m)) is { } newer
                ? $"it was made by a newer version (migration {newer}); restore it with that version"
                : null;
        }
        catch (SqliteException e)
        {
            return $"it is not a readable SQLite database ({e.Message})";
        }
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
