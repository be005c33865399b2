using Shigan.Core.Cases;
using Shigan.Core.Services;
using Shigan.Core.Services.Applications;

namespace Shigan.Data.Generate;

/// <summary>
/// One-trip applications over the last three years, with their parts, trips and histories as the app writes them
/// (<see cref="ApplicationPlan"/> splits each into one part per department of what its window takes): most at a
/// 信用社 counter, then township windows and the county hall; newborns the most common. One part in seven asks for a
/// material (half of those bring the citizen back: a second trip), one in fifty is refused, one in twelve finishes
/// after its promised date, and whatever would finish after "now" is still open.
/// </summary>
public sealed class ApplicationGenerator(GenerationWorld world, IReadOnlyList<ServiceItem> items, IReadOnlyList<LifeEvent> bundles, DateTimeOffset now, int seed)
{
    private const int ApplicationsPerFlush = 20_000;
    private const string System = "系统";

    private static readonly string[] RefusalReasons = ["不符合办理条件", "材料与实际情况不符", "已在其他地区办理"];

    public (long Applications, long Parts, long Trips, long Events) Run(IRowSink sink, int count, Action<string> progress)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(progress);
        var rng = new Random(seed + 2);
        var calendar = world.Calendar;
        var plans = new Dictionary<(string, ServiceChannels), ApplicationPlan>();
        var choices = new Dictionary<ServiceChannels, Weighted<LifeEvent>>();
        foreach (var channel in new[] { ServiceChannels.BankWindow, ServiceChannels.TownshipWindow, ServiceChannels.CountyHall })
        {
            var usable = bundles.Where(b => (plans[(b.Code, channel)] = ApplicationPlan.For(b, items, channel)).Parts.Count > 0).ToList();
            choices[channel] = new Weighted<LifeEvent>(usable, b => b.Code == ServiceCatalogueSeed.Newborn ? 4 : 1);
        }

        var times = CaseGenerator.ReportTimes(rng, count, now, calendar);
        long partId = 0, tripId = 0, eventId = 0;
        for (var i = 0; i < count; i++)
        {
            long id = i + 1;
            var township = world.PickTownship(rng);
            var roll = rng.NextDouble();
            var channel = roll < 0.55 && township.Partner is not null ? ServiceChannels.BankWindow
                : roll < 0.85 ? ServiceChannels.TownshipWindow
                : ServiceChannels.CountyHall;
            var bundle = choices[channel].Pick(rng);
            var plan = plans[(bundle.Code, channel)];
            var unit = channel == ServiceChannels.CountyHall ? township.County : township.Region;
            var partner = channel == ServiceChannels.BankWindow ? township.Partner : null;
            var place = partner?.Name ?? (channel == ServiceChannels.CountyHall ? TripCalculator.CountyHallPlace : township.Name + "便民服务中心");

            // Applications are taken in office hours on working days.
            var day = ChinaTime.DateOf(times[i]);
            while (!calendar.IsWorkingDay(day))
            {
                day = day.AddDays(-1);
            }

            var taken = At(day, 9 + rng.Next(0, 7), rng.Next(0, 60));
            if (taken > now.UtcDateTime)
            {
                taken = times[i].UtcDateTime;
            }

            var application = new ServiceApplication
            {
                Id = id,
                LifeEventCode = bundle.Code,
                LifeEventName = bundle.Name,
                Channel = channel,
                RegionId = unit.Id,
                RegionPath = unit.RegionPath,
                TakenByDepartmentId = partner?.Id,
                TakenByName = place + "窗口",
                TakenAtUtc = taken,
                ApplicantName = GeneratedNames.Person(rng),
                ApplicantPhone = GeneratedNames.Phone(rng),
                Materials = [.. plan.Materials],
                Status = ApplicationStatus.InProgress,
                Version = 1,
            };
            var events = new List<ApplicationEvent>();
            var trips = new List<ApplicationTrip> { Trip(++tripId, application, taken, place, TripPurpose.Intake, null) };
            events.Add(Log(++eventId, application, null, taken, ApplicationEventKind.Taken, application.TakenByName,
                $"{place}受理，分送 {plan.Parts.Count} 个部门：{string.Join("、", plan.Parts.Select(p => p.DepartmentName))}"));

            var parts = new List<SubApplication>();
            for (var p = 0; p < plan.Parts.Count; p++)
            {
                var planned = plan.Parts[p];
                var department = world.CountyDepartment(township.County, planned.DepartmentName);
                var part = new SubApplication
                {
                    Id = ++partId,
                    ApplicationId = id,
                    DepartmentId = department.Id,
                    DepartmentName = department.Name,
                    ItemCodes = [.. planned.ItemCodes],
                    Status = PartStatus.Pending,
                    DueOn = ApplicationPlan.DueOn(day, planned.PromisedDays, calendar),
                    RegionPath = unit.RegionPath,
                    Version = 1,
                };
                parts.Add(part);
                var worker = department.Name + " 工作人员";
                var at = taken.AddMinutes(10 + (p * 7) + rng.Next(0, 90));
                if (!Move(++eventId, application, part, PartAction.Accept, PartStatus.Accepted, at, worker, events))
                {
                    eventId--;
                    continue;
                }

                if (rng.NextDouble() < 1.0 / 7)
                {
                    var material = plan.Materials.Count > 0 ? plan.Materials[rng.Next(plan.Materials.Count)].Name : "补充材料";
                    var mustReturn = rng.NextDouble() < 0.5;
                    at = at.AddMinutes(5 + rng.Next(0, 120));
                    if (at > now.UtcDateTime)
                    {
                        continue;
                    }

                    events.Add(Log(++eventId, application, part, at, ApplicationEventKind.PartAction, worker, mustReturn ? "须本人补交" : "无须再跑，通过其他途径补齐",
                        PartAction.RequestMaterial, part.Status, PartStatus.MaterialRequested, material));
                    part.Status = PartStatus.MaterialRequested;
                    part.RequestedMaterial = material;
                    part.MustReturn = mustReturn;
                    part.Version++;
                    var back = At(calendar.NthWorkingDayAfter(ChinaTime.DateOf(new DateTimeOffset(at, TimeSpan.Zero)), 1 + rng.Next(0, 3)), 9 + rng.Next(0, 7), rng.Next(0, 60));
                    if (back > now.UtcDateTime)
                    {
                        continue;
                    }

                    if (mustReturn)
                    {
                        trips.Add(Trip(++tripId, application, back, place, TripPurpose.BringMaterial, material));
                        events.Add(Log(++eventId, application, null, back, ApplicationEventKind.Trip, application.TakenByName, $"第 {trips.Count} 次跑动：{place}。{material}"));
                    }

                    at = back.AddMinutes(30);
                    if (!Move(++eventId, application, part, PartAction.MaterialReceived, PartStatus.Accepted, at, worker, events))
                    {
                        eventId--;
                        continue;
                    }

                    part.RequestedMaterial = null;
                    part.MustReturn = false;
                }

                var atDay = ChinaTime.DateOf(new DateTimeOffset(at, TimeSpan.Zero));
                var late = rng.NextDouble() < 1.0 / 12;
                var finishDay = late ? calendar.NthWorkingDayAfter(part.DueOn, 1 + rng.Next(0, 5))
                    : part.DueOn > atDay && rng.Next(0, 3) > 0 ? calendar.NthWorkingDayAfter(atDay, 1 + rng.Next(0, calendar.WorkingDaysBetween(atDay, part.DueOn)))
                    : atDay;
                var finished = Max(At(finishDay, 14 + rng.Next(0, 3), rng.Next(0, 60)), at.AddMinutes(20));
                if (finished > now.UtcDateTime)
                {
                    continue;
                }

                var refused = rng.NextDouble() < 0.02;
                var reason = RefusalReasons[rng.Next(RefusalReasons.Length)];
                events.Add(Log(++eventId, application, part, finished, ApplicationEventKind.PartAction, worker, refused ? reason : null,
                    refused ? PartAction.Refuse : PartAction.Complete, part.Status, refused ? PartStatus.Refused : PartStatus.Completed));
                part.Status = refused ? PartStatus.Refused : PartStatus.Completed;
                part.RefusalReason = refused ? reason : null;
                part.FinishedAtUtc = finished;
                part.Version++;
            }

            if (ApplicationWorkflow.IsDone(parts.Select(p => p.Status)))
            {
                var done = parts.Max(p => p.FinishedAtUtc!.Value);
                application.Status = ApplicationStatus.Done;
                application.DoneAtUtc = done;
                events.Add(Log(++eventId, application, null, done, ApplicationEventKind.Done, System, $"各部门均已办结，共跑 {trips.Count} 次"));
            }

            application.Version += parts.Sum(p => p.Version - 1);
            sink.Add(application);
            parts.ForEach(sink.Add);
            trips.ForEach(sink.Add);

            // The history in time order, as it was written (ids follow it).
            var first = eventId - events.Count + 1;
            foreach (var (e, n) in events.OrderBy(e => e.AtUtc).Select((e, n) => (e, n)))
            {
                e.Id = first + n;
                sink.Add(e);
            }

            if (id % ApplicationsPerFlush == 0)
            {
                sink.Flush();
                if (id % (ApplicationsPerFlush * 10) == 0)
                {
                    progress($"{id:N0} applications");
                }
            }
        }

        sink.Flush();
        return (count, partId, tripId, eventId);
    }

    private bool Move(long id, ServiceApplication application, SubApplication part, PartAction action, PartStatus to, DateTime at, string worker, List<ApplicationEvent> events)
    {
        if (at > now.UtcDateTime)
        {
            return false;
        }

        events.Add(Log(id, application, part, at, ApplicationEventKind.PartAction, worker, null, action, part.Status, to));
        part.Status = to;
        part.Version++;
        return true;
    }

    private static ApplicationTrip Trip(long id, ServiceApplication application, DateTime at, string place, TripPurpose purpose, string? note) => new()
    {
        Id = id,
        ApplicationId = application.Id,
        AtUtc = at,
        Place = place,
        Purpose = purpose,
        Note = note,
        RegionPath = application.RegionPath,
    };

    private static ApplicationEvent Log(
        long id, ServiceApplication application, SubApplication? part, DateTime at, ApplicationEventKind kind, string actor, string? note,
        PartAction? action = null, PartStatus? from = null, PartStatus? to = null, string? material = null) => new()
        {
            Id = id,
            ApplicationId = application.Id,
            SubApplicationId = part?.Id,
            AtUtc = at,
            Kind = kind,
            Action = action,
            FromStatus = from,
            ToStatus = to,
            DepartmentName = part?.DepartmentName,
            Material = material,
            ActorName = actor,
            Note = note,
            RegionPath = application.RegionPath,
        };

    private static DateTime At(DateOnly day, int hour, int minute) => ChinaTime.At(day, new TimeOnly(hour, minute)).UtcDateTime;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
