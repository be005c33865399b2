using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Data;
using Shigan.Web.Localization;

namespace Shigan.Web.Cases.Open311;

/// <summary>
/// GET requests: the spec's filters and its default volume (the last 90 days, at most 1000 requests, newest first).
/// What a case says about its reporter is never written: no name, no phone. The description, the address as given and
/// the coordinates may point at a person, so only the client that filed the request sees them (asking with its
/// api_key); everyone else gets the place as the public tracking page names it (township and village) and its
/// division code as address_id.
/// </summary>
public static class Open311Requests
{
    public const int MaxRequests = 1000;
    public const int MaxSpanDays = 90;

    private sealed record Row(
        long Id, DateTime ReportedAtUtc, CaseStatus Status, string ServiceCode, string ServiceName, string Description,
        string? Department, DateTime DeadlineUtc, string? Address, double? Latitude, double? Longitude, string RegionCode,
        string RegionName, string RegionPath, int? ClientId, DateTime? UpdatedAtUtc, string? OutcomeNote);

    /// <summary>The requests a GET's query asks for, or the errors that say why it cannot be answered.</summary>
    public static async Task<(List<Open311Request>? Requests, List<Open311Error> Errors)> ListAsync(
        ShiganDb db, IQueryCollection query, DateTime nowUtc, int? viewerClientId, IStringLocalizer<UiText> text, CancellationToken ct = default)
    {
        var errors = new List<Open311Error>();

        // A list of ids overrides every other argument (the spec's rule).
        if (List(query, "service_request_id") is { Count: > 0 } numbers)
        {
            if (numbers.Count > MaxRequests)
            {
                errors.Add(new(400, $"service_request_id: {text["最多 {0} 个", MaxRequests]}"));
                return (null, errors);
            }

            var wanted = numbers.Select(n => TrackingNumber.TryParse(n, TrackingNumber.DefaultPrefix, out var parts) ? parts : (TrackingNumberParts?)null)
                .OfType<TrackingNumberParts>().ToList();
            var ids = wanted.Select(p => p.Sequence).Distinct().ToList();
            var found = await Rows(db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))).ToListAsync(ct);
            // The number's date must match the report's, as on the public tracking page.
            var matching = found.Where(r => wanted.Any(p => p.Sequence == r.Id && p.Date == ChinaTime.DateOf(Utc(r.ReportedAtUtc))))
                .OrderByDescending(r => r.Id).ToList();
            return (await ViewAsync(db, matching, viewerClientId, text, ct), errors);
        }

        var (start, end) = Range(query, nowUtc, text, errors);
        var statuses = List(query, "status");
        foreach (var wrong in statuses.Where(s => s is not (Open311Status.Open or Open311Status.Closed)))
        {
            errors.Add(new(400, $"status: {text["只能是 open 或 closed"]} ({wrong})"));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        DateTime from = start.UtcDateTime, to = end.UtcDateTime;
        var cases = db.Cases.AsNoTracking().Where(c => c.ReportedAtUtc >= from && c.ReportedAtUtc <= to);
        if (List(query, "service_code") is { Count: > 0 } codes)
        {
            // No code carries a control character, and PostgreSQL refuses a NUL outright: such a code matches nothing.
            var known = codes.Where(c => !c.Any(char.IsControl)).ToList();
            cases = cases.Where(c => known.Contains(c.Category!.Code));
        }

        var closed = Open311Status.ClosedStatuses;
        if (statuses.Contains(Open311Status.Open) != statuses.Contains(Open311Status.Closed))
        {
            cases = statuses.Contains(Open311Status.Closed) ? cases.Where(c => closed.Contains(c.Status)) : cases.Where(c => !closed.Contains(c.Status));
        }

        // Newest first by id, which follows the report time: the primary key answers the order and the limit.
        var rows = await Rows(cases.OrderByDescending(c => c.Id).Take(MaxRequests)).ToListAsync(ct);
        return (await ViewAsync(db, rows, viewerClientId, text, ct), errors);
    }

    /// <summary>One request by its tracking number; null when the number names no case.</summary>
    public static async Task<Open311Request?> FindAsync(ShiganDb db, string number, int? viewerClientId, IStringLocalizer<UiText> text, CancellationToken ct = default)
    {
        if (!TrackingNumber.TryParse(number, TrackingNumber.DefaultPrefix, out var parts))
        {
            return null;
        }

        var row = await Rows(db.Cases.AsNoTracking().Where(c => c.Id == parts.Sequence)).SingleOrDefaultAsync(ct);
        return row is not null && ChinaTime.DateOf(Utc(row.ReportedAtUtc)) == parts.Date
            ? (await ViewAsync(db, [row], viewerClientId, text, ct))[0]
            : null;
    }

    /// <summary>The spec's time window: at most 90 days; either end alone reaches 90 days from it, neither means the last 90.</summary>
    private static (DateTimeOffset Start, DateTimeOffset End) Range(IQueryCollection query, DateTime nowUtc, IStringLocalizer<UiText> text, List<Open311Error> errors)
    {
        var span = TimeSpan.FromDays(MaxSpanDays);
        DateTimeOffset? Read(string name)
        {
            var value = query[name].ToString();
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (Open311Dates.TryParse(value, out var at))
            {
                return at;
            }

            errors.Add(new(400, $"{name}: {text["须为带时区的 ISO 8601 时间，如 2026-11-01T00:00:00+08:00"]}"));
            return null;
        }

        var start = Read("start_date");
        var end = Read("end_date");
        var now = Utc(nowUtc);
        (DateTimeOffset from, DateTimeOffset to) = (start, end) switch
        {
            ({ } s, { } e) => (s, e),
            ({ } s, null) => (s, s + span),
            (null, { } e) => (e - span, e),
            _ => (now - span, now),
        };
        if (to < from)
        {
            errors.Add(new(400, $"end_date: {text["早于 start_date"]}"));
        }
        else if (to - from > span)
        {
            errors.Add(new(400, $"start_date, end_date: {text["日期范围不能超过 {0} 天", MaxSpanDays]}"));
        }

        return (from, to);
    }

    // "Can be declared multiple times, comma delimited": every value of the name, split at commas, blanks dropped.
    private static List<string> List(IQueryCollection query, string name) =>
        query.TryGetValue(name, out StringValues values)
            ? values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToList()
            : [];

    private static IQueryable<Row> Rows(IQueryable<Case> cases) =>
        cases.Select(c => new Row(
            c.Id, c.ReportedAtUtc, c.Status, c.Category!.Code, c.Category.Name, c.Description, c.Department!.Name, c.DeadlineUtc,
            c.Address, c.Latitude, c.Longitude, c.Region!.Code, c.Region.Name, c.RegionPath, c.Open311ClientId,
            c.Events.Max(e => (DateTime?)e.AtUtc),
            c.Events.Where(e => e.Action == CaseAction.Resolve || e.Action == CaseAction.Reject).OrderByDescending(e => e.Id).Select(e => e.Note).FirstOrDefault()));

    private static async Task<List<Open311Request>> ViewAsync(ShiganDb db, List<Row> rows, int? viewerClientId, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        // The place as the public page names it: the township, then the village or grid.
        var townshipCodes = rows.Select(r => Township(r.RegionPath)).OfType<string>().Distinct().ToList();
        var townships = await db.Regions.AsNoTracking().Where(r => townshipCodes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return rows.Select(r =>
        {
            var own = viewerClientId is not null && r.ClientId == viewerClientId;
            var township = Township(r.RegionPath) is { } code ? townships.GetValueOrDefault(code) : null;
            var place = township is null || township == r.RegionName ? r.RegionName : $"{township} {r.RegionName}";
            return new Open311Request(
                TrackingNumber.New(Utc(r.ReportedAtUtc), r.Id),
                Open311Status.Of(r.Status),
                Open311Status.Notes(r.Status, r.OutcomeNote, text),
                r.ServiceName,
                r.ServiceCode,
                own ? r.Description : null,
                r.Department,
                null,
                Open311Dates.Format(r.ReportedAtUtc),
                Open311Dates.Format(r.UpdatedAtUtc ?? r.ReportedAtUtc),
                Open311Dates.Format(r.DeadlineUtc),
                own && r.Address is not null ? r.Address : place,
                r.RegionCode,
                null,
                own ? r.Latitude : null,
                own ? r.Longitude : null,
                null);
        }).ToList();
    }

    private static string? Township(string regionPath) => RegionPaths.Codes(regionPath) is { Count: >= 2 } codes ? codes[1] : null;

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
