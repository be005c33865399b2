using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;

namespace Shigan.SystemTests;

/// <summary>
/// Issue 8, backup and restore on SQLite: the <c>backup</c> verb run while reports keep coming in, then the
/// <c>restore</c> verb into another database: it holds together (integrity, every foreign key, every history) and has
/// every report acknowledged before the backup began; the app runs on it. A damaged copy is refused and changes nothing.
/// </summary>
public sealed class BackupRestoreTests : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("shigan-backup-").FullName;

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_backup_taken_during_intake_restores_to_a_whole_database_with_every_report_acknowledged_before_it()
    {
        var live = $"Data Source={Path.Combine(folder, "live.db")}";
        var copy = Path.Combine(folder, "copy.db");
        var restored = $"Data Source={Path.Combine(folder, "restored.db")}";
        var stored = new StoredRecords("sqlite", live);
        IntakeLoad load;
        long backupBegan;
        await using (var app = await AppProcess.StartAsync("sqlite", live, AppProcess.FreePort()))
        {
            var key = await StaffSession.IssueOpen311KeyAsync(app.Address);
            using var window = await StaffSession.SignInAsync(app.Address, "qiuchuan.window");
            load = new IntakeLoad(app.Address, key, window, await stored.VillageCodesAsync(), await stored.VillagesUnderAsync("330822111000"), 11);
            using var stop = new CancellationTokenSource();
            var running = load.RunAsync(stop.Token);
            await Eventually.UntilAsync(() => load.Acknowledged.Count >= 30, "30 reports acknowledged");

            backupBegan = Stopwatch.GetTimestamp();
            var backup = await AppProcess.RunVerbAsync(live, "backup", "--to", copy);
            Assert.True(backup.ExitCode == 0, backup.Output);
            var afterBackup = load.Acknowledged.Count;
            await Eventually.UntilAsync(() => load.Acknowledged.Count >= afterBackup + 20, "20 more reports after the backup");
            await stop.CancelAsync();
            await running;
        }

        var restore = await AppProcess.RunVerbAsync(restored, "restore", "--from", copy);
        Assert.True(restore.ExitCode == 0, restore.Output);

        var check = new StoredRecords("sqlite", restored);
        var numbers = await check.TrackingNumbersAsync();
        var before = load.Acknowledged.Where(a => a.At < backupBegan).ToList();
        Assert.NotEmpty(before);
        Assert.All(before, a => Assert.Contains(a.TrackingNumber, numbers));
        Assert.Equal(["ok"], await check.StringsAsync("PRAGMA integrity_check"));
        Assert.Empty(await check.StringsAsync("PRAGMA foreign_key_check"));
        Assert.Equal(0, await check.CasesWithoutFirstEntryAsync());
        Assert.Equal(0, await check.OrphanAttachmentsAsync());

        // The app runs on the restored database and shows a restored report.
        await using var again = await AppProcess.StartAsync("sqlite", restored, AppProcess.FreePort());
        using var clerk = await StaffSession.SignInAsync(again.Address, "qiuchuan.window");
        var last = before.Last(a => a.CaseId is not null);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync(new Uri($"/api/cases/{last.CaseId}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_damaged_or_foreign_file_is_refused_and_the_database_is_left_as_it_was()
    {
        var target = Path.Combine(folder, "target.db");
        var connection = $"Data Source={target}";
        Assert.Equal(0, (await AppProcess.RunVerbAsync(connection, "migrate")).ExitCode);
        Assert.Equal(0, (await AppProcess.RunVerbAsync(connection, "seed")).ExitCode);
        var good = Path.Combine(folder, "good.db");
        Assert.Equal(0, (await AppProcess.RunVerbAsync(connection, "backup", "--to", good)).ExitCode);
        var users = await new StoredRecords("sqlite", connection).StringsAsync("SELECT \"UserName\" FROM \"AspNetUsers\" ORDER BY 1");

        var truncated = Path.Combine(folder, "truncated.db");
        var bytes = await File.ReadAllBytesAsync(good);
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 3)]);
        var notSqlite = Path.Combine(folder, "notes.db");
        await File.WriteAllTextAsync(notSqlite, "这不是数据库");
        var empty = Path.Combine(folder, "empty.db");
        await using (var e = new SqliteConnection($"Data Source={empty};Pooling=False"))
        {
            await e.OpenAsync();
            await using var cmd = e.CreateCommand();
            cmd.CommandText = "CREATE TABLE t (x INTEGER)";
            await cmd.ExecuteNonQueryAsync();
        }

        foreach (var bad in new[] { truncated, notSqlite, empty, Path.Combine(folder, "missing.db") })
        {
            var run = await AppProcess.RunVerbAsync(connection, "restore", "--from", bad);
            Assert.True(run.ExitCode != 0, $"{Path.GetFileName(bad)} was restored: {run.Output}");
            Assert.Equal(users, await new StoredRecords("sqlite", connection).StringsAsync("SELECT \"UserName\" FROM \"AspNetUsers\" ORDER BY 1"));
        }
    }
}
