using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Shigan.Web.Tests.Support;

/// <summary>Calls the API and reads its answers: JSON bodies, problem details.</summary>
internal static class ApiCalls
{
    public static async Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string url, string? contentType, string? body)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The JSON body of a response that must have the given status (the body is shown when it does not).</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {expected}, got {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return await response.JsonAsync(HttpStatusCode.OK);
    }

    /// <summary>Asserts an RFC 9457 problem body (content type, status matching the response, a title or field errors).</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var where = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode} {text}";
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"not a problem body: {where}");
        var body = JsonDocument.Parse(text).RootElement.Clone();
        Assert.True(body.TryGetProperty("status", out var status) && status.GetInt32() == (int)response.StatusCode, $"status missing or wrong: {where}");
        Assert.True(body.TryGetProperty("title", out _) || body.TryGetProperty("errors", out _), $"neither title nor errors: {where}");
        return body;
    }

    /// <summary>The field errors of a validation problem: field → messages.</summary>
    public static IReadOnlyDictionary<string, string[]> Errors(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString() ?? "").ToArray())
            : new Dictionary<string, string[]>();

    /// <summary>The body without what differs on every request (the trace id), for comparing two answers.</summary>
    public static string Comparable(string body)
    {
        if (body.Length == 0)
        {
            return "";
        }

        using var document = JsonDocument.Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return document.RootElement.GetRawText();
        }

        var kept = document.RootElement.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value.GetRawText()}");
        return string.Join(";", kept);
    }

    public static IEnumerable<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray();
}
