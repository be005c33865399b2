using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Api;

namespace Shigan.Web.Cases;

/// <summary>
/// Takes a report: checks it, gives it a deadline from its category and the working calendar, and routes it by the
/// routing rule for the smallest area around the place, else to the category's department in the case's township
/// when one exists (the history says it was automatic, and why: the basis, and the rule's id in the note).
/// </summary>
public sealed class CaseIntake(ShiganDb db, CurrentActor actor, CalendarSource calendars, IntakeLookups lookups, TimeProvider clock)
{
    public const string AutomaticRouter = "自动分拨";
    public const string PublicReporter = "群众上报";

    // The history's column for who acted (see CaseEventConfiguration).
    private const int CaseEventActorNameMaxLength = 64;

    public Task<(ReportReceipt? Receipt, FieldErrors Errors)> ReportAsync(ReportInput input, CaseSource defaultSource, CancellationToken ct = default) =>
        ReportAsync(input, defaultSource, null, ct);

    /// <summary>A report, checked, routed and saved here; <paramref name="open311"/> names the Open311 client that filed it.</summary>
    public async Task<(ReportReceipt? Receipt, FieldErrors Errors)> ReportAsync(
        ReportInput input, CaseSource defaultSource, Open311Filing? open311, CancellationToken ct = default)
    {
        var (report, errors) = await PrepareAsync(input, defaultSource, open311, ct);
        if (report is null)
        {
            return (null, errors);
        }

        db.Cases.Add(report.Case);
        await db.SaveChangesAsync(ct);
        return (report.Receipt, errors);
    }

    /// <summary>
    /// Checks the report, gives it its deadline and routes it: the new case with its history, not saved (and not
    /// tracked by this context), for <see cref="ReportAsync(ReportInput, CaseSource, Open311Filing?, CancellationToken)"/>
    /// or <see cref="IntakeCommits"/> to save. <paramref name="open311"/> names the Open311 client and the token it gets.
    /// </summary>
    public async Task<(PreparedReport? Report, FieldErrors Errors)> PrepareAsync(
        ReportInput input, CaseSource defaultSource, Open311Filing? open311, CancellationToken ct = default)
    {
        var errors = new FieldErrors()
            .Required("description", input.Description, Case.DescriptionMaxLength)
            .Optional("address", input.Address, Case.AddressMaxLength)
            .Optional("reporterName", input.ReporterName, Case.ReporterNameMaxLength);
        if (!string.IsNullOrWhiteSpace(input.ReporterPhone) && !PhoneNumbers.IsValid(input.ReporterPhone.Trim()))
        {
            errors.Add("reporterPhone", "电话号码格式不正确");
        }

        if ((input.Latitude is null) != (input.Longitude is null)
            || input.Latitude is < -90 or > 90 || input.Longitude is < -180 or > 180
            || input.Latitude is double.NaN || input.Longitude is double.NaN)
        {
            errors.Add("latitude", "经纬度不正确");
        }

        var source = open311 is not null ? CaseSource.Open311 : input.Source ?? defaultSource;
        if (!Enum.IsDefined(source))
        {
            errors.Add("source", "来源无效");
        }

        // Category, place, calendar and routing come from caches (IntakeLookups, CalendarSource): no reads under load.
        var code = input.CategoryCode?.Trim();
        var category = string.IsNullOrEmpty(code) ? null : await lookups.CategoryAsync(db, code, ct);
        if (category is null)
        {
            errors.Add("categoryCode", "事件类别不存在");
        }

        // The actor's scope decides which places the reporter may name, as the scope filter would; a citizen
        // (anonymous) may name any. One outside it reads like one that does not exist.
        var place = input.RegionId is { } rid ? await lookups.PlaceAsync(db, rid, ct) : null;
        if (place is not null && !actor.Scope.Covers(place.RegionPath))
        {
            place = null;
        }

        if (place is null)
        {
            errors.Add("regionId", "所在地点不存在");
        }
        else if (place.Level == RegionLevel.County)
        {
            errors.Add("regionId", "请选择乡镇、村或网格");
        }

        // A channel that asks the category's questions gets them checked; one that does not (null) leaves them unanswered.
        var answers = category is not null && input.Answers is { } given ? CaseAnswers.Check(category.Questions, given, errors) : [];
        if (errors.Any)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow();
        var calendar = await calendars.GetAsync(db, ct);
        var actorName = actor.IsSignedIn ? actor.Name
            : open311 is not null ? Truncated($"Open311 · {open311.ClientName}", CaseEventActorNameMaxLength)
            : PublicReporter;
        var @case = new Case
        {
            CategoryId = category!.Id,
            Platform = category.Platform,
            Status = CaseStatus.Reported,
            Source = source,
            RegionId = place!.Id,
            RegionPath = place.RegionPath,
            Address = Clean(input.Address),
            Latitude = input.Latitude,
            Longitude = input.Longitude,
            Description = input.Description!.Trim(),
            ReporterName = Clean(input.ReporterName),
            ReporterPhone = Clean(input.ReporterPhone),
            ReportedById = actor.UserId,
            ReportedAtUtc = now.UtcDateTime,
            DeadlineUtc = DeadlineCalculator.Due(now, category.TimeLimit, calendar).UtcDateTime,
            Open311ClientId = open311?.ClientId,
            Open311Token = open311?.Token,
            Answers = answers,
            Version = 1,
        };
        @case.Events.Add(new CaseEvent
        {
            AtUtc = now.UtcDateTime,
            Kind = CaseEventKind.Reported,
            ToStatus = CaseStatus.Reported,
            ActorId = actor.UserId,
            ActorName = actorName,
            RegionPath = place.RegionPath,
        });

        var route = await RouteAsync(category, place.RegionPath, ct);
        if (route.Department is { } target)
        {
            @case.Status = CaseStatus.Assigned;
            @case.DepartmentId = int.Parse(target.DepartmentKey, System.Globalization.CultureInfo.InvariantCulture);
            @case.Events.Add(new CaseEvent
            {
                AtUtc = now.UtcDateTime,
                Kind = CaseEventKind.Routed,
                Action = CaseAction.Assign,
                FromStatus = CaseStatus.Reported,
                ToStatus = CaseStatus.Assigned,
                ActorName = AutomaticRouter,
                DepartmentId = @case.DepartmentId,
                DepartmentName = target.Name,
                RouteBasis = route.Basis,
                Note = route.RuleId,
                RegionPath = place.RegionPath,
            });
        }

        return (new PreparedReport(@case, route.Department?.Name), errors);
    }

    // Routing is the system's decision: it may pick a township department the reporter (a grid worker) cannot see,
    // by a rule the reporter cannot see either.
    private async Task<RouteDecision> RouteAsync(CaseCategory category, string placePath, CancellationToken ct)
    {
        var codes = RegionPaths.Codes(placePath);
        var townshipPath = codes.Count >= 2 ? RegionPaths.Child(RegionPaths.Root(codes[0]), codes[1]) : placePath;
        var defaults = new Dictionary<string, IReadOnlyList<RouteTarget>>
        {
            [category.Code] = await lookups.DefaultDepartmentsAsync(db, category.DefaultDepartmentName, townshipPath, ct),
        };

        // The place's own path and every path above it: a rule covers the place exactly when its area is one of them.
        var areas = new HashSet<string>(StringComparer.Ordinal);
        var path = "";
        foreach (var code in codes)
        {
            path = path.Length == 0 ? RegionPaths.Root(code) : RegionPaths.Child(path, code);
            areas.Add(path);
        }

        var rules = (await lookups.RulesAsync(db, category, ct)).Where(r => r.RegionPathPrefix is { } area && areas.Contains(area));
        return Router.Route(category.Code, placePath, rules, defaults);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Truncated(string text, int length) => text.Length <= length ? text : text[..length];
}
