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

    public static async Task<Results<Created<PublicReceipt>, ValidationProblem, ProblemHttpResult>> Report(
        HttpResponse response, CaseIntake intake, IntakeCommits commits, ReportInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (report, errors) = await intake.PrepareAsync(input with { Source = CaseSource.Web }, CaseSource.Web, null, ct);
        if (report is null)
        {
            return TypedResults.ValidationProblem(errors.Localized(text));
        }

        // Answered only once committed, with the reports that arrived at the same time (group commit).
        ReportReceipt receipt;
        try
        {
            receipt = await commits.SaveAsync(report, ct);
        }
        catch (IntakeUnavailableException)
        {
            response.Headers.RetryAfter = IntakeCommits.RetryAfterSeconds;
            return TypedResults.Problem(text["暂时无法保存，请稍后重新提交"], statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Created($"/public/cases/{receipt.TrackingNumber}", new PublicReceipt(receipt.TrackingNumber, receipt.DeadlineUtc));
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
