namespace Shigan.Web.Cases.Open311;

/// <summary>The two answer formats, chosen by the path's suffix as GeoReport v2 does (/services.xml, /services.json).</summary>
public enum Open311Format
{
    Xml,
    Json,
}

public static class Open311Formats
{
    public const string XmlType = "text/xml";
    public const string JsonType = "application/json";

    /// <summary>The format a suffix names; null for any other (the resource does not exist in that format).</summary>
    public static Open311Format? Parse(string? suffix) => suffix?.ToUpperInvariant() switch
    {
        "XML" => Open311Format.Xml,
        "JSON" => Open311Format.Json,
        _ => null,
    };

    /// <summary>The format a bare path's last segment asks for, for answers to paths no endpoint serves: XML unless ".json".</summary>
    public static Open311Format OfPath(PathString path) =>
        path.Value?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true ? Open311Format.Json : Open311Format.Xml;

    public static string ContentType(Open311Format format) => (format == Open311Format.Json ? JsonType : XmlType) + "; charset=utf-8";
}
