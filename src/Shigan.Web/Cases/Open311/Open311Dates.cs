using System.Globalization;
using System.Text.RegularExpressions;
using Shigan.Core.Cases;

namespace Shigan.Web.Cases.Open311;

/// <summary>
/// Times as GeoReport v2 writes them: the W3C profile of ISO 8601 with the zone always given. Answers carry China time
/// (+08:00), the county's clock; a bare date is read as the start of that day there.
/// </summary>
public static partial class Open311Dates
{
    public static string Format(DateTime utc) => Format(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    public static string Format(DateTimeOffset at) =>
        ChinaTime.ToChina(at).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A date (yyyy-MM-dd) or a date and time with its zone (Z or ±hh:mm); a time without a zone is refused.</summary>
    public static bool TryParse(string? text, out DateTimeOffset at)
    {
        at = default;
        var s = text?.Trim() ?? "";
        if (!W3Time().IsMatch(s))
        {
            return false;
        }

        if (s.Length == 10)
        {
            if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return false;
            }

            at = ChinaTime.StartOf(day);
            return true;
        }

        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2}))?$")]
    private static partial Regex W3Time();
}
