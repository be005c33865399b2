namespace Shigan.Web.Hosting;

/// <summary>
/// The browser-side defences every response carries: pages, API answers, static files, errors. Set when the response
/// starts, so error pages written later still get them; a header an endpoint chose itself (an attachment's stricter
/// sandbox policy) is kept.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts only from this site (blazor.web.js, AntDesign's script): no inline script, no eval. Styles also inline,
    /// because AntDesign's components position popups and set widths through style attributes. connect-src 'self'
    /// covers the circuit's WebSocket to the same host (CSP3 matches ws/wss for 'self'). Pictures may be data: and
    /// blob: URLs (the favicon, previews of a photo before it is sent).
    /// </summary>
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Nothing here needs the camera, microphone, location or payment APIs of the browser.</summary>
    public const string Permissions = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state => Add(((HttpContext)state).Response.Headers), context);
            return next(context);
        });

    private static Task Add(IHeaderDictionary headers)
    {
        headers.TryAdd("Content-Security-Policy", Policy);
        headers.TryAdd("X-Content-Type-Options", "nosniff");
        headers.TryAdd("X-Frame-Options", "DENY");
        // Paths such as /track/{number} carry a tracking number: other sites learn only the origin.
        headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.TryAdd("Permissions-Policy", Permissions);
        return Task.CompletedTask;
    }
}
