using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace Shigan.Web.Cases.Open311;

/// <summary>
/// Writes a document in either format from one model: JSON with the spec's snake_case names, and XML by the Spark
/// convention the spec derives its JSON from (an object's fields are child elements; a list is a container element
/// whose items are named in the singular: services/service, service_requests/request, errors/error …).
/// </summary>
public static class Open311Writer
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // Chinese stays readable; the body is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly Dictionary<string, string> ItemNames = new(StringComparer.Ordinal)
    {
        ["services"] = "service",
        ["service_requests"] = "request",
        ["errors"] = "error",
        ["attributes"] = "attribute",
        ["values"] = "value",
        ["endpoints"] = "endpoint",
        ["formats"] = "format",
    };

    private static readonly XmlWriterSettings Xml = new() { Encoding = new UTF8Encoding(false), Indent = false };

    /// <param name="root">The XML root element: "services", "service_definition", "service_requests", "errors", "discovery".</param>
    public static byte[] Write(Open311Format format, string root, object payload)
    {
        if (format == Open311Format.Json)
        {
            return JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType(), Json);
        }

        var node = JsonSerializer.SerializeToNode(payload, payload.GetType(), Json);
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, Xml))
        {
            xml.WriteStartDocument();
            Element(xml, root, node);
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void Element(XmlWriter xml, string name, JsonNode? node)
    {
        xml.WriteStartElement(name);
        switch (node)
        {
            case JsonObject fields:
                foreach (var (field, value) in fields)
                {
                    Element(xml, field, value);
                }

                break;
            case JsonArray items:
                var item = ItemNames.GetValueOrDefault(name, "item");
                foreach (var value in items)
                {
                    Element(xml, item, value);
                }

                break;
            case JsonValue value:
                xml.WriteString(XmlSafe(value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()));
                break;
        }

        xml.WriteEndElement();
    }

    // Stored text is checked for control characters at intake, but an XML writer would throw on one left over.
    private static string XmlSafe(string text) =>
        text.All(XmlConvert.IsXmlChar) ? text : new string(text.Where(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)).ToArray());
}
