using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shigan.Web.Tests.Attack;

/// <summary>A scalar of a request body, as the OpenAPI document types it.</summary>
internal enum Leaf
{
    String,
    Enum,
    Integer,
    Number,
    Boolean,
}

/// <summary>
/// Request bodies and query parameters as the host's own OpenAPI document describes them, and bodies built in their
/// shape with every scalar chosen by the caller (so one attack can fill every string, or every number, of a body).
/// </summary>
internal sealed class OpenApiShapes(JsonElement document)
{
    public const string Multipart = "multipart/form-data";

    /// <summary>The request's media type and schema, or null when the operation takes no body.</summary>
    public (string MediaType, JsonElement Schema)? RequestBody(string path, string method)
    {
        if (Operation(path, method) is not { } operation || !operation.TryGetProperty("requestBody", out var body)
            || !body.TryGetProperty("content", out var content))
        {
            return null;
        }

        var first = content.EnumerateObject().Select(c => (c.Name, c.Value)).ToList();
        var (mediaType, media) = first.FirstOrDefault(c => c.Name == "application/json") is { Name: not null } json ? json : first.FirstOrDefault();
        return mediaType is null ? null : (mediaType, media.TryGetProperty("schema", out var schema) ? schema : default);
    }

    public IReadOnlyList<string> QueryParameters(string path, string method) =>
        Operation(path, method) is { } operation && operation.TryGetProperty("parameters", out var parameters)
            ? [.. parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!)]
            : [];

    /// <summary>A body in the schema's shape: objects with all their properties, arrays with one item, scalars from <paramref name="leaf"/>.</summary>
    public JsonNode? Build(JsonElement schema, Func<Leaf, JsonElement, JsonNode?> leaf, int depth = 0)
    {
        var s = Resolve(schema);
        if (depth > 5 || s.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        switch (KindOf(s))
        {
            case "object":
                var result = new JsonObject();
                if (s.TryGetProperty("properties", out var properties))
                {
                    foreach (var p in properties.EnumerateObject())
                    {
                        result[p.Name] = Build(p.Value, leaf, depth + 1);
                    }
                }

                return result;
            case "array":
                return s.TryGetProperty("items", out var items) ? new JsonArray(Build(items, leaf, depth + 1)) : [];
            case "enum":
                return leaf(Leaf.Enum, s);
            case "integer":
                return leaf(Leaf.Integer, s);
            case "number":
                return leaf(Leaf.Number, s);
            case "boolean":
                return leaf(Leaf.Boolean, s);
            default:
                return leaf(Leaf.String, s);
        }
    }

    /// <summary>The top-level properties of an object schema and the kind of each.</summary>
    public IReadOnlyList<(string Name, string Kind)> Properties(JsonElement schema)
    {
        var s = Resolve(schema);
        return s.ValueKind == JsonValueKind.Object && s.TryGetProperty("properties", out var properties)
            ? [.. properties.EnumerateObject().Select(p => (p.Name, KindOf(Resolve(p.Value))))]
            : [];
    }

    /// <summary>The schema's type, a nullable one read as its other type; numbers that may come as strings read as numbers.</summary>
    public static string KindOf(JsonElement s)
    {
        if (s.ValueKind != JsonValueKind.Object)
        {
            return "string";
        }

        if (s.TryGetProperty("enum", out _))
        {
            return "enum";
        }

        if (!s.TryGetProperty("type", out var type))
        {
            return s.TryGetProperty("properties", out _) ? "object" : "string";
        }

        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
        foreach (var kind in new[] { "object", "array", "integer", "number", "boolean", "string" })
        {
            if (types.Contains(kind))
            {
                return kind;
            }
        }

        return "string";
    }

    /// <summary>The schema behind a reference or a nullable wrapper (oneOf/anyOf/allOf with one real member).</summary>
    public JsonElement Resolve(JsonElement schema, int depth = 0)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth > 10)
        {
            return schema;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return Resolve(document.GetProperty("components").GetProperty("schemas").GetProperty(name), depth + 1);
        }

        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var members))
            {
                var real = members.EnumerateArray().Select(m => Resolve(m, depth + 1))
                    .FirstOrDefault(m => !(m.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));
                return real.ValueKind == JsonValueKind.Object ? real : schema;
            }
        }

        return schema;
    }

    private JsonElement? Operation(string path, string method) =>
        document.GetProperty("paths").TryGetProperty(path, out var item) && item.TryGetProperty(method.ToLowerInvariant(), out var operation)
            ? operation
            : null;
}
