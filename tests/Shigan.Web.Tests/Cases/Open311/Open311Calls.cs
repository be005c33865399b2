using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Cases.Open311;

/// <summary>Speaks GeoReport v2 as a client does: form posts, .json and .xml answers, and the keys an admin issues.</summary>
internal static class Open311Calls
{
    public const string Base = "/open311/v2";
    public const string Phone = "13812345678";
    public const string FirstName = "秀英";
    public const string LastName = "王";
    public const string Description = "河边排污口冒黑水，气味很重";

    public static readonly string[] Formats = ["json", "xml"];

    private static readonly string[] ErrorFields = ["code", "description"];

    /// <summary>Issues a key through the admin API (201 required) and returns it with the client's id.</summary>
    public static async Task<(int Id, string Key)> IssueKeyAsync(this ShiganApp app, string name)
    {
        var admin = await app.SessionAsync("admin");
        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/api/open311-clients", new { name });
        var issued = await response.JsonAsync(HttpStatusCode.Created);
        return (issued.GetProperty("id").GetInt32(), issued.GetProperty("key").GetString()!);
    }

    /// <summary>A complete request for 河道污染 (ZF04, which asks which kinds of pollution) in the given village.</summary>
    public static List<KeyValuePair<string, string>> Form(string key, string addressId, string code = "ZF04") =>
    [
        new("api_key", key),
        new("service_code", code),
        new("address_id", addressId),
        new("address_string", "村东桥下排污口"),
        new("lat", "28.9012"),
        new("long", "118.5123"),
        new("description", Description),
        new("first_name", FirstName),
        new("last_name", LastName),
        new("phone", Phone),
        new("email", "wang@example.com"),
        new("attribute[kind][]", "sewage"),
        new("attribute[kind][]", "smell"),
    ];

    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> form, string name, string? value)
    {
        var changed = form.Where(f => f.Key != name).ToList();
        if (value is not null)
        {
            changed.Add(new(name, value));
        }

        return changed;
    }

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string format, IEnumerable<KeyValuePair<string, string>> form)
    {
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync($"{Base}/requests.{format}", content);
    }

    /// <summary>Files a request (200 required) and returns its service_request_id and token.</summary>
    public static async Task<(string Id, string Token)> FileAsync(this HttpClient client, IEnumerable<KeyValuePair<string, string>> form)
    {
        using var response = await client.PostAsync("json", form);
        var receipt = (await response.JsonAsync(HttpStatusCode.OK))[0];
        return (receipt.GetProperty("service_request_id").GetString()!, receipt.GetProperty("token").GetString()!);
    }

    /// <summary>The JSON body of an answer that must have the status, with the spec's content type.</summary>
    public static async Task<JsonElement> Open311JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return await response.JsonAsync(expected);
    }

    /// <summary>The XML body of an answer that must have the status: declared UTF-8, no namespace, text/xml.</summary>
    public static async Task<XElement> XmlAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri}: expected {expected}, got {(int)response.StatusCode} {text}");
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.Ordinal);
        var root = XDocument.Parse(text).Root!;
        Assert.Equal(XNamespace.None, root.Name.Namespace);
        return root;
    }

    public static async Task<JsonElement> GetOpen311JsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(Base + path);
        return await response.Open311JsonAsync(HttpStatusCode.OK);
    }

    public static async Task<XElement> GetXmlAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(Base + path);
        return await response.XmlAsync(HttpStatusCode.OK);
    }

    /// <summary>The names of an object's fields, in order.</summary>
    public static string[] Names(this JsonElement item) => [.. item.EnumerateObject().Select(p => p.Name)];

    /// <summary>Asserts an element's name and its children's names, in order.</summary>
    public static void AssertShape(this XElement element, string name, string[] fields)
    {
        Assert.Equal(name, element.Name.LocalName);
        Assert.Equal(fields, element.Names());
    }

    /// <summary>The names of an element's children, in order.</summary>
    public static string[] Names(this XElement element) => [.. element.Elements().Select(e => e.Name.LocalName)];

    /// <summary>
    /// Cases written straight to the database, in the given order (so ids follow the times given in ascending order),
    /// as if reported then; returns their tracking numbers. Much faster than filing each through the API.
    /// </summary>
    public static Task<List<string>> InsertCasesAsync(this ShiganApp app, string category, string regionCode, IEnumerable<(DateTime ReportedUtc, CaseStatus Status)> cases) =>
        app.WithDbAsync(async db =>
        {
            var kind = await db.CaseCategories.SingleAsync(c => c.Code == category);
            var place = await db.Regions.SingleAsync(r => r.Code == regionCode);
            var added = cases.Select(c => new Case
            {
                CategoryId = kind.Id,
                Platform = kind.Platform,
                Status = c.Status,
                Source = CaseSource.Hotline,
                RegionId = place.Id,
                RegionPath = place.RegionPath,
                Description = "批量写入的事件",
                ReporterPhone = Phone,
                ReportedAtUtc = c.ReportedUtc,
                DeadlineUtc = c.ReportedUtc.AddDays(3),
                Version = 1,
            }).ToList();
            db.Cases.AddRange(added);
            await db.SaveChangesAsync();
            return added.Select(c => c.TrackingNumber).ToList();
        });

    /// <summary>
    /// Asserts the spec's error list in the asked format, with the status: one or more errors, each a code and a
    /// description; returns the descriptions.
    /// </summary>
    public static async Task<string[]> ErrorsAsync(this HttpResponseMessage response, string format, HttpStatusCode expected)
    {
        if (format == "json")
        {
            var errors = await response.Open311JsonAsync(expected);
            Assert.Equal(JsonValueKind.Array, errors.ValueKind);
            Assert.NotEmpty(errors.EnumerateArray());
            Assert.All(errors.EnumerateArray(), e => Assert.Equal(ErrorFields, e.Names()));
            Assert.All(errors.EnumerateArray(), e => Assert.Equal((int)expected, e.GetProperty("code").GetInt32()));
            return [.. errors.EnumerateArray().Select(e => e.GetProperty("description").GetString()!)];
        }

        var root = await response.XmlAsync(expected);
        Assert.Equal("errors", root.Name.LocalName);
        Assert.NotEmpty(root.Elements());
        Assert.All(root.Elements(), e => e.AssertShape("error", ErrorFields));
        Assert.All(root.Elements(), e => Assert.Equal(((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Element("code")!.Value));
        return [.. root.Elements().Select(e => e.Element("description")!.Value)];
    }
}
