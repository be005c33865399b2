using Microsoft.Extensions.Localization;

namespace Shigan.Web.Api;

/// <summary>
/// Field errors gathered by a command: field name → messages. Messages are written in Chinese and
/// translated through the localizer, so the API and the pages show them in the user's language.
/// </summary>
public sealed partial class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    public FieldErrors Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "必填");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"最多 {maxLength} 个字");
        }
        else if (value.Any(char.IsControl))
        {
            Add(field, "含有不可见的控制字符");
        }

        return this;
    }

    public FieldErrors Optional(string field, string? value, int maxLength) =>
        string.IsNullOrEmpty(value) ? this : Required(field, value, maxLength);

    public string? First(string field) => errors.TryGetValue(field, out var list) ? list[0] : null;

    public Dictionary<string, string[]> Localized(IStringLocalizer localizer) =>
        errors.ToDictionary(e => e.Key, e => e.Value.Select(m => Translate(localizer, m)).ToArray());

    // "最多 64 个字", "权重合计为 99.5，…", "应在 3 到 99 之间" carry numbers: the text itself when it has an entry, else its
    // pattern with the numbers as {0}, {1}… translated and the numbers kept.
    private static string Translate(IStringLocalizer localizer, string message)
    {
        var whole = localizer[message];
        var numbers = Number().Matches(message).Select(m => (object?)m.Value).ToArray();
        if (!whole.ResourceNotFound || numbers.Length == 0)
        {
            return whole;
        }

        var n = 0;
        var translated = localizer[Number().Replace(message, _ => "{" + (n++).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}")];
        return translated.ResourceNotFound ? message : string.Format(System.Globalization.CultureInfo.CurrentCulture, translated.Value, numbers);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial System.Text.RegularExpressions.Regex Number();
}
