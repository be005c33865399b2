using AntDesign;
using Microsoft.Extensions.Localization;
using Shigan.Core.Cases;
using Shigan.Web.Cases;
using Shigan.Web.Components.Common;
using Shigan.Web.Localization;

namespace Shigan.Web.Components.CasePages;

/// <summary>How the case pages show statuses, tags and times, and which choices their selects offer.</summary>
public static class CaseText
{
    public static string Time(DateTime utc) => Common.ChinaTime.Format(utc);

    /// <summary>Deadlines to the minute: seconds mean nothing to a department.</summary>
    public static string Deadline(DateTime utc) => Common.ChinaTime.Format(utc)[..16];

    public static TagColor StatusColor(CaseStatus status) => status switch
    {
        CaseStatus.Reported or CaseStatus.Accepted => TagColor.Blue,
        CaseStatus.Assigned => TagColor.Cyan,
        CaseStatus.InProgress => TagColor.Orange,
        CaseStatus.Resolved => TagColor.Green,
        CaseStatus.Closed => TagColor.Default,
        CaseStatus.Returned => TagColor.Gold,
        CaseStatus.Rejected or CaseStatus.Merged => TagColor.Default,
        CaseStatus.Split => TagColor.Purple,
        _ => TagColor.Default,
    };

    public static List<Choice> Statuses(IStringLocalizer t) =>
        Enum.GetValues<CaseStatus>().Select(s => new Choice(s.ToString(), t[Labels.Status(s)])).ToList();

    public static List<Choice> Ratings(IStringLocalizer t) =>
        Enum.GetValues<CaseRating>().Select(r => new Choice(r.ToString(), t[Labels.Rating(r)])).ToList();

    /// <summary>The sources a member of staff may choose: a grid worker's own patrol is not a choice.</summary>
    public static List<Choice> StaffSources(IStringLocalizer t) =>
        new[] { CaseSource.Window, CaseSource.Hotline }.Select(s => new Choice(s.ToString(), t[Labels.Source(s)])).ToList();

    /// <summary>
    /// Whether the current outcome has its rating already: a rating entered after the last resolution or refusal.
    /// The workflow allows one rating per outcome; the button is not offered for a second.
    /// </summary>
    public static bool OutcomeRated(CaseDetail detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var lastOutcome = detail.History.LastOrDefault(e => e.Action is CaseAction.Resolve or CaseAction.Reject or CaseAction.ChildrenDone);
        var lastRating = detail.History.LastOrDefault(e => e.Action == CaseAction.Rate);
        return lastRating is not null && (lastOutcome is null || lastRating.Id > lastOutcome.Id);
    }

    /// <summary>What one history entry did, in a few words.</summary>
    public static string What(CaseEventItem item, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Kind switch
        {
            CaseEventKind.Reported => t["上报"],
            CaseEventKind.Routed => t["自动分拨"],
            CaseEventKind.Supervised => t[Labels.Supervision(item.Supervision ?? SupervisionLevel.TownshipLeader)],
            CaseEventKind.ExtensionRequested => t["申请延期"],
            CaseEventKind.ExtensionApproved => t["批准延期"],
            CaseEventKind.ExtensionRefused => t["不予批准延期"],
            CaseEventKind.AttachmentAdded => t["添加附件"],
            _ => item.Action is { } action ? t[Labels.Action(action)] : "—",
        };
    }
}
