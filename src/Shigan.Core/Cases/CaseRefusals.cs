namespace Shigan.Core.Cases;

/// <summary>The codes a refused case operation answers with; pages and the API turn them into messages.</summary>
public static class CaseRefusals
{
    public const string NotAllowedFromStatus = "not-allowed-from-status";
    public const string ReasonRequired = "reason-required";
    public const string ReasonTooLong = "reason-too-long";
    public const string NoteRequired = "note-required";
    public const string NoteTooLong = "note-too-long";
    public const string RatingRequired = "rating-required";
    public const string AlreadyRated = "already-rated";
    public const string DepartmentRequired = "department-required";
    public const string MergeTargetRequired = "merge-target-required";
    public const string DeadlinePassed = "deadline-passed";
    public const string ExtensionMustAddTime = "extension-must-add-time";
    public const string PartsCount = "parts-count";
    public const string ChildCase = "child-case";
    public const string ChildrenOpen = "children-open";
}
