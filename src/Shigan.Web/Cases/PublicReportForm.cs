namespace Shigan.Web.Cases;

/// <summary>
/// The citizens' report form (/report) posted too large — photos past the page's request limit, or a field past the
/// form reader's — would fail where the framework reads the form (antiforgery, then the page) with a bare 400. Read
/// here first: the page then reads the same form without reading it again; a form that cannot be read sends the
/// citizen back to the page with a message saying why (nothing is saved).
/// </summary>
public static class PublicReportForm
{
    public const string Path = "/report";

    /// <summary>The page's query parameter that says why a post came back, and its value for a form too large to read.</summary>
    public const string Problem = "problem";

    /// <inheritdoc cref="Problem"/>
    public const string TooLarge = "too-large";

    public static IApplicationBuilder UsePublicReportForm(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var request = http.Request;
            if (HttpMethods.IsPost(request.Method) && request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase) && request.HasFormContentType
                && !await CanReadAsync(http))
            {
                // 303: the browser comes back with a GET, not by posting the same body again.
                http.Response.StatusCode = StatusCodes.Status303SeeOther;
                http.Response.Headers.Location = $"{request.PathBase}{Path}?{Problem}={TooLarge}";
                return;
            }

            await next(http);
        });

    private static async Task<bool> CanReadAsync(HttpContext http)
    {
        // Past the page's own limit (its RequestSizeLimit): refused before anything is read.
        if (http.Request.ContentLength > CaseAttachmentsApi.MaxUploadBytes)
        {
            return false;
        }

        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
            return true;
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return false;
        }
    }
}
