using System.Text;

namespace Shigan.Web.Tests.Attack;

/// <summary>
/// The hostile values, by attack class. A string payload is raw JSON-string content (what goes between the quotes), so
/// lone surrogate escapes and invalid UTF-8 bytes can be sent as a broken client would.
/// </summary>
internal static class Payloads
{
    public const string MalformedJson = "malformed JSON";
    public const string WrongType = "wrong types";
    public const string HugeString = "huge strings (1 MB)";
    public const string EmptyString = "empty strings";
    public const string ControlChars = "control characters, NUL";
    public const string InvalidUnicode = "lone surrogates, invalid UTF-8";
    public const string SqlInjection = "SQL injection";
    public const string ScriptInjection = "script injection";
    public const string Numbers = "negative, zero, huge numbers";
    public const string UnknownIds = "unknown and forged ids";
    public const string ContentType = "wrong content types";
    public const string Oversized = "oversized bodies";
    public const string FormDuplicates = "Open311 form: duplicated keys";
    public const string FormBrackets = "Open311 form: broken attribute[ brackets";
    public const string FormHuge = "Open311 form: huge fields";
    public const string FormEncoding = "Open311 form: invalid percent-encoding";

    /// <summary>Classes in the order the summary lists them.</summary>
    public static readonly string[] Classes =
    [
        MalformedJson, WrongType, HugeString, EmptyString, ControlChars, InvalidUnicode, SqlInjection, ScriptInjection,
        Numbers, UnknownIds, ContentType, Oversized, FormDuplicates, FormBrackets, FormHuge, FormEncoding,
    ];

    /// <summary>String payloads as raw UTF-8 bytes of a JSON string's content, by class.</summary>
    public static IEnumerable<(string Class, byte[] Raw)> JsonStrings()
    {
        yield return (HugeString, Encoding.UTF8.GetBytes(new string('x', 1024 * 1024)));
        yield return (EmptyString, []);
        yield return (EmptyString, "   "u8.ToArray());
        yield return (ControlChars, @"\u0000"u8.ToArray());
        yield return (ControlChars, @"a\u0001\u001f\u007fb"u8.ToArray());
        yield return (ControlChars, @"\r\n\t\b\f"u8.ToArray());
        yield return (InvalidUnicode, @"\ud800"u8.ToArray());
        yield return (InvalidUnicode, @"x\udc00\ud800y"u8.ToArray());
        yield return (InvalidUnicode, [0xC3, 0x28]);
        yield return (InvalidUnicode, [0xFF, 0xFE, 0x41]);
        yield return (InvalidUnicode, [0xED, 0xA0, 0x80]);
        yield return (SqlInjection, @"' OR 1=1 --"u8.ToArray());
        yield return (SqlInjection, @"; DROP TABLE \""Cases\"";--"u8.ToArray());
        yield return (SqlInjection, @"' UNION SELECT NULL, NULL --"u8.ToArray());
        yield return (ScriptInjection, @"<script>alert(1)</script>"u8.ToArray());
        yield return (ScriptInjection, @"\""><img src=x onerror=alert(1)>"u8.ToArray());
    }

    /// <summary>Number payloads as raw JSON (a quoted NaN included: numbers may be read from strings).</summary>
    public static readonly string[] JsonNumbers = ["-1", "0", "2147483648", "-2147483649", "9223372036854775808", "1e400", "1.5", "\"NaN\"", "\"-Infinity\""];

    /// <summary>Values for query parameters and route segments, already percent-encoded as a client would send them.</summary>
    public static IEnumerable<(string Class, string Encoded)> QueryValues()
    {
        yield return (HugeString, new string('q', 16 * 1024));
        yield return (EmptyString, "");
        yield return (ControlChars, "%00%01%1F");
        yield return (InvalidUnicode, "%ED%A0%80");
        yield return (InvalidUnicode, "%C3%28%FF");
        yield return (InvalidUnicode, "%ZZ%");
        yield return (SqlInjection, Uri.EscapeDataString("' OR 1=1 --"));
        yield return (SqlInjection, Uri.EscapeDataString("; DROP TABLE \"Cases\";--"));
        yield return (ScriptInjection, Uri.EscapeDataString("<script>alert(1)</script>"));
        yield return (Numbers, "-1");
        yield return (Numbers, "0");
        yield return (Numbers, "99999999999999999999");
        yield return (Numbers, "NaN");
    }

    /// <summary>
    /// Ids that name nothing, or are not ids at all, for route parameters. No %00: a path with NUL never reaches the
    /// app (Kestrel answers 400 itself; the in-memory test server refuses to send it).
    /// </summary>
    public static readonly string[] ForgedIds = ["0", "-1", "2147483648", "99999999999999999999", "abc", "1.5", "%01%1F", Uri.EscapeDataString("1 OR 1=1"), "%ED%A0%80", "%ZZ"];

    /// <summary>Broken JSON documents, whatever the endpoint expects.</summary>
    public static IEnumerable<(string What, byte[] Body)> MalformedDocuments()
    {
        yield return ("truncated", """{"name": "截断"""u8.ToArray());
        yield return ("only an opening brace", "{"u8.ToArray());
        yield return ("trailing garbage", """{"name": "x"} trailing"""u8.ToArray());
        yield return ("two documents", "{}{}"u8.ToArray());
        yield return ("an array", "[]"u8.ToArray());
        yield return ("a string", "\"text\""u8.ToArray());
        yield return ("a number", "42"u8.ToArray());
        yield return ("null", "null"u8.ToArray());
        yield return ("an empty body", []);
        yield return ("single quotes", "{'name': 'x'}"u8.ToArray());
        yield return ("a comment", "{/* hi */}"u8.ToArray());
        yield return ("deep nesting", Encoding.ASCII.GetBytes(new string('[', 10_000) + new string(']', 10_000)));
        yield return ("deep object nesting", Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000)));
        yield return ("a UTF-16 body", Encoding.Unicode.GetBytes("{\"name\": \"x\"}"));
        yield return ("a NUL byte", [(byte)'{', 0, (byte)'}']);
        yield return ("a duplicated property", """{"name": "a", "name": 5}"""u8.ToArray());
    }
}
