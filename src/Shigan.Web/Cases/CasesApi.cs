using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Localization;

namespace Shigan.Web.Cases;

public sealed record CategoryItem(string Code, string Name, Platform Platform, string DefaultDepartmentName, int TimeLimitValue, TimeLimitUnit TimeLimitUnit);

/// <summary>/api/cases and /api/case-categories — the four platforms' cases for signed-in staff.</summary>
public static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/case-categories", Categories).WithTags("Cases");
        var group = api.MapGroup("/cases").WithTags("Cases");
        group.MapGet("/", List);
        group.MapGet("/export", CaseExportApi.Export);
        group.MapGet("/{caseId:long}", Get);
        group.MapPost("/", Report);
        group.MapPost("/{caseId:long}/actions", Act);
        group.MapPost("/{caseId:long}/split", Split);
        group.MapPost("/{caseId:long}/extension", RequestExtension);
        group.MapPost("/{caseId:long}/extension/decision", DecideExtension);
        return api;
    }

    public static async Task<Ok<List<CategoryItem>>> Categories(ShiganDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.CaseCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Code)
            .Select(c => new CategoryItem(c.Code, c.Name, c.Platform, c.DefaultDepartmentName, c.TimeLimitValue, c.TimeLimitUnit))
            .ToListAsync(ct));

    public static async Task<Ok<CasePage>> List(
        ShiganDb db, CurrentActor actor, TimeProvider clock, CaseSettings settings, [AsParameters] CaseListQuery query, long? after, int? size, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(await CaseQueries.ListAsync(db, query.ToFilter(settings, now, actor.DepartmentId, after, size), actor.UserId, now, ct));
    }

    public static async Task<Results<Ok<CaseDetail>, NotFound>> Get(ShiganDb db, CurrentActor actor, TimeProvider clock, long caseId, CancellationToken ct) =>
        await CaseQueries.DetailAsync(db, caseId, clock.GetUtcNow().UtcDateTime, ct) is { } detail
            ? TypedResults.Ok(Reveal(detail, actor))
            : TypedResults.NotFound();

    public static async Task<Results<Created<ReportReceipt>, ForbidHttpResult, ValidationProblem>> Report(
        CaseIntake intake, CurrentActor actor, ReportInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        if (actor.Role is not { } role || !CaseRoles.MayReport(role))
        {
            return TypedResults.Forbid();
        }

        // Staff say how the report reached them only as far as their role allows: a grid worker's is a patrol report,
        // anyone else's came to a window or the hotline (web and Open311 are for citizens' and clients' own channels).
        var source = role == Role.GridWorker ? CaseSource.GridWorker
            : input.Source is CaseSource.Hotline ? CaseSource.Hotline
            : CaseSource.Window;
        var (receipt, errors) = await intake.ReportAsync(input with { Source = source }, source, ct);
        return receipt is null
            ? TypedResults.ValidationProblem(errors.Localized(text))
            : TypedResults.Created($"/api/cases/{receipt.Id}", receipt);
    }

    public static async Task<Results<Ok<CaseDetail>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Act(
        CaseWork work, ShiganDb db, CurrentActor actor, TimeProvider clock, long caseId, ActionInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (outcome, errors) = await work.ActAsync(caseId, input, ct);
        return outcome switch
        {
            ActOutcome.NotFound => TypedResults.NotFound(),
            ActOutcome.Forbidden => TypedResults.Forbid(),
            ActOutcome.Invalid => TypedResults.ValidationProblem(errors.Localized(text)),
            ActOutcome.Conflict => TypedResults.Problem(new HttpValidationProblemDetails(errors.Localized(text)) { Status = StatusCodes.Status409Conflict, Title = "Conflict" }),
            _ => TypedResults.Ok(Reveal((await CaseQueries.DetailAsync(db, caseId, clock.GetUtcNow().UtcDateTime, ct))!, actor)),
        };
    }

    /// <summary>拆分: the command room splits the case among departments of its township; the answer lists the children.</summary>
    public static async Task<Results<Ok<SplitReceipt>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Split(
        CaseWork work, long caseId, SplitInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (outcome, errors, children) = await work.SplitAsync(caseId, input, ct);
        return outcome switch
        {
            ActOutcome.NotFound => TypedResults.NotFound(),
            ActOutcome.Forbidden => TypedResults.Forbid(),
            ActOutcome.Invalid => TypedResults.ValidationProblem(errors.Localized(text)),
            ActOutcome.Conflict => TypedResults.Problem(new HttpValidationProblemDetails(errors.Localized(text)) { Status = StatusCodes.Status409Conflict, Title = "Conflict" }),
            _ => TypedResults.Ok(new SplitReceipt(children)),
        };
    }

    /// <summary>申请延期: the department asks for more time before the deadline passes.</summary>
    public static async Task<Results<Ok<CaseDetail>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> RequestExtension(
        CaseWork work, ShiganDb db, CurrentActor actor, TimeProvider clock, long caseId, ExtensionInput input, IStringLocalizer<UiText> text, CancellationToken ct) =>
        await Answer(await work.RequestExtensionAsync(caseId, input, ct), db, actor, clock, caseId, text, ct);

    /// <summary>A leader approves or refuses the pending extension.</summary>
    public static async Task<Results<Ok<CaseDetail>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> DecideExtension(
        CaseWork work, ShiganDb db, CurrentActor actor, TimeProvider clock, long caseId, ExtensionDecisionInput input, IStringLocalizer<UiText> text, CancellationToken ct) =>
        await Answer(await work.DecideExtensionAsync(caseId, input, ct), db, actor, clock, caseId, text, ct);

    private static async Task<Results<Ok<CaseDetail>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Answer(
        (ActOutcome Outcome, Api.FieldErrors Errors) result, ShiganDb db, CurrentActor actor, TimeProvider clock, long caseId, IStringLocalizer<UiText> text, CancellationToken ct) =>
        result.Outcome switch
        {
            ActOutcome.NotFound => TypedResults.NotFound(),
            ActOutcome.Forbidden => TypedResults.Forbid(),
            ActOutcome.Invalid => TypedResults.ValidationProblem(result.Errors.Localized(text)),
            ActOutcome.Conflict => TypedResults.Problem(new HttpValidationProblemDetails(result.Errors.Localized(text)) { Status = StatusCodes.Status409Conflict, Title = "Conflict" }),
            _ => TypedResults.Ok(Reveal((await CaseQueries.DetailAsync(db, caseId, clock.GetUtcNow().UtcDateTime, ct))!, actor)),
        };

    /// <summary>Reporters' names and phones (the merged duplicates' too) are for those who handle cases; others see them masked.</summary>
    public static CaseDetail Reveal(CaseDetail detail, CurrentActor actor) =>
        CaseRoles.MayReadReporters(actor.Role)
            ? detail
            : detail with
            {
                ReporterName = MaskName(detail.ReporterName),
                ReporterPhone = MaskPhone(detail.ReporterPhone),
                Duplicates = detail.Duplicates?.Select(d => d with { ReporterName = MaskName(d.ReporterName), ReporterPhone = MaskPhone(d.ReporterPhone) }).ToList(),
            };

    private static string? MaskName(string? name) => PersonNames.Mask(name) is { Length: > 0 } n ? n : null;

    private static string? MaskPhone(string? phone) => PhoneNumbers.Mask(phone) is { Length: > 0 } p ? p : null;
}
