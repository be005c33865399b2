using Microsoft.Extensions.Localization;

namespace Shigan.Web.Services.Catalogue;

public static class CatalogueProblems
{
    /// <summary>Field → messages in the user's language, each followed by the value it is about (a code, a department).</summary>
    public static Dictionary<string, string[]> Localized(this IEnumerable<CatalogueProblem> problems, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return problems.GroupBy(p => p.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => Message(p, text)).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    public static string Message(CatalogueProblem problem, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(text);
        var message = Translate(problem.Message, text);
        return problem.Value is null ? message : $"{message}：{problem.Value}";
    }

    // "最多 64 个字" carries a number: translate the pattern, keep the number (as FieldErrors does).
    private static string Translate(string message, IStringLocalizer text)
    {
        var digits = new string(message.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0)
        {
            return text[message];
        }

        var translated = text[message.Replace(digits, "{0}", StringComparison.Ordinal)];
        return translated.ResourceNotFound ? message : string.Format(System.Globalization.CultureInfo.CurrentCulture, translated.Value, digits);
    }
}
