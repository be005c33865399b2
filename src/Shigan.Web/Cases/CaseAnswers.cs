using System.Globalization;
using System.Text.RegularExpressions;
using Shigan.Core.Cases;
using Shigan.Web.Api;
using Shigan.Web.Cases.Open311;

namespace Shigan.Web.Cases;

/// <summary>
/// Checks answers to a category's questions (Open311 attributes) and returns them as stored: one entry per value,
/// numbers and times written one way. Errors are keyed "answers.CODE".
/// </summary>
public static partial class CaseAnswers
{
    /// <summary>More answers than any category has questions and options: a script, not a reporter.</summary>
    public const int MaxAnswers = 100;

    public const string FieldPrefix = "answers.";

    public static List<CaseAnswer> Check(IReadOnlyList<CategoryQuestion> questions, IReadOnlyList<CaseAnswer> answers, FieldErrors errors)
    {
        var stored = new List<CaseAnswer>();
        if (answers.Count > MaxAnswers)
        {
            errors.Add("answers", $"最多 {MaxAnswers} 个回答");
            return stored;
        }

        var byCode = answers.GroupBy(a => a.Code?.Trim() ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Value?.Trim() ?? "").Where(v => v.Length > 0).ToList(), StringComparer.Ordinal);
        foreach (var code in byCode.Keys.Where(c => questions.All(q => q.Code != c)))
        {
            errors.Add(FieldPrefix + code, "没有这个问题");
        }

        foreach (var question in questions)
        {
            var field = FieldPrefix + question.Code;
            var values = byCode.GetValueOrDefault(question.Code) ?? [];
            if (values.Count == 0)
            {
                if (question.Required)
                {
                    errors.Add(field, "必填");
                }

                continue;
            }

            if (values.Count > 1 && question.Type != QuestionType.MultiValueList)
            {
                errors.Add(field, "只能填一个值");
                continue;
            }

            foreach (var value in values.Distinct(StringComparer.Ordinal))
            {
                if (Normalized(question, value, field, errors) is { } kept)
                {
                    stored.Add(new CaseAnswer(question.Code, kept));
                }
            }
        }

        return stored;
    }

    private static string? Normalized(CategoryQuestion question, string value, string field, FieldErrors errors)
    {
        switch (question.Type)
        {
            case QuestionType.Number:
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                {
                    errors.Add(field, "请填写数字");
                    return null;
                }

                return number.ToString("R", CultureInfo.InvariantCulture);
            case QuestionType.DateTime:
                if (!Open311Dates.TryParse(value, out var at))
                {
                    errors.Add(field, "请填写带时区的 ISO 8601 时间");
                    return null;
                }

                return Open311Dates.Format(at);
            case QuestionType.SingleValueList or QuestionType.MultiValueList:
                if (question.Options?.Any(o => o.Key == value) != true)
                {
                    errors.Add(field, "不是可选的值");
                    return null;
                }

                return value;
            case QuestionType.Line when LineBreak().IsMatch(value):
                errors.Add(field, "只能填一行");
                return null;
            default:
                // Text may break lines; nothing else invisible is kept.
                var text = question.Type == QuestionType.Text ? LineBreak().Replace(value, " ") : value;
                if (new FieldErrors().Required(field, text, CategoryQuestion.AnswerMaxLength).First(field) is { } problem)
                {
                    errors.Add(field, problem);
                    return null;
                }

                return value;
        }
    }

    [GeneratedRegex("[\r\n]+")]
    private static partial Regex LineBreak();
}
