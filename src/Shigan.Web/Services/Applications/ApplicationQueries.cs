using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Core.Services.Applications;
using Shigan.Data;
using Shigan.Web.Access;

namespace Shigan.Web.Services.Applications;

/// <summary>Filters of the work list: status, only my department's open parts (待办), a life event.</summary>
public sealed record ApplicationFilter(
    ApplicationStatus? Status = null, bool Queue = false, string? LifeEventCode = null, long? After = null, int? Size = null, string? UnitPath = null);

/// <summary>
/// Reads of applications. The scope filter keeps each account to its unit; on top of it an account placed in a
/// department sees what that department handles (a partner's counter also what it took), as
/// <see cref="ApplicationRoles.SeesOnlyOwnDepartment"/> says.
/// </summary>
public static class ApplicationQueries
{
    public const int MaxPageSize = 200;

    /// <summary>The applications the actor may see, untracked unless <paramref name="tracking"/>.</summary>
    public static IQueryable<ServiceApplication> Visible(ShiganDb db, CurrentActor actor, bool tracking = false)
    {
        var query = tracking ? db.ServiceApplications : db.ServiceApplications.AsNoTracking();
        if (actor.Role is { } role && ApplicationRoles.SeesOnlyOwnDepartment(role) && actor.DepartmentId is { } department)
        {
            query = query.Where(a => a.TakenByDepartmentId == department || a.Parts.Any(p => p.DepartmentId == department));
        }

        return query;
    }

    public static async Task<ApplicationPage> ListAsync(ShiganDb db, CurrentActor actor, ApplicationFilter filter, CancellationToken ct = default)
    {
        var query = Visible(db, actor);
        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (filter.Queue)
        {
            // The department's open parts; an account in no department has no queue.
            var department = actor.DepartmentId ?? -1;
            query = query.Where(a => a.Parts.Any(p => p.DepartmentId == department && p.Status != PartStatus.Completed && p.Status != PartStatus.Refused));
        }

        if (!string.IsNullOrWhiteSpace(filter.LifeEventCode))
        {
            var code = filter.LifeEventCode.Trim();
            query = query.Where(a => a.LifeEventCode == code);
        }

        if (filter.UnitPath is { } unitPath)
        {
            var scope = RegionScope.Of(unitPath);
            var (start, end) = (scope.RangeStart, scope.RangeEnd);
#pragma warning disable CA1309 // translated to SQL's >= and <, as the scope filter is (see ShiganDb)
            query = query.Where(a => string.Compare(a.RegionPath, start) >= 0 && string.Compare(a.RegionPath, end) < 0);
#pragma warning restore CA1309
        }

        if (filter.After is { } after)
        {
            query = query.Where(a => a.Id < after);
        }

        var size = Math.Clamp(filter.Size ?? 50, 1, MaxPageSize);
        var rows = await query.OrderByDescending(a => a.Id).Take(size + 1)
            .Select(a => new
            {
                a.Id,
                a.TakenAtUtc,
                a.LifeEventName,
                a.Channel,
                Unit = a.Region!.Name,
                Partner = a.TakenByDepartment!.Name,
                a.Status,
                Trips = a.Trips.Count,
                PartsDone = a.Parts.Count(p => p.Status == PartStatus.Completed || p.Status == PartStatus.Refused),
                Parts = a.Parts.Count,
            })
            .ToListAsync(ct);
        var items = rows.Take(size).Select(r => new ApplicationItem(
            r.Id, Number(r.TakenAtUtc, r.Id), r.LifeEventName, r.Channel, r.Unit, r.Partner, r.Status, r.TakenAtUtc, r.Trips, r.PartsDone, r.Parts)).ToList();
        return new(items, rows.Count > size ? items[^1].Id : null);
    }

    public static async Task<ApplicationDetail?> DetailAsync(ShiganDb db, CurrentActor actor, long id, TimeProvider clock, CancellationToken ct = default)
    {
        var application = await Visible(db, actor)
            .Include(a => a.Region).Include(a => a.TakenByDepartment)
            .Include(a => a.Parts).Include(a => a.Trips).Include(a => a.Events)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return null;
        }

        var names = await ItemNamesAsync(db, application.Parts.SelectMany(p => p.ItemCodes), ct);
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var detail = new ApplicationDetail(
            application.Id, application.TrackingNumber, application.LifeEventCode, application.LifeEventName, application.Channel,
            application.Region!.Name, application.TakenByDepartment?.Name, application.TakenByName, application.TakenAtUtc,
            application.ApplicantName, application.ApplicantPhone, application.Materials, application.Status, application.DoneAtUtc, application.Version,
            [.. application.Parts.OrderBy(p => p.Id).Select(p => Part(p, names, today))],
            [.. application.Trips.OrderBy(t => t.AtUtc).ThenBy(t => t.Id).Select((t, i) => new TripItem(t.Id, i + 1, t.AtUtc, t.Place, t.Purpose, t.Note))],
            [.. application.Events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id).Select(e => new ApplicationEventItem(
                e.Id, e.AtUtc, e.Kind, e.Action, e.FromStatus, e.ToStatus, e.DepartmentName, e.Material, e.ActorName, e.Note))]);
        return ApplicationRoles.MayReadApplicants(actor.Role)
            ? detail
            : detail with { ApplicantName = PersonNames.Mask(detail.ApplicantName), ApplicantPhone = PhoneNumbers.Mask(detail.ApplicantPhone) };
    }

    /// <summary>
    /// The citizen's view by tracking number (the public actor sees the county: the number is the key), carrying nothing
    /// personal: no name, no phone, no clerk, no reason or note a department wrote.
    /// </summary>
    public static async Task<PublicApplicationView?> PublicAsync(ShiganDb db, string? number, CancellationToken ct = default)
    {
        if (!TrackingNumber.TryParse(number, ServiceApplication.TrackingPrefix, out var parts))
        {
            return null;
        }

        var application = await db.ServiceApplications.AsNoTracking()
            .Include(a => a.Region).Include(a => a.TakenByDepartment).Include(a => a.Parts).Include(a => a.Trips)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == parts.Sequence, ct);

        // The date in the number must match too: a guessed sequence with another date finds nothing.
        if (application is null || ChinaTime.DateOf(new DateTimeOffset(application.TakenAtUtc, TimeSpan.Zero)) != parts.Date)
        {
            return null;
        }

        var names = await ItemNamesAsync(db, application.Parts.SelectMany(p => p.ItemCodes), ct);
        var place = application.TakenByDepartment?.Name ?? application.Region!.Name;
        return new(
            application.TrackingNumber, application.LifeEventName, place, application.TakenAtUtc, application.Status, application.DoneAtUtc,
            application.Trips.Count,
            [.. application.Parts.OrderBy(p => p.Id).Select(p => new PublicPart(
                p.DepartmentName, [.. p.ItemCodes.Select(c => names.GetValueOrDefault(c, c))], p.Status, p.DueOn,
                p.Status == PartStatus.MaterialRequested ? p.RequestedMaterial : null))]);
    }

    public static string Number(DateTime takenAtUtc, long id) =>
        TrackingNumber.New(new DateTimeOffset(takenAtUtc, TimeSpan.Zero), id, ServiceApplication.TrackingPrefix);

    internal static PartItem Part(SubApplication p, IReadOnlyDictionary<string, string> names, DateOnly today) => new(
        p.Id, p.DepartmentId, p.DepartmentName, p.ItemCodes, [.. p.ItemCodes.Select(c => names.GetValueOrDefault(c, c))], p.Status, p.DueOn,
        p.RequestedMaterial, p.MustReturn, p.RefusalReason, p.FinishedAtUtc, IsLate(p, today), p.Version, ApplicationWorkflow.AllowedActions(p.Status));

    /// <summary>Late: finished after its promised date, or still open past it.</summary>
    public static bool IsLate(SubApplication part, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(part);
        return part.FinishedAtUtc is { } finished
            ? ChinaTime.DateOf(new DateTimeOffset(finished, TimeSpan.Zero)) > part.DueOn
            : today > part.DueOn;
    }

    /// <summary>The catalogue's names for item codes (the catalogue is shared by the county: no scope).</summary>
    public static async Task<Dictionary<string, string>> ItemNamesAsync(ShiganDb db, IEnumerable<string> codes, CancellationToken ct = default)
    {
        var wanted = codes.Distinct(StringComparer.Ordinal).ToList();
        return await db.ServiceItems.AsNoTracking().Where(i => wanted.Contains(i.Code)).ToDictionaryAsync(i => i.Code, i => i.Name, StringComparer.Ordinal, ct);
    }
}
