using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;
using Shigan.Core.Cases;

namespace Shigan.Web.Cases.Open311;

/// <summary>
/// POST requests, read: the form as the spec defines it, turned into the intake's <see cref="ReportInput"/>. What the
/// intake does not keep is dropped here: email, device_id, account_id and media_url (photos come as attachments).
/// </summary>
public static partial class Open311Reports
{
    /// <summary>A report is a few kilobytes (a 2000-character description is 18 KB encoded): more is refused unread.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly FormOptions Limits = new()
    {
        ValueLengthLimit = MaxBodyBytes,
        KeyLengthLimit = 256,
        ValueCountLimit = 256,
        BufferBodyLengthLimit = MaxBodyBytes,
        MultipartBodyLengthLimit = MaxBodyBytes,
    };

    /// <summary>The posted form, or null when the body is not a form or is too large.</summary>
    public static async Task<IFormCollection?> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType || request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        // A body sent without its length stops at the limit too, where the server supports it.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBodyBytes;
        }

        try
        {
            return await new FormFeature(request, Limits).ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return null;
        }
    }

    /// <summary>A new request's token: 16 random bytes, 22 characters of base64url.</summary>
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether the form names a place at all: coordinates, an address or a division code.</summary>
    public static bool HasLocation(IFormCollection form) =>
        Given(form, "lat") || Given(form, "long") || Given(form, "address_string") || Given(form, "address_id");

    /// <summary>lat and long as numbers; false when either is given and is not one.</summary>
    public static bool TryCoordinates(IFormCollection form, out double? latitude, out double? longitude)
    {
        latitude = Number(form, "lat", out var latOk);
        longitude = Number(form, "long", out var longOk);
        return latOk && longOk;
    }

    /// <summary>Answers from attribute[CODE]=value and, for a multi-value list, attribute[CODE][]=value repeated.</summary>
    public static List<CaseAnswer> Answers(IFormCollection form) =>
        [.. form.SelectMany(f => Attribute().Match(f.Key) is { Success: true } m
            ? f.Value.Select(v => new CaseAnswer(m.Groups[1].Value, v ?? ""))
            : Enumerable.Empty<CaseAnswer>())];

    /// <summary>The reporter's name as we write it: a Chinese name family name first and joined, others given name first.</summary>
    public static string? ReporterName(IFormCollection form)
    {
        var first = Text(form, "first_name");
        var last = Text(form, "last_name");
        if (first is null || last is null)
        {
            return first ?? last;
        }

        return IsChinese(first) && IsChinese(last) ? last + first : $"{first} {last}";
    }

    public static string? Text(IFormCollection form, string name) => form[name].ToString() is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    /// <summary>Which Open311 parameter an intake field error is about.</summary>
    public static string Parameter(string field) => field switch
    {
        "categoryCode" => "service_code",
        "regionId" => "address_id",
        "address" => "address_string",
        "latitude" => "lat, long",
        "reporterName" => "first_name, last_name",
        "reporterPhone" => "phone",
        "answers" => "attribute",
        _ when field.StartsWith(CaseAnswers.FieldPrefix, StringComparison.Ordinal) => $"attribute[{field[CaseAnswers.FieldPrefix.Length..]}]",
        _ => field,
    };

    private static bool Given(IFormCollection form, string name) => Text(form, name) is not null;

    private static double? Number(IFormCollection form, string name, out bool ok)
    {
        var text = Text(form, name);
        ok = text is null || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        return ok && text is not null ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : null;
    }

    private static bool IsChinese(string text) => text.All(c => c is >= '\u4e00' and <= '\u9fff' or '·');

    [GeneratedRegex(@"^attribute\[([^\[\]]{1,64})\](\[\])?$")]
    private static partial Regex Attribute();
}
