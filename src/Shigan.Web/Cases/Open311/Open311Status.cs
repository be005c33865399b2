using Microsoft.Extensions.Localization;
using Shigan.Core.Cases;
using Shigan.Web.Localization;

namespace Shigan.Web.Cases.Open311;

/// <summary>
/// Our statuses in GeoReport's two: a case is closed when nothing more will be done on it (closed after rating,
/// rejected, merged into another), open otherwise — a resolved case waits for the reporter's rating. The notes say
/// our status and, once the case is resolved or rejected, the note the department wrote then for the public (the text
/// the public tracking page shows); never who did it.
/// </summary>
public static class Open311Status
{
    public const string Open = "open";
    public const string Closed = "closed";

    public static readonly CaseStatus[] ClosedStatuses = [CaseStatus.Closed, CaseStatus.Rejected, CaseStatus.Merged];

    public static string Of(CaseStatus status) => ClosedStatuses.Contains(status) ? Closed : Open;

    /// <param name="outcomeNote">The note of the latest resolution or rejection, if any.</param>
    public static string Notes(CaseStatus status, string? outcomeNote, IStringLocalizer<UiText> text)
    {
        var label = text[Labels.Status(status)].Value;
        // A case reopened after a rating is being worked on again: the old resolution no longer explains it.
        var showsOutcome = status is CaseStatus.Resolved or CaseStatus.Closed or CaseStatus.Rejected && !string.IsNullOrWhiteSpace(outcomeNote);
        return showsOutcome ? $"{label}: {outcomeNote!.Trim()}" : label;
    }
}
