using System.Text;

namespace Shigan.Web.Tests.Attack;

/// <summary>
/// Uploads built byte by byte, as a broken or hostile client sends them: hostile values in every field and file name,
/// files that are no pictures, broken boundaries, the wrong content type, and bodies above the route's limit.
/// Every file is garbage, so every upload is refused.
/// </summary>
internal static class MultipartAttacks
{
    private const string Boundary = "----shigan-attack";

    private static readonly byte[] Garbage = "GIF89a? not really a picture <script>alert(1)</script>"u8.ToArray();

    public static IEnumerable<AttackRequest> For(string route, HttpMethod method, string url, long limit)
    {
        string[] fields = route.Contains("with-photos", StringComparison.Ordinal)
            ? ["categoryCode", "regionId", "address", "description", "reporterName", "reporterPhone", "latitude", "longitude"]
            : ["note", "version"];
        string[] numeric = ["regionId", "latitude", "longitude", "version"];

        foreach (var (kind, raw) in Payloads.JsonStrings())
        {
            var parts = fields.Select(f => (f, raw)).ToList();
            yield return new(kind, route, method, url, $"every field and the file name: {Preview(raw)}",
                AttackRequest.Raw(Form(parts, [(raw, Garbage)]), $"multipart/form-data; boundary={Boundary}"));
        }

        foreach (var number in Payloads.JsonNumbers)
        {
            var parts = fields.Select(f => (f, Encoding.ASCII.GetBytes(numeric.Contains(f) ? number.Trim('"') : "测试"))).ToList();
            yield return new(Payloads.Numbers, route, method, url, number, AttackRequest.Raw(Form(parts, [("a.png"u8.ToArray(), Garbage)]), $"multipart/form-data; boundary={Boundary}"));
        }

        var plain = Form([.. fields.Select(f => (f, "测试"u8.ToArray()))], [("a.png"u8.ToArray(), Garbage)]);
        foreach (var (what, body, contentType) in new (string, byte[], string?)[]
        {
            ("JSON for a form", """{"note": "x", "files": []}"""u8.ToArray(), "application/json"),
            ("a URL-encoded form", "note=x&version=1"u8.ToArray(), "application/x-www-form-urlencoded"),
            ("text/plain", plain, "text/plain"),
            ("multipart without a boundary", plain, "multipart/form-data"),
            ("another boundary than the body's", plain, "multipart/form-data; boundary=other"),
            ("no closing boundary", plain[..^8], $"multipart/form-data; boundary={Boundary}"),
            ("multipart garbage", "\r\n--\r\n--\r\n\0\0\0"u8.ToArray(), $"multipart/form-data; boundary={Boundary}"),
            ("a part without headers", Encoding.UTF8.GetBytes($"--{Boundary}\r\n\r\nx\r\n--{Boundary}--\r\n"), $"multipart/form-data; boundary={Boundary}"),
            ("a 300-part form", Form([.. Enumerable.Range(0, 300).Select(i => ("note", "x"u8.ToArray()))], []), $"multipart/form-data; boundary={Boundary}"),
            ("no content type", plain, null),
        })
        {
            yield return new(Payloads.ContentType, route, method, url, what, AttackRequest.Raw(body, contentType));
        }

        yield return new(Payloads.Oversized, route, method, url, $"{(limit / 1024 / 1024) + 1} MB file",
            () => AttackRequest.Raw(Form([], [("big.png"u8.ToArray(), new byte[limit + (1024 * 1024)])]), $"multipart/form-data; boundary={Boundary}")());
    }

    /// <summary>A multipart body: fields, then files under "files" with the given names.</summary>
    private static byte[] Form(IEnumerable<(string Name, byte[] Value)> fields, IEnumerable<(byte[] Name, byte[] Content)> files)
    {
        using var body = new MemoryStream();
        foreach (var (name, value) in fields)
        {
            body.Write(Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n"));
            body.Write(value);
            body.Write("\r\n"u8);
        }

        foreach (var (name, content) in files)
        {
            body.Write(Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\""));
            body.Write(name);
            body.Write("\"\r\nContent-Type: image/png\r\n\r\n"u8);
            body.Write(content);
            body.Write("\r\n"u8);
        }

        body.Write(Encoding.UTF8.GetBytes($"--{Boundary}--\r\n"));
        return body.ToArray();
    }

    private static string Preview(byte[] raw) => raw.Length > 40 ? $"{raw.Length} bytes" : Encoding.UTF8.GetString(raw);
}
