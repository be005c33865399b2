using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shigan.Core.Cases;
using Shigan.Testing;
using Shigan.Web.Access;
using Shigan.Web.Cases;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Cases.Open311;

/// <summary>
/// Reports filed at the same time are committed together (see <see cref="IntakeCommits"/>): each request still gets its
/// own case, a report that cannot be saved fails alone, and a request that gives up before its report is taken leaves
/// nothing behind.
/// </summary>
public sealed class Open311GroupCommitTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Fact]
    public async Task Sixty_requests_filed_at_once_all_get_their_own_case_with_their_own_description()
    {
        var (clientId, key) = await app.IssueKeyAsync("并发上报");
        var villages = await app.WithDbAsync(db => db.Regions.Where(r => r.Parent!.Code == Places.Qiuchuan).OrderBy(r => r.Code).Select(r => r.Code).Take(6).ToListAsync());
        using var client = app.Anonymous();

        var sent = Enumerable.Range(1, 60).Select(i => (
            Description: string.Create(CultureInfo.InvariantCulture, $"第 {i} 号上报：桥下排污口冒黑水"),
            Form: (i % 2 == 0 ? Open311Calls.Form(key, villages[i % villages.Count]) : Open311Calls.Form(key, villages[i % villages.Count], "ZF03").With("attribute[kind][]", null))
                .With("description", string.Create(CultureInfo.InvariantCulture, $"第 {i} 号上报：桥下排污口冒黑水")))).ToList();
        var answers = await Task.WhenAll(sent.Select(s => client.FileAsync(s.Form)));

        Assert.Equal(60, answers.Select(a => a.Id).Distinct().Count());
        foreach (var ((description, _), (number, token)) in sent.Zip(answers))
        {
            Assert.True(TrackingNumber.TryParse(number, TrackingNumber.DefaultPrefix, out var parts));
            var stored = await app.StoredCaseAsync(parts.Sequence);
            Assert.Equal((description, token, clientId), (stored.Description, stored.Open311Token, stored.Open311ClientId));
            Assert.Equal(CaseEventKind.Reported, stored.Events[0].Kind);
        }
    }

    [Fact]
    public async Task A_report_that_cannot_be_saved_fails_alone_and_the_others_of_its_batch_are_saved()
    {
        var commits = app.Services.GetRequiredService<IntakeCommits>();
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);
        var good = new List<PreparedReport>();
        for (var i = 0; i < 12; i++)
        {
            good.Add(await PrepareAsync(village, $"同批第 {i} 件"));
        }

        // A category that does not exist: the database refuses the row (foreign key) when the batch is written.
        var bad = await PrepareAsync(village, "类别已不存在的上报");
        bad.Case.CategoryId = int.MaxValue;

        // While the write lock is held, the writer waits on its first batch and everything after it queues up together:
        // the bad report shares a batch with good ones whichever batch it lands in.
        Task<ReportReceipt>[] goodSaves;
        Task<ReportReceipt> badSave;
        var taken = commits.Taken;
        await using (await HoldWriteLockAsync())
        {
            goodSaves = [.. good.Take(6).Select(r => commits.SaveAsync(r))];
            badSave = commits.SaveAsync(bad);
            goodSaves = [.. goodSaves, .. good.Skip(6).Select(r => commits.SaveAsync(r))];
            await UntilAsync(() => commits.Taken > taken, "the writer takes its first batch");
        }

        var receipts = await Task.WhenAll(goodSaves);
        await Assert.ThrowsAsync<IntakeUnavailableException>(() => badSave);

        foreach (var (receipt, report) in receipts.Zip(good))
        {
            var stored = await app.StoredCaseAsync(receipt.Id);
            Assert.Equal((report.Case.Description, receipt.TrackingNumber), (stored.Description, stored.TrackingNumber));
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.Description == "类别已不存在的上报")));
    }

    [Fact]
    public async Task A_request_that_gives_up_is_either_saved_and_answered_or_not_saved_at_all_and_the_others_are_saved_once()
    {
        var commits = app.Services.GetRequiredService<IntakeCommits>();
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);
        var first = await PrepareAsync(village, "放弃前的上报");
        var abandoned = await PrepareAsync(village, "等待中放弃的上报");
        var after = await PrepareAsync(village, "放弃后的上报");
        using var giveUp = new CancellationTokenSource();

        Task<ReportReceipt> firstSave, abandonedSave, afterSave;
        var taken = commits.Taken;
        await using (await HoldWriteLockAsync())
        {
            firstSave = commits.SaveAsync(first);
            await UntilAsync(() => commits.Taken > taken, "the writer takes the first report");
            abandonedSave = commits.SaveAsync(abandoned, giveUp.Token);
            afterSave = commits.SaveAsync(after);
            await giveUp.CancelAsync();
        }

        await Task.WhenAll(firstSave, afterSave);
        bool answered;
        try
        {
            await abandonedSave;
            answered = true;
        }
        catch (OperationCanceledException)
        {
            answered = false;
        }

        var counts = await app.WithDbAsync(async db => (
            First: await db.Cases.CountAsync(c => c.Description == "放弃前的上报"),
            Abandoned: await db.Cases.CountAsync(c => c.Description == "等待中放弃的上报"),
            After: await db.Cases.CountAsync(c => c.Description == "放弃后的上报")));
        Assert.Equal((1, answered ? 1 : 0, 1), counts);
    }

    private Task<PreparedReport> PrepareAsync(int regionId, string description) => PrepareAsync(app, regionId, description);

    /// <summary>Waits for what the intake reports (<see cref="IntakeCommits.Taken"/>, …) rather than for a guessed time.</summary>
    internal static async Task UntilAsync(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            Assert.False(timeout.IsCancellationRequested, $"Waited 30 s for this in vain: {what}");
            await Task.Delay(5, CancellationToken.None);
        }
    }

    private Task<IAsyncDisposable> HoldWriteLockAsync() => HoldWriteLockAsync(app);

    /// <summary>A web report checked and routed by the intake as the public, not saved.</summary>
    internal static async Task<PreparedReport> PrepareAsync(ShiganApp app, int regionId, string description)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActForPublic();
        var (report, errors) = await scope.ServiceProvider.GetRequiredService<CaseIntake>().PrepareAsync(
            new ReportInput("ZF03", regionId, null, null, null, description, null, null, CaseSource.Web), CaseSource.Web, null);
        Assert.False(errors.Any);
        return report!;
    }

    /// <summary>Holds the database's write lock on Cases until disposed, as a long transaction of another process would.</summary>
    internal static async Task<IAsyncDisposable> HoldWriteLockAsync(ShiganApp app)
    {
        if (TestDatabase.IsPostgres)
        {
            var pg = new NpgsqlConnection(app.Connection);
            await pg.OpenAsync();
            var transaction = await pg.BeginTransactionAsync();
            await using var command = new NpgsqlCommand("LOCK TABLE \"Cases\" IN SHARE ROW EXCLUSIVE MODE", pg, transaction);
            await command.ExecuteNonQueryAsync();
            return new Held(pg, transaction);
        }

        var sqlite = new SqliteConnection(app.Connection);
        await sqlite.OpenAsync();
        return new Held(sqlite, await sqlite.BeginTransactionAsync());
    }

    private sealed class Held(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}

/// <summary>Stopping the app: reports already queued are saved before it exits; later ones are refused, not lost.</summary>
public sealed class IntakeShutdownTests
{
    [Fact]
    public async Task Reports_queued_when_the_app_stops_are_saved_before_it_exits_and_later_ones_are_refused()
    {
        var app = new ShiganApp();
        await app.InitializeAsync();
        try
        {
            var commits = app.Services.GetRequiredService<IntakeCommits>();
            var village = await app.FirstVillageIdAsync(Places.Qiuchuan);
            var queued = new List<PreparedReport>();
            for (var i = 0; i < 5; i++)
            {
                queued.Add(await Open311GroupCommitTests.PrepareAsync(app, village, $"停机前排队的上报 {i}"));
            }

            var late = await Open311GroupCommitTests.PrepareAsync(app, village, "停机后的上报");
            Task<ReportReceipt[]> saves;
            ValueTask stopping;
            await using (await Open311GroupCommitTests.HoldWriteLockAsync(app))
            {
                saves = Task.WhenAll(queued.Select(r => commits.SaveAsync(r)));
                stopping = app.DisposeAsync();
                await commits.Closed.WaitAsync(TimeSpan.FromSeconds(30));
            }

            await stopping;
            Assert.Equal(5, (await saves).Select(r => r.Id).Distinct().Count());
            await Assert.ThrowsAsync<IntakeUnavailableException>(() => commits.SaveAsync(late));
            Assert.Equal(5L, await CountAsync(app, "停机前排队的上报%"));
            Assert.Equal(0L, await CountAsync(app, "停机后的上报"));
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    // The host is gone: read the database directly.
    private static async Task<long> CountAsync(ShiganApp app, string pattern)
    {
        await using System.Data.Common.DbConnection connection = TestDatabase.IsPostgres ? new NpgsqlConnection(app.Connection) : new SqliteConnection(app.Connection);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM \"Cases\" WHERE \"Description\" LIKE @p";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@p";
        parameter.Value = pattern;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// A store that refuses one report at save time (a check the database makes, added here for the test): that client
/// gets 503 with Retry-After and nothing is written for it, while the reports committed with it are filed.
/// </summary>
public sealed class IntakeStoreFailureTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private const string Refused = "数据库拒收的上报";

    private Task<int> RefuseDescriptionAsync() =>
        app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(TestDatabase.IsPostgres
            ? $"ALTER TABLE \"Cases\" DROP CONSTRAINT IF EXISTS \"RefusedInTest\"; ALTER TABLE \"Cases\" ADD CONSTRAINT \"RefusedInTest\" CHECK (\"Description\" NOT LIKE '%{Refused}%') NOT VALID"
            : $"CREATE TRIGGER IF NOT EXISTS \"RefusedInTest\" BEFORE INSERT ON \"Cases\" WHEN NEW.\"Description\" LIKE '%{Refused}%' BEGIN SELECT RAISE(ABORT, 'refused'); END"));

    [Fact]
    public async Task An_open311_report_the_store_refuses_gets_503_with_the_error_list_and_the_others_sent_with_it_are_filed()
    {
        await RefuseDescriptionAsync();
        var (_, key) = await app.IssueKeyAsync("拒收测试");
        var village = await app.WithDbAsync(db => db.Regions.Where(r => r.Parent!.Code == Places.Qiuchuan).OrderBy(r => r.Code).Select(r => r.Code).FirstAsync());
        using var client = app.Anonymous();

        var forms = Enumerable.Range(0, 20)
            .Select(i => Open311Calls.Form(key, village).With("description", i == 7 ? Refused : $"一起提交的第 {i} 件")).ToList();
        Task<HttpResponseMessage>[] posts;
        var commits = app.Services.GetRequiredService<IntakeCommits>();
        var received = commits.Received;
        await using (await Open311GroupCommitTests.HoldWriteLockAsync(app))
        {
            posts = [.. forms.Select(f => client.PostAsync("json", f))];
            await Open311GroupCommitTests.UntilAsync(() => commits.Received - received == forms.Count, "every request has queued its report");
        }

        var answers = await Task.WhenAll(posts);
        try
        {
            for (var i = 0; i < answers.Length; i++)
            {
                if (i == 7)
                {
                    Assert.StartsWith("暂时无法保存", Assert.Single(await answers[i].ErrorsAsync("json", HttpStatusCode.ServiceUnavailable)), StringComparison.Ordinal);
                    Assert.Equal(TimeSpan.FromSeconds(5), answers[i].Headers.RetryAfter?.Delta);
                    continue;
                }

                var number = (await answers[i].Open311JsonAsync(HttpStatusCode.OK))[0].GetProperty("service_request_id").GetString()!;
                Assert.True(TrackingNumber.TryParse(number, TrackingNumber.DefaultPrefix, out var parts));
                Assert.Equal($"一起提交的第 {i} 件", (await app.StoredCaseAsync(parts.Sequence)).Description);
            }
        }
        finally
        {
            answers.ToList().ForEach(a => a.Dispose());
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.Description == Refused)));
    }

    [Fact]
    public async Task A_citizens_report_the_store_refuses_gets_a_503_problem_and_nothing_is_written()
    {
        await RefuseDescriptionAsync();
        using var citizen = app.Anonymous();
        var before = await app.CasesFingerprintAsync();

        using var response = await citizen.SendJsonAsync(HttpMethod.Post, "/public/cases", CaseCalls.Report(await app.FirstVillageIdAsync(Places.Qiuchuan), "ZF03", Refused));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("暂时无法保存", (await response.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(before, await app.CasesFingerprintAsync());
    }
}
