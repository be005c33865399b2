using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Shigan.Web.Api;

/// <summary>
/// Sends a file people uploaded (a case's attachment, a project's photo) so the browser never runs it: its own name,
/// no sniffing, a sandbox, and an ETag from its hash so a list of thumbnails is fetched once.
/// </summary>
public static class StoredFiles
{
    public static FileContentHttpResult Send(HttpContext http, byte[] content, string contentType, string fileName, string sha256, bool inline)
    {
        ArgumentNullException.ThrowIfNull(http);
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(fileName);
        var headers = http.Response.Headers;
        headers.ContentDisposition = disposition.ToString();
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        headers.CacheControl = "private, max-age=3600";
        return TypedResults.File(content, contentType, entityTag: new EntityTagHeaderValue($"\"{sha256}\""));
    }
}
