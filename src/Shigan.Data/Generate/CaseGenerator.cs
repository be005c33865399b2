using Shigan.Core.Cases;
using Shigan.Core.Org;

namespace Shigan.Data.Generate;

/// <summary>
/// Cases over the last three years with their histories: townships weighted by size, places mostly grids, categories
/// weighted by how common they are, deadlines from each category's time limit on the working calendar, departments
/// as the router picks them by default, lives as <see cref="CaseLife"/> plays them. Ids follow the order of reports,
/// as the app's do. Same seed and same "now", same rows.
/// </summary>
public sealed class CaseGenerator(GenerationWorld world, HistoryNames names, DateTimeOffset now, int seed)
{
    public const int Years = 3;
    private const int CasesPerFlush = 50_000;

    private static readonly string[] Details =
    [
        "已持续多日，影响周边群众正常生活", "多次反映未解决，群众意见较大", "存在安全隐患，请尽快派人查看",
        "涉及多户村民，需要协调处理", "现场情况见照片，请相关部门核实", "夜间尤为严重，请求处理", "希望尽快答复处理结果",
        "附近老人小孩较多，请重视", "",
    ];

    public (long Cases, long Events) Run(IRowSink sink, int count, Action<string> progress)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(progress);
        var rng = new Random(seed);
        var times = ReportTimes(rng, count, now, world.Calendar);
        var life = new CaseLife(rng, world.Calendar, now, names);
        var status = new CaseStatus[count + 1];
        var recent = world.Townships.ToDictionary(t => t, _ => new Queue<long>());
        var paths = new string[count + 1];
        var merges = new List<(long Target, DateTime At, Actor By, long Duplicate, DateTime DuplicateReportedAt, string Path)>();
        long eventId = 0;

        for (var i = 0; i < count; i++)
        {
            long id = i + 1;
            var reportedAt = times[i];
            var township = world.PickTownship(rng);
            var place = township.PickPlace(rng);
            var category = world.PickCategory(rng);
            var source = PickSource(rng, place.Level);
            var reporter = source switch
            {
                CaseSource.GridWorker => place.Reporter!,
                CaseSource.Web => new Actor(null, names.PublicReporter),
                _ => township.Window,
            };
            var hasPhone = source is CaseSource.Hotline || rng.NextDouble() < (source == CaseSource.GridWorker ? 0.5 : 0.92);
            var hasName = hasPhone && rng.NextDouble() < 0.85;
            var deadline = DeadlineCalculator.Due(reportedAt, category.Limit, world.Calendar);
            (int, string)? department = township.Departments.TryGetValue(category.Department, out var d) ? d : null;
            life.Live(reportedAt, deadline, reporter, department, township.Desk, hasPhone);

            long? mergedInto = null;
            if (life.WantsMerge)
            {
                // The surviving case is an earlier one of the same township that can still take a duplicate.
                var target = recent[township].FirstOrDefault(t => status[t] is not (CaseStatus.Merged or CaseStatus.Rejected));
                if (target != 0)
                {
                    mergedInto = target;
                    merges.Add((target, life.MergedAtUtc, life.MergedBy!, id, reportedAt.UtcDateTime, paths[target]));
                }
            }

            status[id] = life.Status;
            var queue = recent[township];
            queue.Enqueue(id);
            if (queue.Count > 50)
            {
                queue.Dequeue();
            }

            paths[id] = place.Path;
            var hasPoint = source is CaseSource.GridWorker or CaseSource.Web && rng.NextDouble() < 0.8;
            sink.Add(new Case
            {
                Id = id,
                CategoryId = category.Id,
                Platform = category.Platform,
                Status = life.Status,
                Supervision = life.Supervision,
                Source = source,
                RegionId = place.Id,
                RegionPath = place.Path,
                Address = rng.NextDouble() < 0.7 ? $"{place.AddressBase}{rng.Next(1, 12)}组{rng.Next(1, 80)}号附近" : null,
                Latitude = hasPoint ? 27.2 + (rng.NextDouble() * 3.8) : null,
                Longitude = hasPoint ? 118.0 + (rng.NextDouble() * 4.0) : null,
                Description = Describe(rng, place, category),
                ReporterName = hasName ? GeneratedNames.Person(rng) : null,
                ReporterPhone = hasPhone ? GeneratedNames.Phone(rng) : null,
                ReportedById = reporter.Id,
                ReportedAtUtc = reportedAt.UtcDateTime,
                DeadlineUtc = deadline.UtcDateTime,
                DepartmentId = life.DepartmentId,
                Rating = life.Rating,
                OutcomeRated = life.OutcomeRated,
                MergedIntoId = mergedInto,
                Version = life.Version,
            });
            foreach (var step in life.Events)
            {
                var note = step.Action == CaseAction.Merge && mergedInto is { } m
                    ? $"与 {TrackingNumber.New(times[m - 1], m)} 重复"
                    : step.Note;
                sink.Add(Event(++eventId, id, step with { Note = note }, place.Path));
            }

            if (id % CasesPerFlush == 0)
            {
                sink.Flush();
                if (id % (CasesPerFlush * 10) == 0)
                {
                    progress($"{id:N0} cases, {eventId:N0} history rows");
                }
            }
        }

        sink.Flush();

        // The surviving case's history names each duplicate (written when the merge happened, so after its own rows).
        foreach (var (target, at, by, duplicate, duplicateReportedAt, path) in merges)
        {
            var number = TrackingNumber.New(new DateTimeOffset(duplicateReportedAt, TimeSpan.Zero), duplicate);
            sink.Add(Event(++eventId, target, new LifeStep(at, CaseEventKind.Action, CaseAction.Merge, null, null, by, $"合并了重复事件 {number}"), path));
        }

        sink.Flush();
        return (count, eventId);
    }

    private static CaseEvent Event(long id, long caseId, LifeStep step, string path) => new()
    {
        Id = id,
        CaseId = caseId,
        AtUtc = step.AtUtc,
        Kind = step.Kind,
        Action = step.Action,
        FromStatus = step.From,
        ToStatus = step.To,
        ActorId = step.Actor.Id,
        ActorName = step.Actor.Name,
        Note = step.Note,
        DepartmentId = step.DepartmentId,
        DepartmentName = step.DepartmentName,
        RouteBasis = step.RouteBasis,
        Rating = step.Rating,
        Supervision = step.Supervision,
        RegionPath = path,
    };

    /// <summary>
    /// Report instants over the last <see cref="Years"/> years, oldest first: the volume grows over time (density
    /// rising linearly from 0.6 to 1.4 of the mean), three in four in office hours, and half as many on days off.
    /// </summary>
    public static DateTimeOffset[] ReportTimes(Random rng, int count, DateTimeOffset now, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(calendar);
        var start = now.AddYears(-Years);
        var span = now - start;
        var times = new DateTimeOffset[count];
        for (var i = 0; i < count;)
        {
            // Inverse of F(x) = 0.6x + 0.4x² on [0, 1].
            var u = rng.NextDouble();
            var x = (-0.6 + Math.Sqrt(0.36 + (1.6 * u))) / 0.8;
            var day = ChinaTime.DateOf(start + (span * x));
            if (!calendar.IsWorkingDay(day) && rng.NextDouble() < 0.5)
            {
                continue;
            }

            var minute = rng.NextDouble() < 0.75
                ? rng.Next(0, 2) == 0 ? rng.Next((8 * 60) + 30, 12 * 60) : rng.Next((13 * 60) + 30, (17 * 60) + 30)
                : rng.Next(6 * 60, 23 * 60);
            var at = ChinaTime.StartOf(day).AddMinutes(minute).AddSeconds(rng.Next(0, 60));
            if (at <= start || at >= now)
            {
                continue;
            }

            times[i++] = at;
        }

        Array.Sort(times);
        return times;
    }

    private static CaseSource PickSource(Random rng, RegionLevel level)
    {
        var roll = rng.NextDouble();
        return level switch
        {
            RegionLevel.Grid => roll < 0.55 ? CaseSource.GridWorker : roll < 0.80 ? CaseSource.Hotline : roll < 0.90 ? CaseSource.Window : CaseSource.Web,
            RegionLevel.Village => roll < 0.40 ? CaseSource.GridWorker : roll < 0.70 ? CaseSource.Hotline : roll < 0.85 ? CaseSource.Window : CaseSource.Web,
            _ => roll < 0.40 ? CaseSource.Window : roll < 0.80 ? CaseSource.Hotline : CaseSource.Web,
        };
    }

    private static string Describe(Random rng, CasePlace place, CaseCategoryChoice category)
    {
        var detail = Details[rng.Next(Details.Length)];
        return $"{place.Label}发现{category.Name}问题，{detail}{(detail.Length > 0 ? "。" : "")}报告人反映情况属实，请{category.Department}处理。";
    }
}
