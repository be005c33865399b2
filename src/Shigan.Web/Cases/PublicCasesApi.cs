using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Shigan.Core.Cases;
using Shigan.Data;
using Shigan.Web.Hosting;
using Shigan.Web.Localization;

namespace Shigan.Web.Cases;

/// <summary>
/// /public/cases — what a citizen does without an account: report a problem, follow it by its tracking number,
/// rate the outcome with the phone number given at the report. Rate-limited; no personal data in any answer.
/// </summary>
public static class PublicCasesApi
{
    public static void MapPublicCasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/public/cases").WithTags("Public").AllowAnonymous().RequireRateLimiting(ShiganHost.PublicLimiter);
        group.MapPost("/", Report);
        group.MapGet("/{number}", Track);
        group.MapPost("/{number}/rating", Rate);
    }

    public static async Task<Results<Created<PublicReceipt>, ValidationProblem>> Report(
        CaseIntake intake, ReportInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (receipt, errors) = await intake.ReportAsync(input with { Source = CaseSource.Web }, CaseSource.Web, ct);
        return receipt is null
            ? TypedResults.ValidationProblem(errors.Localized(text))
            : TypedResults.Created($"/public/cases/{receipt.TrackingNumber}", new PublicReceipt(receipt.TrackingNumber, receipt.DeadlineUtc));
    }

    public static async Task<Results<Ok<PublicCaseView>, NotFound>> Track(ShiganDb db, string number, CancellationToken ct) =>
        await CaseQueries.PublicAsync(db, number, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> Rate(
        CaseWork work, string number, PublicRating input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (outcome, errors) = await work.RateByReporterAsync(number, input, ct);
        return outcome switch
        {
            ActOutcome.Done => TypedResults.NoContent(),
            ActOutcome.Invalid => TypedResults.ValidationProblem(errors.Localized(text)),
            ActOutcome.Conflict => TypedResults.Problem(new HttpValidationProblemDetails(errors.Localized(text)) { Status = StatusCodes.Status409Conflict, Title = "Conflict" }),
            _ => TypedResults.NotFound(),
        };
    }
}

public sealed record PublicReceipt(string TrackingNumber, DateTime DeadlineUtc);
