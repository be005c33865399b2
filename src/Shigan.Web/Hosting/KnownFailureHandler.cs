using System.Data.Common;
using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Shigan.Data.Access;

namespace Shigan.Web.Hosting;

/// <summary>Answers known failures with problem details instead of a 500: out of scope, conflicts, a database that is down.</summary>
public sealed class KnownFailureHandler(IProblemDetailsService problems, ILogger<KnownFailureHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
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
