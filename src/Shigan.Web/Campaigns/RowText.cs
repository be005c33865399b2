using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Shigan.Web.Campaigns;

/// <summary>Import problems in the reader's language: "第 3 行「联系电话」：不是有效的电话号码".</summary>
public static class RowText
{
    public static string Line(IStringLocalizer text, ImportError e) =>
        e.Row <= 0 ? e.Message
        : string.IsNullOrEmpty(e.Column) ? text["第 {0} 行：{1}", e.Row, e.Message]
        : text["第 {0} 行「{1}」：{2}", e.Row, e.Column, e.Message];

    /// <summary>Opens the list of what a cell may hold, after a message: "没有这个阶段（可选：告知、签约）".</summary>
    public const string ChoicesOpen = "（可选：";

    /// <summary>A message with one number in it ("最多 32 个字", "与第 3 行是同一户") is translated as its pattern.</summary>
    public static string Message(IStringLocalizer text, string message)
    {
        // The message translated, the choices (the campaign's own names) kept as they are.
        var open = message.IndexOf(ChoicesOpen, StringComparison.Ordinal);
        if (open > 0 && message.EndsWith('）'))
        {
            return text["{0}（可选：{1}）", Message(text, message[..open]), message[(open + ChoicesOpen.Length)..^1]];
        }

        var digits = new string(message.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0)
        {
            return text[message];
        }

        var translated = text[message.Replace(digits, "{0}", StringComparison.Ordinal)];
        return translated.ResourceNotFound ? message : string.Format(CultureInfo.CurrentCulture, translated.Value, digits);
    }
}
