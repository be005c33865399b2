using System.Net.Http.Headers;

namespace Shigan.Web.Tests.Attack;

/// <summary>
/// One hostile request: its class (for the tally), the route it aims at, and a body made when it is sent (bodies of
/// tens of megabytes are not all held at once).
/// </summary>
internal sealed record AttackRequest(string Class, string Route, HttpMethod Method, string Url, string What, Func<HttpContent?> Body)
{
    public static Func<HttpContent?> NoBody { get; } = () => null;

    /// <summary>Raw bytes with the given content type (none when null).</summary>
    public static Func<HttpContent?> Raw(byte[] bytes, string? contentType) => () =>
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        return content;
    };

    public HttpRequestMessage Message()
    {
        var request = new HttpRequestMessage(Method, Url) { Content = Body() };
        return request;
    }
}
