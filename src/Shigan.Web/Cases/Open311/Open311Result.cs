namespace Shigan.Web.Cases.Open311;

/// <summary>An Open311 answer: a document in the asked format, or the spec's error list, with its HTTP status.</summary>
public sealed class Open311Result(int status, Open311Format format, string root, object payload) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => status;

    public static Open311Result Ok(Open311Format format, string root, object payload) => new(StatusCodes.Status200OK, format, root, payload);

    /// <summary>
    /// The error list: 404 for what does not exist, 403 for a missing or wrong api_key, 503 for a report the store could
    /// not take (send it again), 400 for anything else.
    /// </summary>
    public static Open311Result Errors(int status, Open311Format format, params IReadOnlyList<Open311Error> errors) =>
        new(status, format, "errors", errors);

    public static Open311Result Error(int status, Open311Format format, string description) =>
        Errors(status, format, new Open311Error(status, description));

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var body = Open311Writer.Write(format, root, payload);
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = Open311Formats.ContentType(format);
        httpContext.Response.ContentLength = body.Length;
        await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
