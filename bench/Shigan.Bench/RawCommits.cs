using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Shigan.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Shigan.Bench -- raw-commits FILE SECONDS [WRITERS]</c>: the baseline of
/// the intake benchmark (bench/http/open311.sh). Inserts one case-like row per transaction into a fresh SQLite file
/// for the given time, with a prepared statement through Microsoft.Data.Sqlite and the app's settings: WAL, and
/// SQLite's default synchronous=FULL, left alone as the app leaves it (each commit syncs the WAL). With WRITERS > 1
/// that many threads do the same, each on its own connection, all contending for SQLite's one write lock.
/// Prints one tab-separated line: RAW writers commits seconds commits/s synchronous journal_mode.
/// </summary>
public static class RawCommits
{
    // The columns and indexes of the app's Cases table (see CaseConfiguration), without the foreign keys.
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS RawCases (
            Id INTEGER PRIMARY KEY AUTOINCREMENT, CategoryId INTEGER NOT NULL, Platform INTEGER NOT NULL,
            Status INTEGER NOT NULL, Supervision INTEGER NOT NULL, Source INTEGER NOT NULL, RegionId INTEGER NOT NULL,
            RegionPath TEXT NOT NULL, Address TEXT NULL, Latitude REAL NULL, Longitude REAL NULL, Description TEXT NOT NULL,
            ReporterName TEXT NULL, ReporterPhone TEXT NULL, ReportedAtUtc TEXT NOT NULL, DeadlineUtc TEXT NOT NULL,
            DepartmentId INTEGER NULL, Open311ClientId INTEGER NULL, Open311Token TEXT NULL, Answers TEXT NOT NULL,
            Version INTEGER NOT NULL);
        CREATE UNIQUE INDEX IF NOT EXISTS IX_RawCases_Open311Token ON RawCases (Open311Token);
        CREATE INDEX IF NOT EXISTS IX_RawCases_RegionPath_Id ON RawCases (RegionPath, Id);
        CREATE INDEX IF NOT EXISTS IX_RawCases_DepartmentId_Status_Id ON RawCases (DepartmentId, Status, Id);
        CREATE INDEX IF NOT EXISTS IX_RawCases_Status_DeadlineUtc ON RawCases (Status, DeadlineUtc);
        """;

    private const string Insert = """
        INSERT INTO RawCases (CategoryId, Platform, Status, Supervision, Source, RegionId, RegionPath, Address, Latitude,
            Longitude, Description, ReporterName, ReporterPhone, ReportedAtUtc, DeadlineUtc, DepartmentId, Open311ClientId,
            Open311Token, Answers, Version)
        VALUES (19, 3, 2, 0, 6, $region, $path, '村东桥下排污口', 28.9012, 118.5123, $description, '王秀英', '13812345678',
            $at, $deadline, 40, 1, $token, '[{"Code":"kind","Value":"sewage"}]', 1)
        """;

    public static async Task RunAsync(string file, TimeSpan duration, int writers, TextWriter output)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
        string synchronous;
        string journal;
        await using (var setup = new SqliteConnection(connection))
        {
            await setup.OpenAsync();
            journal = Scalar(setup, "PRAGMA journal_mode=WAL");
            Scalar(setup, Schema);
            synchronous = Scalar(setup, "PRAGMA synchronous") switch
            {
                "0" => "OFF",
                "1" => "NORMAL",
                "2" => "FULL",
                "3" => "EXTRA",
                var other => other,
            };
        }

        var stop = Stopwatch.StartNew();
        var counts = new long[writers];
        var threads = Enumerable.Range(0, writers).Select(w => new Thread(() => counts[w] = Write(connection, w, stop, duration))).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        var seconds = stop.Elapsed.TotalSeconds;
        var commits = counts.Sum();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RAW\t{writers}\t{commits}\t{seconds:F2}\t{commits / seconds:F0}\t{synchronous}\t{journal}"));
    }

    // One writer: one connection, one prepared insert, one transaction (BEGIN IMMEDIATE … COMMIT) per row.
    private static long Write(string connection, int writer, Stopwatch clock, TimeSpan duration)
    {
        using var db = new SqliteConnection(connection);
        db.Open();
        using var insert = db.CreateCommand();
        insert.CommandText = Insert;
        var region = insert.Parameters.Add("$region", SqliteType.Integer);
        var path = insert.Parameters.Add("$path", SqliteType.Text);
        var description = insert.Parameters.Add("$description", SqliteType.Text);
        var at = insert.Parameters.Add("$at", SqliteType.Text);
        var deadline = insert.Parameters.Add("$deadline", SqliteType.Text);
        var token = insert.Parameters.Add("$token", SqliteType.Text);
        insert.Prepare();
        long n = 0;
        while (clock.Elapsed < duration)
        {
            using var transaction = db.BeginTransaction();
            insert.Transaction = transaction;
            var now = DateTime.UtcNow;
            region.Value = 20 + (n % 198);
            path.Value = string.Create(CultureInfo.InvariantCulture, $"330822000000/330822111000/330822111{n % 198:D3}/");
            description.Value = string.Create(CultureInfo.InvariantCulture, $"压测 {writer}-{n}：河边排污口冒黑水，气味很重");
            at.Value = now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            deadline.Value = now.AddDays(3).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            token.Value = Guid.NewGuid().ToString("N")[..22];
            insert.ExecuteNonQuery();
            transaction.Commit();
            n++;
        }

        return n;
    }

    private static string Scalar(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }
}
