using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests;

/// <summary>The verbs of the built executable (migrate, seed, create-user, backup), run as an operator runs them.</summary>
public sealed class CliTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Fact]
    public async Task Create_user_makes_an_account_that_signs_in_to_the_running_host()
    {
        var run = await ShiganCli.RunAsync(app.Connection,
            "create-user", "--user", "cli.cadre", "--password", "Cli#Pass2026", "--role", "VillageCadre", "--unit", Places.Kenong, "--name", "客弄村 命令行");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var client = await app.SignInAsync("cli.cadre", "Cli#Pass2026");
        var me = await client.GetJsonAsync("/api/me");
        Assert.Equal("客弄村 命令行", me.GetProperty("displayName").GetString());
        Assert.Equal("VillageCadre", me.GetProperty("role").GetString());
        Assert.Equal(Places.Kenong, me.GetProperty("unitCode").GetString());
    }

    [Theory]
    [InlineData("an unknown role", "Mayor", Places.Kenong, "Cli#Pass2026", "Mayor")]
    [InlineData("an unknown unit", "VillageCadre", "330822999999", "Cli#Pass2026", "330822999999")]
    [InlineData("a role that does not fit the unit's level", "VillageCadre", Places.Qiuchuan, "Cli#Pass2026", "VillageCadre")]
    [InlineData("a password that breaks the rules", "VillageCadre", Places.Kenong, "123", "")]
    public async Task Create_user_with_bad_arguments_fails_with_a_message_and_creates_nothing(string @case, string role, string unit, string password, string mentioned)
    {
        var before = await DbSnapshot.TakeAsync(app.Services);

        var run = await ShiganCli.RunAsync(app.Connection, "create-user", "--user", "cli.bad", "--password", password, "--role", role, "--unit", unit);

        Assert.True(run.ExitCode != 0, $"{@case}: {run}");
        Assert.False(string.IsNullOrWhiteSpace(run.Errors), $"{@case}: no message: {run}");
        Assert.Contains(mentioned, run.Errors, StringComparison.Ordinal);
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    [Fact]
    public async Task Create_user_without_its_arguments_prints_the_usage_and_creates_nothing()
    {
        var before = await DbSnapshot.TakeAsync(app.Services);

        var run = await ShiganCli.RunAsync(app.Connection, "create-user", "--user", "cli.half");

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains("usage", run.Errors, StringComparison.Ordinal);
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    [Fact]
    public async Task An_unknown_database_provider_is_refused_with_a_message()
    {
        var run = await ShiganCli.RunAsync(app.Connection, "migrate", "--provider", "oracle");

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains("oracle", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Errors, StringComparison.Ordinal); // a message, not a stack trace
    }

    [Fact]
    public async Task Starting_the_host_on_a_database_that_was_never_migrated_stops_with_a_message_to_run_migrate()
    {
        await using var empty = new TestDatabase();

        var run = await ShiganCli.RunAsync(empty.Connection, "--urls", "http://127.0.0.1:0", "--Database:MigrateOnStart=false");

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains("migrate", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_and_seed_prepare_an_empty_database_and_a_second_seed_changes_nothing()
    {
        await using var empty = new TestDatabase();

        var migrate = await ShiganCli.RunAsync(empty.Connection, "migrate");
        var seed = await ShiganCli.RunAsync(empty.Connection, "seed");
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        Assert.True(seed.ExitCode == 0, seed.ToString());
        await using (var host = new HostOn(empty.Connection, migrateAndSeed: false))
        {
            var loaded = await DbSnapshot.TakeAsync(host.Services);
            Assert.Equal((807, 12), (loaded.Regions, loaded.Accounts));

            var again = await ShiganCli.RunAsync(empty.Connection, "seed");

            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.Contains("already present", again.Output, StringComparison.Ordinal);
            Assert.Equal(loaded, await DbSnapshot.TakeAsync(host.Services));
        }
    }

    [Fact]
    public async Task Backup_copies_the_sqlite_database_while_the_host_runs_or_on_postgres_points_to_pg_dump()
    {
        var target = Path.Combine(Path.GetTempPath(), "shigan-tests", $"backup-{Guid.NewGuid():N}.db");
        var run = await ShiganCli.RunAsync(app.Connection, "backup", "--to", target);

        if (TestDatabase.IsPostgres)
        {
            // pg_dump is the tool for PostgreSQL; the verb says so instead of pretending.
            Assert.True(run.ExitCode != 0, run.ToString());
            Assert.Contains("pg_dump", run.Errors, StringComparison.Ordinal);
            Assert.False(File.Exists(target));
            return;
        }

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = await app.WithDbAsync(async db => (await db.Users.CountAsync(), await db.Regions.CountAsync(), await db.Departments.CountAsync()));
        try
        {
            await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await copy.OpenAsync();
            Assert.Equal(expected, (await CountAsync(copy, "AspNetUsers"), await CountAsync(copy, "Regions"), await CountAsync(copy, "Departments")));
            Assert.Equal(7, await CountAsync(copy, "AspNetUsers WHERE UserName IN ('admin','qiuchuan.staff','qiuchuan.window','qiuchuan.officer','mengqiao.cadre','mengqiao.grid','judge')"));
        }
        finally
        {
            // Reading the WAL-mode copy leaves its side files next to it.
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(target + suffix);
            }
        }
    }

    [Fact]
    public async Task Backup_refuses_to_overwrite_an_existing_file()
    {
        var target = Path.Combine(Path.GetTempPath(), "shigan-tests", $"backup-{Guid.NewGuid():N}.db");
        await File.WriteAllTextAsync(target, "keep me");
        try
        {
            var run = await ShiganCli.RunAsync(app.Connection, "backup", "--to", target);

            Assert.True(run.ExitCode != 0, run.ToString());
            Assert.Equal("keep me", await File.ReadAllTextAsync(target));
        }
        finally
        {
            File.Delete(target);
        }
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string from)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {from}";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
