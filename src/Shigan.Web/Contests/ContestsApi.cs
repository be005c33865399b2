using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Shigan.Core.Contests;
using Shigan.Data;
using Shigan.Data.Contests;
using Shigan.Web.Access;
using Shigan.Web.Api;
using Shigan.Web.Cases;
using Shigan.Web.Localization;

namespace Shigan.Web.Contests;

/// <summary>
/// /api/contests — defining contests, computing and publishing their sheets, judges' scores, explanations and rank
/// history. Reading follows <see cref="ContestAccess"/> (participants read the whole table); changing a contest or a
/// sheet takes the manage policy and the organiser in scope; no route edits a published sheet's figures.
/// </summary>
public static class ContestsApi
{
    public static RouteGroupBuilder MapContestsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/contests").WithTags("Contests");
        group.MapGet("/", List);
        group.MapGet("/sources", Sources);
        group.MapGet("/{contestId:int}", Get);
        group.MapGet("/{contestId:int}/periods", Periods);
        group.MapGet("/{contestId:int}/sheets/{sheetId:int}", Sheet);
        group.MapGet("/{contestId:int}/sheets/{sheetId:int}/export", Export);
        group.MapGet("/{contestId:int}/sheets/{sheetId:int}/explain", Explain);
        group.MapGet("/{contestId:int}/history/{regionId:int}", History);
        group.MapPost("/{contestId:int}/scores", Score);
        var manage = group.MapGroup("").RequireAuthorization(Policies.ManageContests);
        manage.MapPost("/", Create);
        manage.MapPut("/{contestId:int}", Update);
        manage.MapPost("/{contestId:int}/judges", InviteJudge);
        manage.MapPost("/{contestId:int}/sheets", Compute);
        manage.MapPost("/{contestId:int}/sheets/{sheetId:int}/publish", Publish);
        manage.MapPost("/{contestId:int}/sheets/{sheetId:int}/correct", Correct);
        manage.MapPost("/{contestId:int}/sheets/{sheetId:int}/freeze", Freeze);
        return api;
    }

    public static async Task<Ok<Page<ContestSummary>>> List(ShiganDb db, int? regionId, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await ContestQueries.ListAsync(db, regionId, page, pageSize, ct));

    /// <summary>The computed indicators a contest may use: the same for everyone.</summary>
    public static Ok<List<SourceItem>> Sources(IndicatorSources sources, IStringLocalizer<UiText> text) =>
        TypedResults.Ok(sources.All.OrderBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => new SourceItem(s.Code, text[s.Name], text[s.Unit], s.Direction, text[s.RecordsAre])).ToList());

    public static async Task<Results<Ok<ContestDetail>, NotFound>> Get(ShiganDb db, CurrentActor actor, int contestId, CancellationToken ct) =>
        await ContestQueries.DetailAsync(db, contestId, actor.UserId, ct) is { } c ? TypedResults.Ok(c) : TypedResults.NotFound();

    public static async Task<Results<Ok<List<PeriodItem>>, NotFound>> Periods(ShiganDb db, TimeProvider clock, int contestId, CancellationToken ct) =>
        await ContestQueries.PeriodsAsync(db, contestId, clock.GetUtcNow().UtcDateTime, ct: ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();

    public static async Task<Results<Ok<SheetView>, NotFound>> Sheet(ShiganDb db, int contestId, int sheetId, CancellationToken ct) =>
        await ContestQueries.SheetAsync(db, contestId, sheetId, ct) is { } s ? TypedResults.Ok(s) : TypedResults.NotFound();

    public static async Task<Results<FileContentHttpResult, NotFound>> Export(
        ShiganDb db, IStringLocalizer<UiText> text, int contestId, int sheetId, CancellationToken ct)
    {
        if (await ContestQueries.SheetAsync(db, contestId, sheetId, ct) is not { } sheet)
        {
            return TypedResults.NotFound();
        }

        var name = $"{sheet.ContestName}-{sheet.Label}-v{sheet.Version}.xlsx";
        return TypedResults.File(await SheetExport.WorkbookAsync(sheet, text, ct), CaseExportApi.ContentType, name);
    }

    public static async Task<Results<Ok<ExplainView>, NotFound>> Explain(
        ShiganDb db, IndicatorSources sources, int contestId, int sheetId, int? a, int? b, CancellationToken ct) =>
        a is { } first && b is { } second && await ContestQueries.ExplainAsync(db, sources, contestId, sheetId, first, second, ct) is { } e
            ? TypedResults.Ok(e)
            : TypedResults.NotFound();

    public static async Task<Results<Ok<HistoryView>, NotFound>> History(ShiganDb db, int contestId, int regionId, CancellationToken ct) =>
        await ContestQueries.HistoryAsync(db, contestId, regionId, ct) is { } h ? TypedResults.Ok(h) : TypedResults.NotFound();

    public static async Task<Results<Created<ContestDetail>, ValidationProblem>> Create(
        ShiganDb db, IndicatorSources sources, TimeProvider clock, ContestInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (contest, errors) = await ContestCommands.CreateAsync(db, sources, input, clock.GetUtcNow().UtcDateTime, ct);
        return contest is null ? TypedResults.ValidationProblem(errors.Localized(text)) : TypedResults.Created($"/api/contests/{contest.Id}", contest);
    }

    public static async Task<Results<Ok<ContestDetail>, NotFound, ValidationProblem>> Update(
        ShiganDb db, IndicatorSources sources, int contestId, ContestInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (contest, errors) = await ContestCommands.UpdateAsync(db, sources, contestId, input, ct);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.Localized(text));
        }

        return contest is null ? TypedResults.NotFound() : TypedResults.Ok(contest);
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem>> InviteJudge(
        ShiganDb db, TimeProvider clock, int contestId, JudgeInvite input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (found, errors) = await ContestCommands.InviteJudgeAsync(db, contestId, input, clock.GetUtcNow().UtcDateTime, ct);
        if (!found)
        {
            return TypedResults.NotFound();
        }

        return errors.Any ? TypedResults.ValidationProblem(errors.Localized(text)) : TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult, ValidationProblem>> Score(
        ShiganDb db, CurrentActor actor, TimeProvider clock, int contestId, JudgeScoreInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (outcome, errors) = await JudgeCommands.ScoreAsync(db, actor, contestId, input, clock.GetUtcNow().UtcDateTime, ct);
        return outcome switch
        {
            SheetOutcome.Done => TypedResults.NoContent(),
            SheetOutcome.NotFound => TypedResults.NotFound(),
            // Not invited: 403 with the reason.
            SheetOutcome.Conflict => TypedResults.Problem(new HttpValidationProblemDetails(errors.Localized(text)) { Status = StatusCodes.Status403Forbidden, Title = "Forbidden" }),
            _ => TypedResults.ValidationProblem(errors.Localized(text)),
        };
    }

    public static async Task<Results<Created<SheetView>, NotFound, ValidationProblem>> Compute(
        ShiganDb db, IDbContextFactory<ShiganDb> readers, IndicatorSources sources, CurrentActor actor, TimeProvider clock, int contestId, ComputeInput input,
        IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (outcome, sheetId, errors) = await SheetCommands.ComputeAsync(db, sources, contestId, input, actor.Name, clock.GetUtcNow().UtcDateTime, readers, ct);
        return await CreatedOr(db, outcome, contestId, sheetId, errors, text, ct);
    }

    public static async Task<Results<Ok<SheetView>, NotFound, ProblemHttpResult, ValidationProblem>> Publish(
        ShiganDb db, CurrentActor actor, TimeProvider clock, int contestId, int sheetId, PublishInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (outcome, errors) = await SheetCommands.PublishAsync(db, contestId, sheetId, input, actor.Name, clock.GetUtcNow().UtcDateTime, ct);
        return await OkOr(db, outcome, contestId, sheetId, errors, text, ct);
    }

    public static async Task<Results<Created<SheetView>, NotFound, ValidationProblem>> Correct(
        ShiganDb db, IDbContextFactory<ShiganDb> readers, IndicatorSources sources, CurrentActor actor, TimeProvider clock, int contestId, int sheetId, CorrectInput input,
        IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (outcome, newId, errors) = await SheetCommands.CorrectAsync(db, sources, contestId, sheetId, input, actor.Name, clock.GetUtcNow().UtcDateTime, readers, ct);
        return await CreatedOr(db, outcome, contestId, newId, errors, text, ct);
    }

    public static async Task<Results<Ok<SheetView>, NotFound, ProblemHttpResult, ValidationProblem>> Freeze(
        ShiganDb db, TimeProvider clock, int contestId, int sheetId, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (outcome, errors) = await SheetCommands.FreezeAsync(db, contestId, sheetId, clock.GetUtcNow().UtcDateTime, ct);
        return await OkOr(db, outcome, contestId, sheetId, errors, text, ct);
    }

    private static async Task<Results<Created<SheetView>, NotFound, ValidationProblem>> CreatedOr(
        ShiganDb db, SheetOutcome outcome, int contestId, int? sheetId, FieldErrors errors, IStringLocalizer text, CancellationToken ct) => outcome switch
        {
            SheetOutcome.Done => TypedResults.Created($"/api/contests/{contestId}/sheets/{sheetId}", (await ContestQueries.SheetAsync(db, contestId, sheetId!.Value, ct))!),
            SheetOutcome.NotFound => TypedResults.NotFound(),
            _ => TypedResults.ValidationProblem(errors.Localized(text)),
        };

    private static async Task<Results<Ok<SheetView>, NotFound, ProblemHttpResult, ValidationProblem>> OkOr(
        ShiganDb db, SheetOutcome outcome, int contestId, int sheetId, FieldErrors errors, IStringLocalizer text, CancellationToken ct) => outcome switch
        {
            SheetOutcome.Done => TypedResults.Ok((await ContestQueries.SheetAsync(db, contestId, sheetId, ct))!),
            SheetOutcome.NotFound => TypedResults.NotFound(),
            SheetOutcome.Conflict => TypedResults.Problem(new HttpValidationProblemDetails(errors.Localized(text)) { Status = StatusCodes.Status409Conflict, Title = "Conflict" }),
            _ => TypedResults.ValidationProblem(errors.Localized(text)),
        };
}
