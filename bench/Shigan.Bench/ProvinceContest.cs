using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shigan.Core.Cases;
using Shigan.Core.Contests;
using Shigan.Core.Org;
using Shigan.Data;
using Shigan.Data.Access;
using Shigan.Data.Contests;
using Shigan.Data.Postgres;
using Shigan.Data.Sqlite;
using Shigan.Web.Api;
using Shigan.Web.Contests;

namespace Shigan.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Shigan.Bench -- province-contest --provider sqlite|postgres --connection CS
/// [--runs 5] [--period week|month] [--start yyyy-MM-dd]</c>: every village of the database as participants of one
/// contest with 20 indicators (10 computed from cases and applications, 10 scored by three judges each, the scores
/// generated here), then the period's sheet computed end to end (queries, scoring, the sheet written) several times
/// (p50, max), one computation split by step, and the scoring step alone against Array.Sort of the same numbers.
/// Writes the contest, the judges' scores and the sheets into the database: give it a copy (the migrations it lacks,
/// such as ContestIndexes, are applied first and timed).
/// </summary>
public static class ProvinceContest
{
    private const string ContestName = "全省村级赛马（基准）";
    private const int Judges = 3;

    // The ten computed indicators: every case and application source, some twice with another normalisation, as a
    // contest may weigh one figure two ways; families share one read per computation.
    private static readonly (string Code, Direction Direction, Normalisation Normalisation, decimal? Target, decimal? Cap, MissingRule Missing)[] Computed =
    [
        ("cases.reported", Direction.HigherIsBetter, Normalisation.MinMax, null, 50m, MissingRule.ZeroPoints),
        ("cases.on-time", Direction.HigherIsBetter, Normalisation.Target, 100m, null, MissingRule.MeanOfOthers),
        ("cases.rating", Direction.HigherIsBetter, Normalisation.Target, 3m, null, MissingRule.LowestOfOthers),
        ("cases.late", Direction.LowerIsBetter, Normalisation.MinMax, null, null, MissingRule.ZeroPoints),
        ("applications.trips", Direction.LowerIsBetter, Normalisation.MinMax, null, null, MissingRule.MeanOfOthers),
        ("applications.one-trip", Direction.HigherIsBetter, Normalisation.Target, 100m, null, MissingRule.MeanOfOthers),
        ("cases.reported", Direction.HigherIsBetter, Normalisation.Rank, null, null, MissingRule.ZeroPoints),
        ("cases.on-time", Direction.HigherIsBetter, Normalisation.Rank, null, null, MissingRule.LowestOfOthers),
        ("cases.late", Direction.LowerIsBetter, Normalisation.Rank, null, null, MissingRule.ZeroPoints),
        ("applications.one-trip", Direction.HigherIsBetter, Normalisation.Rank, null, null, MissingRule.LowestOfOthers),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var provider = Option(args, "--provider") ?? "sqlite";
        var connection = Option(args, "--connection") ?? throw new ArgumentException("--connection is required");

        // "tree": a fresh SQLite file of Zhejiang's units and no records, to time the sheet's own work at full size.
        if (connection == "tree")
        {
            connection = $"Data Source={await ProvinceTree.CreateAsync()}";
        }

        var runs = int.Parse(Option(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        var kind = Option(args, "--period") == "month" ? PeriodKind.Month : PeriodKind.Week;
        var services = new ServiceCollection();
        IndicatorSources.AddContestSources(services);
        var sources = services.BuildServiceProvider().GetRequiredService<IndicatorSources>();
        ShiganDb Open() => OpenDb(provider, connection);
        // The judges' totals are read beside the computed reads, as the app does (the option to read them after went
        // with the sequential path; its figures are in bench/RESULTS.md).
        IDbContextFactory<ShiganDb> readers = new Contexts(Open);

        output.WriteLine($"province-contest: {provider}, {kind}, {runs} runs, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, judges' read beside the computed reads");
        var clock = Stopwatch.StartNew();
        await using (var db = Open())
        {
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            await db.Database.MigrateAsync();
            output.WriteLine($"migrations applied: [{string.Join(", ", pending)}] in {clock.Elapsed.TotalSeconds:0.0} s");
            var cases = await db.Cases.IgnoreQueryFilters().LongCountAsync();
            var events = await db.CaseEvents.IgnoreQueryFilters().LongCountAsync();
            var applications = await db.ServiceApplications.IgnoreQueryFilters().LongCountAsync();
            var trips = await db.ApplicationTrips.IgnoreQueryFilters().LongCountAsync();
            output.WriteLine($"data: {cases:N0} cases, {events:N0} case events, {applications:N0} applications, {trips:N0} trips");
        }

        var (contestId, start) = await PrepareAsync(Open, kind, Option(args, "--start"), output);
        var (fromUtc, toUtc) = ContestPeriod.UtcRange(kind, start);
        var now = DateTime.UtcNow;
        await using (var db = Open())
        {
            var due = await db.Cases.IgnoreQueryFilters().CountAsync(c => c.DeadlineUtc >= fromUtc && c.DeadlineUtc < toUtc);
            var reported = await db.Cases.IgnoreQueryFilters().CountAsync(c => c.ReportedAtUtc >= fromUtc && c.ReportedAtUtc < toUtc);
            var done = await db.ServiceApplications.IgnoreQueryFilters().CountAsync(a => a.DoneAtUtc >= fromUtc && a.DoneAtUtc < toUtc);
            var ratings = await db.CaseEvents.IgnoreQueryFilters().CountAsync(e => e.Rating != null && e.AtUtc >= fromUtc && e.AtUtc < toUtc);
            output.WriteLine($"period {ContestPeriod.Label(kind, start)} ({start:yyyy-MM-dd}): {reported:N0} cases reported, {due:N0} fell due, {ratings:N0} ratings, {done:N0} applications finished");
        }

        // End to end: what the 计算本期 button does (load the contest, every query, scoring, the sheet written).
        var times = new List<double>();
        var cpus = new List<double>();
        for (var run = 0; run < runs + 1; run++)
        {
            await using var db = Open();
            var cpu = Environment.CpuUsage.TotalTime;
            var paused = GC.GetTotalPauseDuration();
            var gen2 = GC.CollectionCount(2);
            var allocated = GC.GetTotalAllocatedBytes();
            var watch = Stopwatch.StartNew();
            var (outcome, sheetId, errors) = await SheetCommands.ComputeAsync(db, sources, contestId, new ComputeInput(start), "bench", now, readers);
            watch.Stop();
            cpu = Environment.CpuUsage.TotalTime - cpu;
            if (outcome != SheetOutcome.Done)
            {
                throw new InvalidOperationException($"compute: {outcome} {errors.First("periodStart")}{errors.First("weights")}{errors.First("indicators")}");
            }

            // The first run warms the JIT and the database's cache; it is shown, not counted.
            // CPU: this process's own time (SQLite runs in it; PostgreSQL's work is in its server), apart from the machine's load.
            output.WriteLine($"compute run {run}{(run == 0 ? " (warm-up)" : "")}: {watch.Elapsed.TotalMilliseconds:0} ms, CPU {cpu.TotalMilliseconds:0} ms, "
                + $"GC pauses {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:0} ms ({GC.CollectionCount(2) - gen2} full), {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:0} MB allocated (sheet {sheetId})");
            if (run > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
                cpus.Add(cpu.TotalMilliseconds);
            }
        }

        times.Sort();
        cpus.Sort();
        output.WriteLine($"END TO END compute ({provider}, {runs} runs): p50 {times[times.Count / 2]:0} ms, max {times[^1]:0} ms; this process's CPU p50 {cpus[cpus.Count / 2]:0} ms");

        var columns = await BreakdownAsync(Open, readers, sources, contestId, start, now, output);
        await ExplainAsync(Open, sources, contestId, output);
        ScoringVersusSort(columns.Rules, columns.Participants, columns.Values, output);
        return 0;
    }

    /// <summary>The contest (made once per database) and the period: the given one, or the last whole period with cases.</summary>
    private static async Task<(int ContestId, DateOnly Start)> PrepareAsync(Func<ShiganDb> open, PeriodKind kind, string? startText, TextWriter output)
    {
        await using var db = open();
        var start = startText is not null ? DateOnly.Parse(startText, CultureInfo.InvariantCulture)
            : ContestPeriod.Previous(kind, ContestPeriod.StartOf(kind, ChinaTime.DateOf(new DateTimeOffset(
                await db.Cases.IgnoreQueryFilters().MaxAsync(c => (DateTime?)c.ReportedAtUtc) ?? DateTime.UtcNow, TimeSpan.Zero))));
        var name = $"{ContestName}{(kind == PeriodKind.Week ? "周" : "月")}";
        var existing = await db.Contests.IgnoreQueryFilters().Where(c => c.Name == name).Select(c => (int?)c.Id).FirstOrDefaultAsync();
        var villages = await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => r.Level == RegionLevel.Village)
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.RegionPath }).ToListAsync();
        output.WriteLine($"participants: {villages.Count:N0} villages");
        var clock = Stopwatch.StartNew();
        var contestId = existing ?? await CreateAsync(db, name, kind, [.. villages.Select(v => new ContestParticipant { RegionId = v.Id, UnitPath = v.RegionPath })]);
        var contest = await db.Contests.IgnoreQueryFilters().AsNoTracking().Include(c => c.Indicators).SingleAsync(c => c.Id == contestId);
        if (!await db.JudgeScores.IgnoreQueryFilters().AnyAsync(s => s.ContestId == contestId && s.PeriodStart == start))
        {
            var judgeIndicators = contest.Indicators.Where(i => i.Source == SourceKind.Judges).Select(i => i.Id).ToList();
            var written = await WriteScoresAsync(db, contest, start, judgeIndicators, [.. villages.Select(v => v.Id)]);
            output.WriteLine($"judges' scores written for {start:yyyy-MM-dd}: {written:N0}");

            // Written past SaveChanges, as the generator's bulk loads: their totals counted afresh.
            var recount = Stopwatch.StartNew();
            await JudgeTotals.RecountAsync(db);
            output.WriteLine($"judges' totals recounted in {recount.Elapsed.TotalSeconds:0.0} s");
        }

        output.WriteLine($"contest {contestId}{(existing is null ? " made" : " exists")}: {villages.Count:N0} participants, {contest.Indicators.Count} indicators, ready in {clock.Elapsed.TotalSeconds:0.0} s");
        return (contestId, start);
    }

    private static async Task<int> CreateAsync(ShiganDb db, string name, PeriodKind kind, List<ContestParticipant> participants)
    {
        var organiser = await db.Regions.IgnoreQueryFilters().AsNoTracking().OrderBy(r => r.RegionPath.Length).ThenBy(r => r.Id).FirstAsync();
        var contest = new Contest
        {
            Name = name,
            Description = "全省行政村，20 项指标：10 项由事件和办件计算，10 项由评委打分",
            RegionId = organiser.Id,
            RegionPath = organiser.RegionPath,
            PeriodKind = kind,
            CreatedAtUtc = DateTime.UtcNow,
            Participants = participants,
        };
        for (var n = 0; n < 20; n++)
        {
            var computed = n < Computed.Length ? Computed[n] : default;
            contest.Indicators.Add(new ContestIndicator
            {
                Order = n,
                Name = n < Computed.Length ? $"{computed.Code} {n + 1}" : $"现场观摩 {n + 1}",
                Dimension = (Dimension)((n % 5) + 1),
                Weight = 5m,
                Direction = n < Computed.Length ? computed.Direction : Direction.HigherIsBetter,
                Normalisation = n < Computed.Length ? computed.Normalisation : (n % 2 == 0 ? Normalisation.MinMax : Normalisation.Rank),
                Target = computed.Target,
                Cap = computed.Cap,
                Source = n < Computed.Length ? SourceKind.Computed : SourceKind.Judges,
                SourceCode = n < Computed.Length ? computed.Code : null,
                Missing = n < Computed.Length ? computed.Missing : MissingRule.MeanOfOthers,
            });
        }

        db.Contests.Add(contest);
        await db.SaveChangesAsync();
        return contest.Id;
    }

    // Judges' scores in multi-row INSERTs (EF and the audit trail would take many minutes for 766,410 of them):
    // three judges per village and indicator, each village's level plus noise, 60–100.
    private static async Task<int> WriteScoresAsync(ShiganDb db, Contest contest, DateOnly start, List<int> indicators, int[] villages)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var random = new Random(2026);
        var level = villages.ToDictionary(v => v, _ => 70 + (random.NextDouble() * 25));
        const int Rows = 1000;
        var rows = (from indicator in indicators from village in villages from judge in Enumerable.Range(1, Judges) select (indicator, village, judge)).ToList();
        var at = DateTime.UtcNow;
        foreach (var chunk in rows.Chunk(Rows))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var values = new List<string>(chunk.Length);
            for (var k = 0; k < chunk.Length; k++)
            {
                var (indicator, village, judge) = chunk[k];
                values.Add($"({contest.Id}, @s, {indicator}, {village}, 'judge{judge}', '评委{judge}', @v{k}, @at, @p)");
                var score = Math.Clamp(level[village] + (random.NextDouble() * 10) - 5, 60, 100);
                Add(command, $"@v{k}", Math.Round((decimal)score, 1));
            }

            Add(command, "@s", start);
            Add(command, "@at", at);
            Add(command, "@p", contest.RegionPath);
#pragma warning disable CA2100 // numbers and this file's own text; the values are parameters
            command.CommandText = "INSERT INTO \"JudgeScores\" (\"ContestId\", \"PeriodStart\", \"IndicatorId\", \"ParticipantRegionId\", \"JudgeId\", \"JudgeName\", \"Score\", \"AtUtc\", \"RegionPath\") VALUES "
                + string.Join(", ", values);
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return rows.Count;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>One computation split by step: each source's query (the second of a family reads the shared facts), the judges, scoring, rows, the write.</summary>
    private static async Task<(List<IndicatorRule> Rules, int[] Participants, decimal?[][] Values)> BreakdownAsync(
        Func<ShiganDb> open, IDbContextFactory<ShiganDb> readers, IndicatorSources sources, int contestId, DateOnly start, DateTime now, TextWriter output)
    {
        await using var db = open();
        var watch = Stopwatch.StartNew();
        var contest = await db.Contests.IgnoreQueryFilters().AsNoTracking().Include(c => c.Indicators).SingleAsync(c => c.Id == contestId);
        output.WriteLine($"step: load contest (20 indicators) {watch.Elapsed.TotalMilliseconds:0} ms");
        watch.Restart();
        var participants = await db.ContestParticipants.IgnoreQueryFilters().AsNoTracking().Where(p => p.ContestId == contestId)
            .OrderBy(p => p.RegionId).Select(p => new { p.RegionId, p.UnitPath, p.Region!.Name }).ToListAsync();
        output.WriteLine($"step: participants ({participants.Count:N0}, ids, paths and names) {watch.Elapsed.TotalMilliseconds:0} ms");
        var units = participants.Select(p => new SourceUnit(p.RegionId, p.UnitPath)).ToList();
        var ids = units.Select(u => u.RegionId).ToArray();
        var (fromUtc, toUtc) = ContestPeriod.UtcRange(contest.PeriodKind, start);
        var query = new SourceQuery(units, fromUtc, toUtc, now);
        var rules = new List<IndicatorRule>();
        var values = new List<decimal?[]>();
        watch.Restart();
        var judged = await JudgeTotals.ReadAsync(db, contestId, start, contest.TrimJudgesAtLeast);
        output.WriteLine($"step: judges' totals read and combined (kept rows; {judged.Sum(j => j.Value.Count):N0} participant x indicator lines) {watch.Elapsed.TotalMilliseconds:0} ms");

        // The same read five times more: its best wall time and this process's CPU for it, apart from the machine's load.
        var best = (Wall: double.MaxValue, Cpu: double.MaxValue);
        var judgesAllocated = GC.GetTotalAllocatedBytes();
        for (var again = 0; again < 5; again++)
        {
            var cpu = Environment.CpuUsage.TotalTime;
            watch.Restart();
            await JudgeTotals.ReadAsync(db, contestId, start, contest.TrimJudgesAtLeast);
            best = (Math.Min(best.Wall, watch.Elapsed.TotalMilliseconds), Math.Min(best.Cpu, (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds));
        }

        output.WriteLine($"step: judges' totals again, best of 5: {best.Wall:0} ms, CPU {best.Cpu:0} ms, {(GC.GetTotalAllocatedBytes() - judgesAllocated) / 5e6:0} MB allocated each");
        foreach (var indicator in contest.Indicators.OrderBy(i => i.Order))
        {
            watch.Restart();
            var raw = indicator.Source == SourceKind.Computed
                ? await sources.Find(indicator.SourceCode)!.ComputeAsync(db, query, default)
                : judged.GetValueOrDefault(indicator.Id) ?? [];
            rules.Add(indicator.ToRule(indicator.Weight));
            values.Add([.. ids.Select(id => raw.GetValueOrDefault(id)?.Value)]);
            var withData = values[^1].Count(v => v is not null);
            output.WriteLine($"step: {indicator.Name,-26} {watch.Elapsed.TotalMilliseconds,7:0.0} ms  ({withData:N0} with data)");
        }

        // What the compute command reads besides BuildAsync: the period's sheets so far, tracked (a draft is discarded).
        watch.Restart();
        var sheets = await db.ScoreSheets.IgnoreQueryFilters().Where(s => s.ContestId == contestId && s.PeriodStart == start).ToListAsync();
        output.WriteLine($"step: the period's sheets so far ({sheets.Count}, tracked) {watch.Elapsed.TotalMilliseconds:0} ms");
        db.ChangeTracker.Clear();
        watch.Restart();
        var errors = new FieldErrors();
        var buildCpu = Environment.CpuUsage.TotalTime;
        var buildPaused = GC.GetTotalPauseDuration();
        var buildAllocated = GC.GetTotalAllocatedBytes();
        var sheet = await SheetCommands.BuildAsync(db, sources, contest, start, "bench", now, errors, readers);
        output.WriteLine($"step: BuildAsync whole (queries again, the judges' read beside them, scoring, rows) {watch.Elapsed.TotalMilliseconds:0} ms, CPU {(Environment.CpuUsage.TotalTime - buildCpu).TotalMilliseconds:0} ms, GC pauses {(GC.GetTotalPauseDuration() - buildPaused).TotalMilliseconds:0} ms, {(GC.GetTotalAllocatedBytes() - buildAllocated) / 1e6:0} MB allocated");
        watch.Restart();
        sheet!.Version = sheets.Max(s => (int?)s.Version) + 1 ?? 1; // a random version once met an earlier run's
        sheet.Status = SheetStatus.Discarded;
        var writeCpu = Environment.CpuUsage.TotalTime;
        var writePaused = GC.GetTotalPauseDuration();
        var writeAllocated = GC.GetTotalAllocatedBytes();
        await SheetCommands.SaveNewAsync(db, sheet);
        output.WriteLine($"step: write the sheet ({sheet.Rows.Count:N0} rows) {watch.Elapsed.TotalMilliseconds:0} ms, CPU {(Environment.CpuUsage.TotalTime - writeCpu).TotalMilliseconds:0} ms, GC pauses {(GC.GetTotalPauseDuration() - writePaused).TotalMilliseconds:0} ms, {(GC.GetTotalAllocatedBytes() - writeAllocated) / 1e6:0} MB allocated");
        var bytes = sheet.Rows.Sum(r => (long)System.Text.Encoding.UTF8.GetByteCount(ScoreCellsColumn.Write(r.Cells)));
        output.WriteLine($"cells stored: {bytes / 1e6:0.0} MB, {bytes / sheet.Rows.Count:N0} bytes a row");
        return (rules, ids, [.. values]);
    }

    /// <summary>The explanation of two participants: two rows and the records behind their computed figures, read now.</summary>
    private static async Task ExplainAsync(Func<ShiganDb> open, IndicatorSources sources, int contestId, TextWriter output)
    {
        await using var db = open();
        var sheet = await db.ScoreSheets.IgnoreQueryFilters().AsNoTracking().Where(s => s.ContestId == contestId && s.Status == SheetStatus.Computed)
            .Select(s => s.Id).SingleAsync();
        var pair = await db.ScoreRows.IgnoreQueryFilters().AsNoTracking().Where(r => r.SheetId == sheet).OrderBy(r => r.Rank).Select(r => r.RegionId).Take(2).ToListAsync();
        var watch = Stopwatch.StartNew();
        var explain = await ContestQueries.ExplainAsync(db, sources, contestId, sheet, pair[0], pair[1]);
        output.WriteLine($"explain (first two of sheet {sheet}): {watch.Elapsed.TotalMilliseconds:0} ms, {explain!.Parts.Sum(p => p.RecordsA.Count + p.RecordsB.Count):N0} record links");
    }

    /// <summary>The scoring step alone (normalisation, weighting, ranks) against Array.Sort of the same numbers, same run.</summary>
    private static void ScoringVersusSort(List<IndicatorRule> rules, int[] participants, decimal?[][] values, TextWriter output)
    {
        const int Rounds = 30;
        var table = Scorer.Score(rules, participants, values);
        var score = new List<double>();
        var sortTotals = new List<double>();
        var sortEach = new List<double>();
        var watch = new Stopwatch();
        for (var round = 0; round < Rounds; round++)
        {
            watch.Restart();
            table = Scorer.Score(rules, participants, values);
            score.Add(watch.Elapsed.TotalMilliseconds);

            var totals = (decimal[])table.Totals.Clone();
            watch.Restart();
            Array.Sort(totals);
            sortTotals.Add(watch.Elapsed.TotalMilliseconds);

            var columns = values.Select(c => c.Select(v => v ?? 0m).ToArray()).ToList();
            watch.Restart();
            foreach (var column in columns)
            {
                Array.Sort(column);
            }

            sortEach.Add(watch.Elapsed.TotalMilliseconds);
        }

        static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        output.WriteLine($"scoring {participants.Length:N0} x {rules.Count} (median of {Rounds}): {Median(score):0.00} ms");
        output.WriteLine($"Array.Sort of the {participants.Length:N0} totals: {Median(sortTotals):0.00} ms  -> scoring / sort = {Median(score) / Median(sortTotals):0.0}");
        output.WriteLine($"Array.Sort of each indicator's {participants.Length:N0} values ({rules.Count} sorts): {Median(sortEach):0.00} ms  -> scoring / sorts = {Median(score) / Median(sortEach):0.00}");
    }

    private static ShiganDb OpenDb(string provider, string connection)
    {
        var options = new DbContextOptionsBuilder<ShiganDb>();
        if (provider == "postgres")
        {
            options.UseShiganPostgres(connection);
        }
        else
        {
            options.UseShiganSqlite(connection);
        }

        // SHIGAN_BENCH_COMMANDS=1: every command EF runs, with the time to its first row, to see where a step's time goes.
        if (Environment.GetEnvironmentVariable("SHIGAN_BENCH_COMMANDS") == "1")
        {
            options.LogTo(
                line => Console.Error.WriteLine(line.Length > 400 ? line[..400] : line),
                (id, _) => id == Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted);
        }

        return new ShiganDb(options.Options, SystemActor.Instance, TimeProvider.System);
    }

    /// <summary>The contexts the sheet reads the judges' totals on, beside its own (as the app's factory).</summary>
    private sealed class Contexts(Func<ShiganDb> open) : IDbContextFactory<ShiganDb>
    {
        public ShiganDb CreateDbContext() => open();
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
