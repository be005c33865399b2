using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Core.Services;
using Shigan.Core.Services.Applications;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Api;
using Shigan.Web.Cases;

namespace Shigan.Web.Services.Applications;

/// <summary>
/// 一窗受理: the window takes one application for a life event, checks off the materials once (Core's
/// <see cref="ApplicationPlan"/> says which: none that a department of the bundle issues), and the application is split
/// into one part per department, each with its promised date. The intake visit is the citizen's first trip.
/// </summary>
public sealed class ApplicationIntake(ShiganDb db, CurrentActor actor, CalendarSource calendars, TimeProvider clock)
{
    public const string NotAWindowMessage = "您的账号不在受理窗口，不能受理办件";

    /// <summary>What the actor's window would take of the life event; null when the actor sits at no window or the event is unknown.</summary>
    public async Task<(Checklist? Checklist, FieldErrors Errors)> ChecklistAsync(string? lifeEventCode, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        if (await ApplicationWindow.OfAsync(db, actor, ct) is not { } window)
        {
            return (null, errors.Add("window", NotAWindowMessage));
        }

        var (plan, bundle, items) = await PlanAsync(lifeEventCode, window, errors, ct);
        if (plan is null)
        {
            return (null, errors);
        }

        var calendar = await calendars.GetAsync(db, ct);
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        string Name(string code) => items[code].Name;
        return (new Checklist(
            bundle!.Code, bundle.Name, window.Channel, window.Place,
            [.. plan.Materials.Select(m => new ChecklistMaterial(m.Name, m.Form, [.. m.ItemCodes.Select(Name)]))],
            [.. plan.Parts.Select(p => new ChecklistPart(p.DepartmentName, [.. p.ItemCodes.Select(Name)], p.PromisedDays, ApplicationPlan.DueOn(today, p.PromisedDays, calendar)))],
            [.. plan.OtherItemCodes.Select(Name)]), errors);
    }

    public async Task<(IntakeReceipt? Receipt, FieldErrors Errors, bool Forbidden)> TakeAsync(IntakeInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        if (await ApplicationWindow.OfAsync(db, actor, ct) is not { } window)
        {
            return (null, errors, true);
        }

        errors.Required("applicantName", input.ApplicantName, ServiceApplication.ApplicantNameMaxLength);
        if (string.IsNullOrWhiteSpace(input.ApplicantPhone))
        {
            errors.Add("applicantPhone", "必填");
        }
        else if (!PhoneNumbers.IsValid(input.ApplicantPhone.Trim()))
        {
            errors.Add("applicantPhone", "电话号码格式不正确");
        }

        var (plan, bundle, _) = await PlanAsync(input.LifeEventCode, window, errors, ct);
        var departments = new Dictionary<string, Department>(StringComparer.Ordinal);
        if (plan is not null)
        {
            CheckMaterials(plan, input.Materials, errors);
            departments = await DepartmentsAsync(plan, errors, ct);
        }

        if (plan is null || errors.Any)
        {
            return (null, errors, false);
        }

        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var calendar = await calendars.GetAsync(db, ct);
        var application = new ServiceApplication
        {
            LifeEventCode = bundle!.Code,
            LifeEventName = bundle.Name,
            Channel = window.Channel,
            RegionId = window.RegionId,
            RegionPath = "",
            TakenByDepartmentId = window.DepartmentKind == DepartmentKind.ServicePartner ? window.DepartmentId : null,
            TakenById = actor.UserId,
            TakenByName = actor.Name,
            TakenAtUtc = now.UtcDateTime,
            ApplicantName = input.ApplicantName!.Trim(),
            ApplicantPhone = input.ApplicantPhone!.Trim(),
            Materials = [.. plan.Materials],
            Status = ApplicationStatus.InProgress,
            Version = 1,
        };
        foreach (var part in plan.Parts)
        {
            var department = departments[part.DepartmentName];
            application.Parts.Add(new SubApplication
            {
                DepartmentId = department.Id,
                DepartmentName = department.Name,
                ItemCodes = [.. part.ItemCodes],
                Status = PartStatus.Pending,
                DueOn = ApplicationPlan.DueOn(today, part.PromisedDays, calendar),
                RegionPath = "",
                Version = 1,
            });
        }

        application.Trips.Add(new ApplicationTrip { AtUtc = now.UtcDateTime, Place = window.Place, Purpose = TripPurpose.Intake, RecordedById = actor.UserId, RegionPath = "" });
        application.Events.Add(new ApplicationEvent
        {
            AtUtc = now.UtcDateTime,
            Kind = ApplicationEventKind.Taken,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Note = $"{window.Place}受理，分送 {plan.Parts.Count} 个部门：{string.Join("、", plan.Parts.Select(p => p.DepartmentName))}",
            RegionPath = "",
        });
        db.ServiceApplications.Add(application);
        await db.SaveChangesAsync(ct);
        return (new IntakeReceipt(
            application.Id, application.TrackingNumber,
            [.. application.Parts.Select(p => ApplicationQueries.Part(p, new Dictionary<string, string>(), today))]), errors, false);
    }

    private async Task<(ApplicationPlan? Plan, LifeEvent? Bundle, Dictionary<string, ServiceItem> Items)> PlanAsync(
        string? code, ApplicationWindow window, FieldErrors errors, CancellationToken ct)
    {
        // Never sent to the database when it cannot be a code: PostgreSQL refuses a NUL in a text parameter.
        var trimmed = code?.Trim();
        var bundle = string.IsNullOrEmpty(trimmed) || trimmed.Length > LifeEvent.CodeMaxLength || trimmed.Any(char.IsControl) ? null
            : await db.LifeEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Code == trimmed && e.IsActive, ct);
        if (bundle is null)
        {
            errors.Add("lifeEventCode", "请选择一件事");
            return (null, null, []);
        }

        var items = await db.ServiceItems.AsNoTracking().Where(i => bundle.ItemCodes.Contains(i.Code) && i.IsActive)
            .ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        if (bundle.ItemCodes.Any(c => !items.ContainsKey(c)))
        {
            errors.Add("lifeEventCode", "这件事的事项目录不完整，请联系县管理员");
            return (null, null, []);
        }

        var plan = ApplicationPlan.For(bundle, items.Values, window.Channel);
        if (plan.Parts.Count == 0)
        {
            errors.Add("lifeEventCode", "本窗口不能受理这件事");
            return (null, null, []);
        }

        return (plan, bundle, items);
    }

    /// <summary>Every material on the list is checked, and nothing else: the window asks once, and only for what no department shares.</summary>
    private static void CheckMaterials(ApplicationPlan plan, IReadOnlyList<string>? given, FieldErrors errors)
    {
        var names = (given ?? []).Select(m => m?.Trim() ?? "").ToHashSet(StringComparer.Ordinal);
        // The names go under a field of their own: they are the catalogue's words, not interface text to translate.
        var unknown = names.Where(n => plan.Materials.All(m => m.Name != n)).Take(5).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("materials", "勾选了不是这件事要收的材料");
            unknown.ForEach(n => errors.Add("unknownMaterials", n.Length > 20 ? n[..20] + "…" : n));
        }

        var missing = plan.Materials.Where(m => !names.Contains(m.Name)).ToList();
        if (missing.Count > 0)
        {
            errors.Add("materials", "材料不齐，请收齐后再受理");
            missing.ForEach(m => errors.Add("missingMaterials", m.Name));
        }
    }

    /// <summary>
    /// Each part's department by the name the catalogue gives (the county's bureau of that name first). Departments of
    /// other units are read past the window's scope: the catalogue, not the clerk, names who decides an item.
    /// </summary>
    private async Task<Dictionary<string, Department>> DepartmentsAsync(ApplicationPlan plan, FieldErrors errors, CancellationToken ct)
    {
        var names = plan.Parts.Select(p => p.DepartmentName).ToList();
        var found = await db.Departments.IgnoreQueryFilters().AsNoTracking()
            .Where(d => names.Contains(d.Name) && d.IsActive)
            .OrderBy(d => d.RegionPath.Length).ThenBy(d => d.Id)
            .ToListAsync(ct);
        var byName = found.GroupBy(d => d.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var name in names.Where(n => !byName.ContainsKey(n)))
        {
            errors.Add("lifeEventCode", "事项的办理部门不存在，请联系县管理员").Add("missingDepartments", name);
        }

        return byName;
    }
}
