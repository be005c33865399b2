using Npgsql;

namespace Shigan.Testing;

/// <summary>
/// A real, throw-away database for one test class: a SQLite file, or a PostgreSQL database on the server that
/// scripts/test.sh started (SHIGAN_TEST_PROVIDER=postgres, SHIGAN_TEST_PG=its connection string).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static string Provider => Environment.GetEnvironmentVariable("SHIGAN_TEST_PROVIDER") ?? "sqlite";

    public static bool IsPostgres => Provider == "postgres";

    private readonly string? file;
    private readonly string? databaseName;

    public TestDatabase()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        if (IsPostgres)
        {
            var server = Environment.GetEnvironmentVariable("SHIGAN_TEST_PG")
                ?? throw new InvalidOperationException("SHIGAN_TEST_PG must name the test PostgreSQL server (scripts/test.sh sets it).");
            databaseName = "shigan_t_" + id;
            Connection = new NpgsqlConnectionStringBuilder(server) { Database = databaseName }.ToString();
        }
        else
        {
            var folder = Path.Combine(Path.GetTempPath(), "shigan-tests");
            Directory.CreateDirectory(folder);
            file = Path.Combine(folder, id + ".db");
            Connection = $"Data Source={file}";
        }
    }

    public string Connection { get; }

    public string? File => file;

    public async ValueTask DisposeAsync()
    {
        if (file is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                System.IO.File.Delete(file + suffix);
            }
        }
        else if (databaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var admin = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("SHIGAN_TEST_PG")) { Database = "postgres" };
            await using var conn = new NpgsqlConnection(admin.ToString());
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
