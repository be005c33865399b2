using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Shigan.Web.Tests;

/// <summary>
/// The interface is Chinese first with English second: every Chinese text the web project can show (page texts,
/// labels, field errors) has an English entry, so switching language never leaves a Chinese island.
/// </summary>
public sealed partial class EnglishTextTests
{
    [Fact]
    public void Every_chinese_text_of_the_web_project_has_an_english_entry()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Shigan.Web");
        var keys = XDocument.Load(Path.Combine(web, "Localization", "UiText.en.resx")).Root!
            .Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        var missing = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal) && !l.TrimStart().StartsWith("@*", StringComparison.Ordinal))
                .SelectMany(l => Literal().Matches(l).Select(m => (File: Path.GetFileName(f), Text: m.Groups[1].Value))))
            .Where(t => Chinese().IsMatch(t.Text) && !keys.Contains(t.Text) && !keys.Contains(Digits().Replace(t.Text, "{0}")))
            .Select(t => $"{t.File}: {t.Text}")
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, "No English for:\n" + string.Join("\n", missing));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Shigan.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Shigan.slnx not found above " + AppContext.BaseDirectory);
    }

    // A plain string literal (not interpolated or verbatim): interpolated texts are checked through their pattern key.
    [GeneratedRegex("(?<![$@])\"((?:[^\"\\\\\\n]|\\\\.)*)\"")]
    private static partial Regex Literal();

    [GeneratedRegex(@"[\u4e00-\u9fff]")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
