using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Data;
using Shigan.Web.Hosting;
using Shigan.Web.Localization;

namespace Shigan.Web.Cases.Open311;

/// <summary>
/// /open311/v2 — Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) for existing civic-reporting clients:
/// discovery, the catalogue as services with their questions as attributes, filing requests with an API key, and
/// following them. Each resource answers in XML or JSON by its suffix; a path with no known suffix, or no resource,
/// is a 404 with the spec's error list (in XML, the format every client reads). Rate-limited like the citizens' API.
/// </summary>
public static class Open311Api
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";
    public const string BasePath = "/open311/v2";

    public static void MapOpen311Api(this IEndpointRouteBuilder app)
    {
        // Its own specification documents it: it stays out of our OpenAPI document.
        var group = app.MapGroup(BasePath).WithTags("Open311").AllowAnonymous().RequireRateLimiting(ShiganHost.PublicLimiter)
            .DisableAntiforgery().ExcludeFromDescription();
        group.MapGet("/discovery.{format}", Discovery);
        group.MapGet("/services.{format}", Services);
        group.MapGet("/services/{code}.{format}", Definition);
        group.MapPost("/requests.{format}", Report);
        group.MapGet("/requests.{format}", Requests);
        group.MapGet("/requests/{number}.{format}", Track);
        group.MapGet("/tokens/{token}.{format}", Token);
        group.Map("/{**path}", Unknown);
    }

    public static async Task<Open311Result> Discovery(HttpRequest request, string format, ShiganDb db, Open311Settings settings, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (output, refusal) = Begin(request, null, format, settings, text);
        if (refusal is not null)
        {
            return refusal;
        }

        // The catalogue's last change tells clients when to fetch services and definitions again.
        var changed = await db.AuditEntries.Where(a => a.EntityType == nameof(CaseCategory)).MaxAsync(a => (DateTime?)a.AtUtc, ct);
        var changeset = changed is { } at ? Open311Dates.Format(at) : "";
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{BasePath}";
        return Open311Result.Ok(output, "discovery", new Open311Discovery(
            changeset,
            settings.Contact ?? text["请联系县级管理员"],
            text["API 密钥由县级管理员在“Open311 接口密钥”页面签发，只显示一次"],
            [new Open311Endpoint(Specification, url, changeset, "production", [Open311Formats.XmlType, Open311Formats.JsonType])]));
    }

    public static async Task<Open311Result> Services(HttpRequest request, string format, ShiganDb db, Open311Settings settings, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (output, refusal) = Begin(request, null, format, settings, text);
        if (refusal is not null)
        {
            return refusal;
        }

        var categories = await db.CaseCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Code).ToListAsync(ct);
        var services = categories.Select(c =>
        {
            var platform = text[Labels.Platform(c.Platform)].Value;
            return new Open311Service(c.Code, c.Name, c.Description, c.Questions.Count > 0, "realtime", $"{platform}, {c.DefaultDepartmentName}", platform);
        }).ToList();
        return Open311Result.Ok(output, "services", services);
    }

    public static async Task<Open311Result> Definition(
        HttpRequest request, string code, string format, ShiganDb db, Open311Settings settings, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (output, refusal) = Begin(request, null, format, settings, text);
        if (refusal is not null)
        {
            return refusal;
        }

        var category = await db.CaseCategories.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code && c.IsActive, ct);
        if (category is null)
        {
            return Open311Result.Error(StatusCodes.Status404NotFound, output, $"service_code: {text["事件类别不存在"]}");
        }

        var attributes = category.Questions.Select((q, i) => new Open311Question(
            true,
            q.Code,
            Datatype(q.Type),
            q.Required,
            DatatypeDescription(q.Type) is { } d ? text[d].Value : null,
            i + 1,
            q.Prompt,
            [.. (q.Options ?? []).Select(o => new Open311Value(o.Key, o.Name))])).ToList();
        return Open311Result.Ok(output, "service_definition", new Open311ServiceDefinition(category.Code, attributes));
    }

    public static async Task<Open311Result> Report(
        HttpRequest request, string format, ShiganDb db, CaseIntake intake, IntakeLookups lookups, IntakeCommits commits, Open311Settings settings,
        IStringLocalizer<UiText> text, CancellationToken ct)
    {
        if (Open311Formats.Parse(format) is not { } output)
        {
            return NoSuchFormat(text);
        }

        if (await Open311Reports.ReadFormAsync(request, ct) is not { } form)
        {
            return Open311Result.Error(StatusCodes.Status400BadRequest, output, text["请求须为不超过 64 KB 的 application/x-www-form-urlencoded 表单"]);
        }

        if (Begin(request, form, format, settings, text).Refusal is { } refusal)
        {
            return refusal;
        }

        var key = Open311Reports.Text(form, "api_key") ?? request.Query["api_key"].ToString();
        if (string.IsNullOrWhiteSpace(key))
        {
            return Open311Result.Error(StatusCodes.Status403Forbidden, output, $"api_key: {text["缺少 api_key"]}");
        }

        // The key is read every time, so a revoked one is refused at once; the category, the place and routing come
        // from the intake's caches (IntakeLookups), read once here and again by the intake at no cost.
        if (await Open311Keys.VerifyAsync(db, key, ct) is not { } client)
        {
            return Open311Result.Error(StatusCodes.Status403Forbidden, output, $"api_key: {text["api_key 无效或已吊销"]}");
        }

        if (Open311Reports.Text(form, "service_code") is not { } code)
        {
            return Open311Result.Error(StatusCodes.Status400BadRequest, output, $"service_code: {text["必填"]}");
        }

        if (await lookups.CategoryAsync(db, code, ct) is null)
        {
            return Open311Result.Error(StatusCodes.Status404NotFound, output, $"service_code: {text["事件类别不存在"]}");
        }

        if (!Open311Reports.HasLocation(form))
        {
            return Open311Result.Error(StatusCodes.Status400BadRequest, output, $"lat, long, address_string, address_id: {text["请提供地点：lat 和 long、address_string 或 address_id"]}");
        }

        if (!Open311Reports.TryCoordinates(form, out var latitude, out var longitude))
        {
            return Open311Result.Error(StatusCodes.Status400BadRequest, output, $"lat, long: {text["须为数字"]}");
        }

        // Regions carry no coordinates to place a report by: without a division code it goes to the configured
        // default place, and without one it is refused.
        var place = Open311Reports.Text(form, "address_id") ?? settings.DefaultRegionCode;
        if (place is null)
        {
            return Open311Result.Error(StatusCodes.Status400BadRequest, output, $"address_id: {text["请提供 address_id：乡镇、村或网格的行政区划代码"]}");
        }

        var regionId = await lookups.PlaceIdAsync(db, place, ct);
        var input = new ReportInput(
            code, regionId, Open311Reports.Text(form, "address_string"), latitude, longitude, Open311Reports.Text(form, "description"),
            Open311Reports.ReporterName(form), Open311Reports.Text(form, "phone"), CaseSource.Open311, Open311Reports.Answers(form));
        var token = Open311Reports.NewToken();
        var (report, errors) = await intake.PrepareAsync(input, CaseSource.Open311, new Open311Filing(client.Id, client.Name, token), ct);
        if (report is null)
        {
            return Open311Result.Errors(StatusCodes.Status400BadRequest, output,
                [.. errors.Localized(text).SelectMany(e => e.Value.Select(m => new Open311Error(400, $"{Open311Reports.Parameter(e.Key)}: {m}")))]);
        }

        // Answered only once committed, with the reports that arrived at the same time (group commit).
        ReportReceipt receipt;
        try
        {
            receipt = await commits.SaveAsync(report, ct);
        }
        catch (IntakeUnavailableException)
        {
            request.HttpContext.Response.Headers.RetryAfter = IntakeCommits.RetryAfterSeconds;
            return Open311Result.Error(StatusCodes.Status503ServiceUnavailable, output, text["暂时无法保存，请稍后重新提交"]);
        }

        var notice = text["按时限应于 {0} 前办结", Components.Common.ChinaTime.Format(receipt.DeadlineUtc)[..16]].Value;
        return Open311Result.Ok(output, "service_requests", new[] { new Open311Receipt(receipt.TrackingNumber, token, notice, null) });
    }

    public static async Task<Open311Result> Requests(
        HttpRequest request, string format, ShiganDb db, Open311Settings settings, TimeProvider clock, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (output, refusal, viewer) = await BeginReadAsync(request, format, db, settings, text, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var (requests, errors) = await Open311Requests.ListAsync(db, request.Query, clock.GetUtcNow().UtcDateTime, viewer, text, ct);
        return requests is null ? Open311Result.Errors(StatusCodes.Status400BadRequest, output, errors) : Open311Result.Ok(output, "service_requests", requests);
    }

    public static async Task<Open311Result> Track(
        HttpRequest request, string number, string format, ShiganDb db, Open311Settings settings, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (output, refusal, viewer) = await BeginReadAsync(request, format, db, settings, text, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        return await Open311Requests.FindAsync(db, number, viewer, text, ct) is { } found
            ? Open311Result.Ok(output, "service_requests", new[] { found })
            : Open311Result.Error(StatusCodes.Status404NotFound, output, $"service_request_id: {text["没有这个事件"]}");
    }

    public static async Task<Open311Result> Token(
        HttpRequest request, string token, string format, ShiganDb db, Open311Settings settings, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (output, refusal) = Begin(request, null, format, settings, text);
        if (refusal is not null)
        {
            return refusal;
        }

        var found = token.Length <= 32
            ? await db.Cases.AsNoTracking().Where(c => c.Open311Token == token).Select(c => new { c.Id, c.ReportedAtUtc }).SingleOrDefaultAsync(ct)
            : null;
        return found is null
            ? Open311Result.Error(StatusCodes.Status404NotFound, output, $"token: {text["没有这个 token"]}")
            : Open311Result.Ok(output, "service_requests", new[]
            {
                new Open311TokenItem(TrackingNumber.New(new DateTimeOffset(DateTime.SpecifyKind(found.ReportedAtUtc, DateTimeKind.Utc)), found.Id), token),
            });
    }

    /// <summary>Anything else under /open311/v2, including a resource without its .xml or .json.</summary>
    public static Open311Result Unknown(HttpRequest request, IStringLocalizer<UiText> text) =>
        Open311Result.Error(StatusCodes.Status404NotFound, Open311Formats.OfPath(request.Path), text["没有这个资源：地址须以 .xml 或 .json 结尾"]);

    public static string Datatype(QuestionType type) => type switch
    {
        QuestionType.Number => "number",
        QuestionType.DateTime => "datetime",
        QuestionType.Text => "text",
        QuestionType.SingleValueList => "singlevaluelist",
        QuestionType.MultiValueList => "multivaluelist",
        _ => "string",
    };

    private static string? DatatypeDescription(QuestionType type) => type switch
    {
        QuestionType.Number => "数字",
        QuestionType.DateTime => "带时区的 ISO 8601 时间，如 2026-11-01T08:00:00+08:00",
        QuestionType.SingleValueList => "从 values 中选一个 key",
        QuestionType.MultiValueList => "从 values 中选一个或多个 key，写作 attribute[CODE][]",
        _ => null,
    };

    private static Open311Result NoSuchFormat(IStringLocalizer<UiText> text) =>
        Open311Result.Error(StatusCodes.Status404NotFound, Open311Format.Xml, text["没有这个资源：地址须以 .xml 或 .json 结尾"]);

    /// <summary>The checks every resource makes first: a known format, and our jurisdiction if one is named.</summary>
    private static (Open311Format Format, Open311Result? Refusal) Begin(
        HttpRequest request, IFormCollection? form, string format, Open311Settings settings, IStringLocalizer<UiText> text)
    {
        if (Open311Formats.Parse(format) is not { } output)
        {
            return (Open311Format.Xml, NoSuchFormat(text));
        }

        // "Optional" in the spec: an empty value is no value. We serve one jurisdiction, so naming another finds nothing.
        var jurisdiction = (form is null ? null : Open311Reports.Text(form, "jurisdiction_id")) ?? request.Query["jurisdiction_id"].ToString().Trim();
        return jurisdiction.Length > 0 && jurisdiction != settings.JurisdictionId
            ? (output, Open311Result.Error(StatusCodes.Status404NotFound, output, $"jurisdiction_id: {text["不是本服务的辖区，本服务为 {0}", settings.JurisdictionId]}"))
            : (output, null);
    }

    /// <summary>
    /// For reads: an api_key is optional, but a given one must be valid; its client then sees the descriptions and
    /// places of its own requests (see <see cref="Open311Requests"/>).
    /// </summary>
    private static async Task<(Open311Format Format, Open311Result? Refusal, int? Viewer)> BeginReadAsync(
        HttpRequest request, string format, ShiganDb db, Open311Settings settings, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (output, refusal) = Begin(request, null, format, settings, text);
        if (refusal is not null)
        {
            return (output, refusal, null);
        }

        var key = request.Query["api_key"].ToString();
        if (string.IsNullOrWhiteSpace(key))
        {
            return (output, null, null);
        }

        return await Open311Keys.VerifyAsync(db, key, ct) is { } client
            ? (output, null, client.Id)
            : (output, Open311Result.Error(StatusCodes.Status403Forbidden, output, $"api_key: {text["api_key 无效或已吊销"]}"), null);
    }
}
