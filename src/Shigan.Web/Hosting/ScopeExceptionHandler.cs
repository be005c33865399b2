using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Shigan.Data.Access;

namespace Shigan.Web.Hosting;

/// <summary>Answers known failures with problem details instead of a 500.</summary>
public sealed class ScopeExceptionHandler(IProblemDetailsService problems, ILogger<ScopeExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
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
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title },
        });
    }
}
