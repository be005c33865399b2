using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Shigan.Web.Tests.Attack;

/// <summary>
/// Builds every attack on one route ("METHOD pattern" from the route table): forged ids in each route parameter,
/// hostile query values for reads, and for writes broken JSON, wrong types per property, hostile strings and numbers
/// in every field, wrong content types and oversized bodies, each shaped by the OpenAPI document's request schema.
/// Every attack is meant to be refused; the runner tells the rare accepted one apart.
/// </summary>
internal sealed partial class AttackGenerator(OpenApiShapes shapes, IReadOnlyDictionary<string, string> targets)
{
    private const string RawMarker = "@@RAW@@";
    private const string Json = "application/json";

    /// <summary>Above the upload limits: staff's 50 MB, the citizens' 20 MB.</summary>
    public static long OversizedBytes(string pattern) => pattern.StartsWith("/public", StringComparison.Ordinal) ? 21L * 1024 * 1024 : 51L * 1024 * 1024;

    /// <summary>Query parameters of the Open311 reads (the spec's; our OpenAPI document leaves Open311 out).</summary>
    private static readonly string[] Open311Query = ["service_request_id", "service_code", "start_date", "end_date", "status", "api_key", "jurisdiction_id"];

    public IEnumerable<AttackRequest> For(string route)
    {
        var method = route.Split(' ')[0];
        var pattern = route[(method.Length + 1)..];
        var path = Constraint().Replace(pattern, "").TrimEnd('/');
        var methods = method == "ANY" ? ["GET", "POST", "PUT", "DELETE"] : new[] { method };
        foreach (var m in methods)
        {
            foreach (var attack in For(route, new HttpMethod(m), pattern, path))
            {
                yield return attack;
            }
        }
    }

    private IEnumerable<AttackRequest> For(string route, HttpMethod method, string pattern, string path)
    {
        var url = Fill(pattern, null, null);
        var body = method == HttpMethod.Get ? null : shapes.RequestBody(path, method.Method);
        var isJson = body is { MediaType: Json };
        var baseBody = isJson ? Serialize(shapes.Build(body!.Value.Schema, Valid)) : null;

        // Forged ids in each route parameter, with an otherwise plausible body.
        foreach (Match parameter in Parameter().Matches(pattern))
        {
            var name = parameter.Groups[1].Value;
            var forged = name == "format" ? ["html", "JSON%01", "xml.json", "%ED%A0%80", ""] : Payloads.ForgedIds;
            foreach (var id in forged)
            {
                yield return new(Payloads.UnknownIds, route, method, Fill(pattern, name, id), $"{name}={id}",
                    baseBody is null ? AttackRequest.NoBody : AttackRequest.Raw(baseBody, Json));
            }
        }

        if (method == HttpMethod.Get)
        {
            var query = path.StartsWith("/open311", StringComparison.Ordinal) ? Open311Query : shapes.QueryParameters(path, "GET");
            if (query.Count == 0)
            {
                // A read that takes no parameters must ignore the ones it is sent anyway.
                query = ["id"];
            }

            foreach (var name in query)
            {
                foreach (var (kind, value) in Payloads.QueryValues())
                {
                    yield return new(kind, route, method, $"{url}?{name}={value}", $"?{name}={Shorten(value)}", AttackRequest.NoBody);
                }
            }

            yield break;
        }

        if (body is { MediaType: OpenApiShapes.Multipart })
        {
            foreach (var attack in MultipartAttacks.For(route, method, url, OversizedBytes(pattern)))
            {
                yield return attack;
            }

            yield break;
        }

        if (!isJson)
        {
            yield break;
        }

        var schema = body!.Value.Schema;
        foreach (var (what, document) in Payloads.MalformedDocuments())
        {
            yield return new(Payloads.MalformedJson, route, method, url, what, AttackRequest.Raw(document, Json));
        }

        foreach (var (name, kind) in shapes.Properties(schema))
        {
            foreach (var wrong in WrongValues(kind))
            {
                var node = (JsonObject)shapes.Build(schema, Valid)!;
                node[name] = JsonNode.Parse(wrong);
                yield return new(Payloads.WrongType, route, method, url, $"{name}: {wrong}", AttackRequest.Raw(Serialize(node)!, Json));
            }
        }

        // Every string (and enum) of the body at once: whichever field checks the value refuses the request.
        foreach (var (kind, raw) in Payloads.JsonStrings())
        {
            var document = shapes.Build(schema, (leaf, s) => leaf is Leaf.String or Leaf.Enum ? RawMarker : Valid(leaf, s));
            if (Serialize(document) is { } text && text.AsSpan().IndexOf(Encoding.ASCII.GetBytes(RawMarker)) >= 0)
            {
                yield return new(kind, route, method, url, Shorten(Encoding.UTF8.GetString(raw)), AttackRequest.Raw(Replace(text, $"\"{RawMarker}\"", [(byte)'"', .. raw, (byte)'"']), Json));
            }
        }

        foreach (var number in Payloads.JsonNumbers)
        {
            var document = shapes.Build(schema, (leaf, s) => leaf is Leaf.Integer or Leaf.Number ? RawMarker : Valid(leaf, s));
            if (Serialize(document) is { } text && text.AsSpan().IndexOf(Encoding.ASCII.GetBytes(RawMarker)) >= 0)
            {
                yield return new(Payloads.Numbers, route, method, url, number, AttackRequest.Raw(Replace(text, $"\"{RawMarker}\"", Encoding.ASCII.GetBytes(number)), Json));
            }
        }

        // The right body with the wrong label, and labels with no body behind them.
        var plausible = baseBody ?? "{}"u8.ToArray();
        foreach (var contentType in new[] { "text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=utf-16", null })
        {
            yield return new(Payloads.ContentType, route, method, url, contentType ?? "no content type", AttackRequest.Raw(plausible, contentType));
        }

        yield return new(Payloads.ContentType, route, method, url, "multipart garbage",
            AttackRequest.Raw("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--"u8.ToArray(), "multipart/form-data; boundary=x"));

        // One string field of 31 MB: above the server's default limit of 30 MB (JSON endpoints set none of their own).
        var oversizedBody = shapes.Build(schema, (leaf, s) => leaf is Leaf.String ? RawMarker : Valid(leaf, s));
        if (Serialize(oversizedBody) is { } oversized && oversized.AsSpan().IndexOf(Encoding.ASCII.GetBytes(RawMarker)) >= 0)
        {
            const int size = 31 * 1024 * 1024;
            yield return new(Payloads.Oversized, route, method, url, "31 MB", () => AttackRequest.Raw(Replace(oversized, $"\"{RawMarker}\"", QuotedFill(size)), Json)());
        }
    }

    /// <summary>The route with its parameters filled from the targets, one of them replaced by <paramref name="value"/>.</summary>
    private string Fill(string pattern, string? name, string? value) =>
        Parameter().Replace(pattern, m => m.Groups[1].Value == name ? value! : targets[m.Groups[1].Value]).TrimEnd('/');

    /// <summary>A plausible value: strings in Chinese, the first enum member, zero (no record has id 0), false.</summary>
    private static JsonNode? Valid(Leaf leaf, JsonElement schema) => leaf switch
    {
        Leaf.Enum => JsonValue.Create(schema.GetProperty("enum").EnumerateArray().Select(e => e.ToString()).FirstOrDefault(e => e.Length > 0) ?? ""),
        Leaf.Integer or Leaf.Number => JsonValue.Create(0),
        Leaf.Boolean => JsonValue.Create(false),
        _ => JsonValue.Create("测试"),
    };

    private static string[] WrongValues(string kind) => kind switch
    {
        "integer" or "number" => ["\"abc\"", "true", "{}", "[1]"],
        "boolean" => ["\"yes\"", "2", "[]"],
        "array" => ["{}", "\"x\"", "5"],
        "object" => ["[]", "\"x\"", "5"],
        _ => ["5", "true", "{}", "[\"x\"]"],
    };

    private static byte[]? Serialize(JsonNode? node) => node is null ? null : JsonSerializer.SerializeToUtf8Bytes(node);

    private static byte[] Replace(byte[] text, string marker, byte[] with)
    {
        var find = Encoding.ASCII.GetBytes(marker);
        using var result = new MemoryStream(text.Length + with.Length);
        var span = text.AsSpan();
        int at;
        while ((at = span.IndexOf(find)) >= 0)
        {
            result.Write(span[..at]);
            result.Write(with);
            span = span[(at + find.Length)..];
        }

        result.Write(span);
        return result.ToArray();
    }

    /// <summary>A quoted JSON string of the given size.</summary>
    private static byte[] QuotedFill(int size)
    {
        var fill = new byte[size + 2];
        Array.Fill(fill, (byte)'o');
        fill[0] = fill[^1] = (byte)'"';
        return fill;
    }

    private static string Shorten(string text) => text.Length > 40 ? $"{text[..20]}…({text.Length} chars)" : text;

    [GeneratedRegex(":[^}]+")]
    private static partial Regex Constraint();

    [GeneratedRegex(@"\{\**([A-Za-z]+)(:[^}]+)?\}")]
    private static partial Regex Parameter();
}
