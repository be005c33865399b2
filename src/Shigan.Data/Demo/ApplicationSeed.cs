using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Core.Services;
using Shigan.Core.Services.Applications;

namespace Shigan.Data.Demo;

/// <summary>
/// A few dozen demo applications over the last four months across the townships, so the figures show something: most
/// are newborns at a 信用社 counter done in one trip; some a department asked a material for, a few of which brought the
/// citizen back; a few finished late; the newest still open. The same records on every first start (fixed seed).
/// </summary>
public static class ApplicationSeed
{
    public const int Count = 42;

    private static readonly string[] Materials = ["结婚证", "户口簿", "近期免冠照片", "父母身份证"];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱"];

    public static async Task RunAsync(ShiganDb db, CancellationToken ct = default)
    {
        if (await db.ServiceApplications.IgnoreQueryFilters().AnyAsync(ct))
        {
            return;
        }

        var regions = await db.Regions.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.Level == RegionLevel.County || r.Level == RegionLevel.Township).OrderBy(r => r.Code).ToListAsync(ct);
        var county = regions.Single(r => r.Level == RegionLevel.County);
        var townships = regions.Where(r => r.Level == RegionLevel.Township).ToList();
        var departments = await db.Departments.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        var items = await db.ServiceItems.AsNoTracking().ToListAsync(ct);
        var events = await db.LifeEvents.AsNoTracking().ToDictionaryAsync(e => e.Code, ct);
        var days = await db.HolidayDays.AsNoTracking().ToListAsync(ct);
        var calendar = new WorkingCalendar(days.Where(d => !d.IsWorkingDay).Select(d => d.Date), days.Where(d => d.IsWorkingDay).Select(d => d.Date));
        var random = new Random(2026);
        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);

        for (var i = 0; i < Count; i++)
        {
            var township = townships[i % townships.Count];
            var (code, channel) = (i % 10) switch
            {
                <= 5 => (ServiceCatalogueSeed.Newborn, ServiceChannels.BankWindow),
                6 => (ServiceCatalogueSeed.Newborn, ServiceChannels.TownshipWindow),
                7 => (ServiceCatalogueSeed.Retirement, ServiceChannels.TownshipWindow),
                8 => (ServiceCatalogueSeed.Disability, ServiceChannels.TownshipWindow),
                _ => (ServiceCatalogueSeed.BusinessStart, ServiceChannels.CountyHall),
            };
            var unit = channel == ServiceChannels.CountyHall ? county : township;
            var partner = channel == ServiceChannels.BankWindow
                ? departments.Single(d => d.RegionId == township.Id && d.Kind == DepartmentKind.ServicePartner)
                : null;
            var place = partner?.Name ?? (channel == ServiceChannels.CountyHall ? TripCalculator.CountyHallPlace : township.Name + "便民服务中心");

            // Spread over about 120 days back, on working days, in office hours.
            var day = today.AddDays(-(2 + (Count - 1 - i) * 118 / (Count - 1)));
            while (!calendar.IsWorkingDay(day))
            {
                day = day.AddDays(-1);
            }

            var taken = At(day, 9 + random.Next(0, 7), random.Next(0, 60));
            var plan = ApplicationPlan.For(events[code], items, channel);
            var application = new ServiceApplication
            {
                LifeEventCode = code,
                LifeEventName = events[code].Name,
                Channel = channel,
                RegionId = unit.Id,
                RegionPath = unit.RegionPath,
                TakenByDepartmentId = partner?.Id,
                TakenByName = place + "窗口",
                TakenAtUtc = taken,
                ApplicantName = Surnames[random.Next(Surnames.Length)] + "某某",
                ApplicantPhone = "1390570" + random.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Materials = [.. plan.Materials],
                Status = ApplicationStatus.InProgress,
                Version = 1,
            };
            application.Trips.Add(new ApplicationTrip { AtUtc = taken, Place = place, Purpose = TripPurpose.Intake, RegionPath = unit.RegionPath });
            Log(application, taken, ApplicationEventKind.Taken, application.TakenByName, $"{place}受理，分送 {plan.Parts.Count} 个部门：{string.Join("、", plan.Parts.Select(p => p.DepartmentName))}");

            // The newest few are still being worked on; one in seven waits for a material; one in eleven is late.
            var open = today.DayNumber - day.DayNumber < 10;
            var asks = i % 7 == 3;
            var late = i % 11 == 5;
            var trips = 1;
            for (var p = 0; p < plan.Parts.Count; p++)
            {
                var planned = plan.Parts[p];
                var department = departments.Where(d => d.Name == planned.DepartmentName).OrderBy(d => d.RegionPath.Length).First();
                var part = new SubApplication
                {
                    DepartmentId = department.Id,
                    DepartmentName = department.Name,
                    ItemCodes = [.. planned.ItemCodes],
                    Status = PartStatus.Pending,
                    DueOn = ApplicationPlan.DueOn(day, planned.PromisedDays, calendar),
                    RegionPath = unit.RegionPath,
                    Version = 1,
                };
                application.Parts.Add(part);
                var worker = department.Name + " 工作人员";
                var at = taken.AddMinutes(10 + (p * 7));
                Move(application, part, PartAction.Accept, PartStatus.Accepted, at, worker);
                if (asks && p == 0)
                {
                    var material = Materials[i % Materials.Length];
                    var mustReturn = i % 2 == 1;
                    part.Status = PartStatus.MaterialRequested;
                    Log(application, at.AddMinutes(5), ApplicationEventKind.PartAction, worker, mustReturn ? "须本人补交" : "无须再跑，通过其他途径补齐",
                        PartAction.RequestMaterial, PartStatus.Accepted, PartStatus.MaterialRequested, part.DepartmentName, material);
                    var back = At(calendar.NthWorkingDayAfter(day, 1), 10, 0);
                    if (mustReturn)
                    {
                        trips++;
                        application.Trips.Add(new ApplicationTrip { AtUtc = back, Place = place, Purpose = TripPurpose.BringMaterial, Note = material, RegionPath = unit.RegionPath });
                        Log(application, back, ApplicationEventKind.Trip, application.TakenByName, $"第 {trips} 次跑动：{place}。{material}");
                    }

                    at = back.AddMinutes(30);
                    Move(application, part, PartAction.MaterialReceived, PartStatus.Accepted, at, worker);
                }

                if (open && p > 0)
                {
                    continue;
                }

                var finishDay = late ? calendar.NthWorkingDayAfter(part.DueOn, 2)
                    : part.DueOn > ChinaTime.DateOf(new DateTimeOffset(at, TimeSpan.Zero)) ? part.DueOn
                    : ChinaTime.DateOf(new DateTimeOffset(at, TimeSpan.Zero));
                var finished = Max(At(finishDay, 15, 30), at.AddMinutes(20));
                Move(application, part, PartAction.Complete, PartStatus.Completed, finished, worker);
                part.FinishedAtUtc = finished;
            }

            if (ApplicationWorkflow.IsDone(application.Parts.Select(p => p.Status)))
            {
                var done = application.Parts.Max(p => p.FinishedAtUtc!.Value);
                application.Status = ApplicationStatus.Done;
                application.DoneAtUtc = done;
                Log(application, done, ApplicationEventKind.Done, "系统", $"各部门均已办结，共跑 {trips} 次");
            }

            db.ServiceApplications.Add(application);
        }

        await db.SaveChangesAsync(ct);
    }

    private static DateTime At(DateOnly day, int hour, int minute) => ChinaTime.At(day, new TimeOnly(hour, minute)).UtcDateTime;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static void Move(ServiceApplication application, SubApplication part, PartAction action, PartStatus to, DateTime at, string worker)
    {
        Log(application, at, ApplicationEventKind.PartAction, worker, null, action, part.Status, to, part.DepartmentName);
        part.Status = to;
    }

    private static void Log(
        ServiceApplication application, DateTime at, ApplicationEventKind kind, string actor, string? note,
        PartAction? action = null, PartStatus? from = null, PartStatus? to = null, string? department = null, string? material = null) =>
        application.Events.Add(new ApplicationEvent
        {
            AtUtc = at,
            Kind = kind,
            Action = action,
            FromStatus = from,
            ToStatus = to,
            DepartmentName = department,
            Material = material,
            ActorName = actor,
            Note = note,
            RegionPath = application.RegionPath,
        });
}
