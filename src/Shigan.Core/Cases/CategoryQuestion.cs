namespace Shigan.Core.Cases;

/// <summary>
/// A question a category asks of the reporter (Open311 calls it an attribute): the area of an illegal building, the
/// kind of pollution. Answers are kept on the case.
/// </summary>
public sealed record CategoryQuestion(string Code, string Prompt, QuestionType Type, bool Required, IReadOnlyList<QuestionOption>? Options = null)
{
    public const int CodeMaxLength = 32;
    public const int AnswerMaxLength = 200;
}

/// <summary>One choice of a list question: the key stored, the name shown.</summary>
public sealed record QuestionOption(string Key, string Name);

/// <summary>What kind of answer a question takes; the Open311 datatypes.</summary>
public enum QuestionType
{
    /// <summary>A short line of text (Open311 "string").</summary>
    Line = 1,

    /// <summary>A number.</summary>
    Number = 2,

    /// <summary>A date and time.</summary>
    DateTime = 3,

    /// <summary>Longer text.</summary>
    Text = 4,

    /// <summary>One of the options.</summary>
    SingleValueList = 5,

    /// <summary>Any of the options.</summary>
    MultiValueList = 6,
}

/// <summary>The reporter's answer to one question; a multi-value answer is one entry per chosen key.</summary>
public sealed record CaseAnswer(string Code, string Value);
