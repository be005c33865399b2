using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Shigan.Core.Cases;
using Shigan.Web.Cases;
using Shigan.Web.Cli;
using Shigan.Web.Hosting;

namespace Shigan.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Shigan.Bench -- seed-cases FILE.db [count=1000000]</c>: a new SQLite file
/// filled by the app's own <c>generate</c> verb for Changshan (real schema and tree, departments, the demo accounts,
/// categories, calendar, then <c>count</c> cases over the last three years with their histories, by prepared
/// statements in large transactions; see <c>Shigan.Web.Generate</c>), then the counts the results quote.
/// Same seed and same hour, same cases.
/// </summary>
public static class SeedCases
{
    public const int Seed = 2026;

    public static async Task<int> RunAsync(string file, int count, TextWriter output)
    {
        if (File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"seed-cases: {file} exists; give a new file name.");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var connection = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(file), Pooling = false }.ToString();
        string[] args = ["--connection", connection, "--Logging:LogLevel:Default=Warning", "--scope", "330822",
            "--cases", count.ToString(CultureInfo.InvariantCulture), "--seed", Seed.ToString(CultureInfo.InvariantCulture)];
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
        builder.AddShigan(args);
        await using (var app = builder.Build())
        {
            if (await CliVerbs.RunAsync(app, "generate") != 0)
            {
                return 1;
            }
        }

        SqliteConnection.ClearAllPools();
        await using var db = new SqliteConnection(connection);
        await db.OpenAsync();
        output.WriteLine($"[{clock.Elapsed:mm\\:ss}] done: {file}, {new FileInfo(file).Length / 1024 / 1024:N0} MiB");
        PrintCounts(db, output);
        return 0;
    }

    private static void PrintCounts(SqliteConnection db, TextWriter output)
    {
        output.WriteLine($"Cases: {Scalar(db, "SELECT count(*) FROM Cases"):N0}; CaseEvents: {Scalar(db, "SELECT count(*) FROM CaseEvents"):N0}; "
            + $"Regions: {Scalar(db, "SELECT count(*) FROM Regions")}; Departments: {Scalar(db, "SELECT count(*) FROM Departments")}; "
            + $"accounts: {Scalar(db, "SELECT count(*) FROM AspNetUsers")}");
        output.WriteLine("Cases by status: " + string.Join(", ", Rows(db, "SELECT Status, count(*) FROM Cases GROUP BY Status ORDER BY Status",
            r => $"{(CaseStatus)r.GetInt32(0)} {r.GetInt64(1):N0}")));
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        var open = string.Join(", ", CaseQueries.Open.Select(s => (int)s));
        output.WriteLine($"open {Scalar(db, $"SELECT count(*) FROM Cases WHERE Status IN ({open})"):N0}, of which late "
            + $"{Scalar(db, $"SELECT count(*) FROM Cases WHERE Status IN ({open}) AND DeadlineUtc < '{now}'"):N0}; supervised (any status): "
            + $"{Scalar(db, "SELECT count(*) FROM Cases WHERE Supervision > 0"):N0}; rated {Scalar(db, "SELECT count(*) FROM Cases WHERE Rating IS NOT NULL"):N0}");
        output.WriteLine("Cases by township: " + string.Join(", ", Rows(db,
            "SELECT r.Name, count(*) FROM Cases c JOIN Regions r ON r.RegionPath = substr(c.RegionPath, 1, 26) GROUP BY r.Name ORDER BY count(*) DESC",
            r => $"{r.GetString(0)} {r.GetInt64(1):N0}")));
        output.WriteLine($"Reported from {Rows(db, "SELECT min(ReportedAtUtc) FROM Cases", r => r.GetString(0))[0]} to {Rows(db, "SELECT max(ReportedAtUtc) FROM Cases", r => r.GetString(0))[0]} (UTC)");
    }

    private static long Scalar(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
#pragma warning disable CA2100 // this file's own SQL
        command.CommandText = sql;
#pragma warning restore CA2100
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<T> Rows<T>(SqliteConnection db, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = db.CreateCommand();
#pragma warning disable CA2100
        command.CommandText = sql;
#pragma warning restore CA2100
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
