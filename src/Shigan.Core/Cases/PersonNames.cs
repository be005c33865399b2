using System.Globalization;

namespace Shigan.Core.Cases;

/// <summary>Reporters' names as shown to those who may not read them.</summary>
public static class PersonNames
{
    /// <summary>
    /// 王**: the first character (the family name of a Chinese name) and always two stars, so the mask does not tell
    /// the name's length either. The first character as read, not a UTF-16 unit (rare characters take two).
    /// </summary>
    public static string Mask(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return "";
        }

        var info = new StringInfo(trimmed);
        return info.LengthInTextElements == 1 ? "**" : info.SubstringByTextElements(0, 1) + "**";
    }
}
