using System.Text;

namespace Shigan.Web.Tests.Attack;

/// <summary>
/// POST /open311/v2/requests.{format}: the form parser fed duplicated keys, broken attribute[ brackets, huge fields and
/// invalid percent-encoding, each with a valid api_key so the parser's output really reaches the intake. Each form is
/// broken somewhere the intake must notice.
/// </summary>
internal static class Open311FormAttacks
{
    private const string Form = "application/x-www-form-urlencoded";

    public static IEnumerable<AttackRequest> For(string route, string key, string villageCode)
    {
        var valid = $"api_key={Uri.EscapeDataString(key)}&service_code=ZF04&address_id={villageCode}&lat=28.9&long=118.5"
            + $"&description={Uri.EscapeDataString("河边排污口冒黑水")}&phone=13812345678&attribute[kind][]=sewage";
        foreach (var format in new[] { "json", "xml" })
        {
            var url = $"/open311/v2/requests.{format}";
            AttackRequest Post(string kind, string what, string body, string? contentType = Form) =>
                new(kind, route, HttpMethod.Post, url, $"{format}: {what}", AttackRequest.Raw(Encoding.ASCII.GetBytes(body), contentType));

            yield return Post(Payloads.FormDuplicates, "service_code twice", $"{valid}&service_code=SC01");
            yield return Post(Payloads.FormDuplicates, "api_key twice", $"{valid}&api_key=guessed");
            yield return Post(Payloads.FormDuplicates, "address_id twice", $"{valid}&address_id=330822000000");
            yield return Post(Payloads.FormDuplicates, "lat twice", $"{valid}&lat=29.0");
            yield return Post(Payloads.FormDuplicates, "phone twice", $"{valid}&phone=13900000000");
            yield return Post(Payloads.FormDuplicates, "an empty key, repeated", $"{valid}&=&=&=x&&&");

            // Each with an unknown service_code, so the intake refuses whatever the brackets make of the answers.
            foreach (var brackets in new[] { "attribute[kind", "attribute[kind]]", "attribute[[kind]", "attribute[]", "attribute[kind][][]", "attribute[kind][x]", "attribute%5Bkind", $"attribute[{new string('k', 300)}]" })
            {
                yield return Post(Payloads.FormBrackets, brackets.Length > 40 ? "a 300-character attribute code" : brackets, $"{valid.Replace("service_code=ZF04", "service_code=NOPE", StringComparison.Ordinal)}&{brackets}=1");
            }

            yield return Post(Payloads.FormBrackets, "attribute[kind][] with an unknown value", $"{valid}&attribute[kind][]=%3Cscript%3E");
            yield return Post(Payloads.FormBrackets, "attribute[kind] as a single value with SQL", $"{valid.Replace("attribute[kind][]=sewage", "", StringComparison.Ordinal)}&attribute[kind]=%27%20OR%201%3D1%20--");

            yield return Post(Payloads.FormHuge, "a 70 KB description (above 64 KB)", $"{valid}&description={new string('d', 70 * 1024)}");
            yield return Post(Payloads.FormHuge, "a 60 KB description", valid.Replace("description=", $"description={new string('d', 60 * 1024)}", StringComparison.Ordinal));
            yield return Post(Payloads.FormHuge, "a 300-character key", $"{valid}&{new string('k', 300)}=1");
            yield return Post(Payloads.FormHuge, "300 fields", valid + string.Concat(Enumerable.Range(0, 300).Select(i => $"&f{i}=1")));
            yield return Post(Payloads.FormHuge, "a 5,000-character phone", valid.Replace("phone=13812345678", $"phone={new string('1', 5000)}", StringComparison.Ordinal));
            yield return Post(Payloads.FormHuge, "a 2 MB body", $"{valid}&x={new string('x', 2 * 1024 * 1024)}");

            foreach (var bad in new[] { "%ZZ", "%", "%4", "%C3%28", "%ED%A0%80", "%FF%FE", "%00", "%E4%B8" })
            {
                yield return Post(Payloads.FormEncoding, $"service_code={bad}", valid.Replace("service_code=ZF04", $"service_code={bad}", StringComparison.Ordinal));
            }

            yield return Post(Payloads.FormEncoding, "a broken key", $"{valid.Replace("service_code=ZF04", "service_code=NOPE", StringComparison.Ordinal)}&%ZZ%=1");
            yield return Post(Payloads.FormEncoding, "a lat of NaN", valid.Replace("lat=28.9", "lat=NaN", StringComparison.Ordinal));
            yield return Post(Payloads.FormEncoding, "a long of 1e400", valid.Replace("long=118.5", "long=1e400", StringComparison.Ordinal));
            yield return Post(Payloads.FormEncoding, "a lat of -Infinity", valid.Replace("lat=28.9", "lat=-Infinity", StringComparison.Ordinal));
            yield return Post(Payloads.FormEncoding, "a lat of 91", valid.Replace("lat=28.9", "lat=91", StringComparison.Ordinal));

            foreach (var (kind, raw) in Payloads.QueryValues())
            {
                yield return Post(kind, $"service_code={(raw.Length > 40 ? "…" : raw)}", valid.Replace("service_code=ZF04", $"service_code={raw}", StringComparison.Ordinal));
                yield return Post(kind, $"address_id={(raw.Length > 40 ? "…" : raw)}", valid.Replace($"address_id={villageCode}", $"address_id={raw}", StringComparison.Ordinal));
                yield return Post(kind, $"jurisdiction_id={(raw.Length > 40 ? "…" : raw)}", $"{valid}&jurisdiction_id={raw}x");
            }

            yield return Post(Payloads.ContentType, "JSON for a form", $$"""{"api_key": "{{key}}", "service_code": "ZF04"}""", "application/json");
            yield return Post(Payloads.ContentType, "text/plain", valid, "text/plain");
            yield return Post(Payloads.ContentType, "no content type", valid, null);
            yield return Post(Payloads.ContentType, "multipart garbage", "--x\r\n\r\n\0--", "multipart/form-data; boundary=x");
            yield return Post(Payloads.ContentType, "multipart without a boundary", valid, "multipart/form-data");
            yield return Post(Payloads.Oversized, "a 2 MB form", $"{valid}&description={new string('d', 2 * 1024 * 1024)}");
        }
    }
}
