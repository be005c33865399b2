using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Shigan.Data.Access;
using Shigan.Web.Localization;

namespace Shigan.Web.Hosting;

/// <summary>
/// Answers known failures with problem details instead of a 500: out of scope, conflicts, a database that is down, and
/// a request body the API could not read (a value of the wrong kind is named as a field error).
/// </summary>
public sealed class KnownFailureHandler(IProblemDetailsService problems, IStringLocalizer<UiText> text, ILogger<KnownFailureHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException { InnerException: JsonException json } && UnreadableField(json) is { } field)
        {
            return await WriteFieldErrorAsync(httpContext, exception, field);
        }

        var (status, title) = exception switch
        {
            // The database is down or restarting (checked first: a failed save arrives as a DbUpdateException).
            _ when IsDatabaseUnavailable(exception) => (StatusCodes.Status503ServiceUnavailable, "The database is not reachable; try again shortly."),
            // Same answer as a missing record: nobody learns whether another unit's record exists.
            OutOfScopeException => (StatusCodes.Status404NotFound, "Not Found"),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "The record was changed by someone else; reload and try again."),
            DbUpdateException => (StatusCodes.Status409Conflict, "The change conflicts with an existing record."),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request"),
            _ => (0, ""),
        };
        if (status == 0)
        {
            return false;
        }

        log.LogInformation("Refused {Path}: {Reason}", httpContext.Request.Path, exception.GetType().Name);
        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title },
        });
    }

    // "$.atUtc" or "$.milestones[0].dueDate" for a value of the wrong kind; none for broken JSON (a reader error,
    // whose path is only where reading stopped) or for the body as a whole.
    private static string? UnreadableField(JsonException json) =>
        json.InnerException?.GetType().Name == "JsonReaderException" || json.Path is null || json.Path.Length < 3 || !json.Path.StartsWith("$.", StringComparison.Ordinal)
            ? null
            : json.Path[2..];

    private async ValueTask<bool> WriteFieldErrorAsync(HttpContext httpContext, Exception exception, string field)
    {
        log.LogInformation("Refused {Path}: unreadable value of {Field}", httpContext.Request.Path, field);
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        // The localization middleware's culture does not flow back out to this handler: take the request's own.
        var culture = httpContext.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.CurrentUICulture;
        var before = CultureInfo.CurrentUICulture;
        string message;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            message = text["格式不对，请检查这一项"];
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = StatusCodes.Status400BadRequest,
            },
        });
    }

    private static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { IsTransient: true } or SocketException)
            {
                return true;
            }
        }

        return false;
    }
}
