using Shigan.Core.Cases;
using Shigan.Core.Org;

namespace Shigan.Web.Cases;

/// <summary>
/// The work-list filters as query parameters, shared by the list and the export so both read them the same way.
/// <c>followUp</c>: resolved cases still waiting for their rating after <see cref="CaseSettings.FollowUpDays"/> (回访).
/// <c>queue</c>: the cases of the caller's own department (部门待办; none when the account has no department).
/// <c>dueSoon</c>: open cases whose deadline falls within <see cref="CaseSettings.DueSoonHours"/> (临期).
/// </summary>
public sealed record CaseListQuery(
    CaseStatus? Status, Platform? Platform, string? Category, int? RegionId, int? DepartmentId,
    bool? Late, bool? Mine, bool? FollowUp, DateOnly? From, DateOnly? To, bool? Queue = null, bool? DueSoon = null)
{
    public CaseFilter ToFilter(CaseSettings settings, DateTime nowUtc, int? myDepartmentId, long? after = null, int? size = null) => new(
        Status, Platform, Category, RegionId, Queue == true ? myDepartmentId ?? CaseFilter.NoDepartment : DepartmentId,
        Late == true, Mine == true, From, To, after, size,
        FollowUpBefore: FollowUp == true ? settings.FollowUpCutoff(nowUtc) : null,
        DueBefore: DueSoon == true ? settings.DueSoonCutoff(nowUtc) : null);
}

/// <summary>
/// Cases:FollowUpDays (default 1: the follow-up call is made the day after a case is resolved);
/// Cases:DueSoonHours (default 24: an open case due within a day is nearly late).
/// </summary>
public sealed record CaseSettings(int FollowUpDays, int DueSoonHours = 24)
{
    public DateTime FollowUpCutoff(DateTime nowUtc) => nowUtc.AddDays(-FollowUpDays);

    public DateTime DueSoonCutoff(DateTime nowUtc) => nowUtc.AddHours(DueSoonHours);

    public static CaseSettings From(IConfiguration configuration) => new(
        Math.Clamp(configuration.GetValue("Cases:FollowUpDays", 1), 0, 365),
        Math.Clamp(configuration.GetValue("Cases:DueSoonHours", 24), 1, 24 * 30));
}
