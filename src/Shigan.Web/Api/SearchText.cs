namespace Shigan.Web.Api;

/// <summary>
/// What a search box typed, as a search: trimmed, without control characters. The API refuses them
/// (<see cref="QueryTextFilter"/>); a page's search box hands them straight to the query, and PostgreSQL refuses a NUL in
/// a text parameter outright (an error on the page otherwise). None of them can be part of a name or a code anyway.
/// </summary>
public static class SearchText
{
    /// <summary>The text to search for, or null when nothing is left of it.</summary>
    public static string? Of(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var text = typed.Any(char.IsControl) ? string.Concat(typed.Where(c => !char.IsControl(c))) : typed;
        text = text.Trim();
        return text.Length == 0 ? null : text;
    }
}
