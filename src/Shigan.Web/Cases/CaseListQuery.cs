using Shigan.Core.Cases;
using Shigan.Core.Org;

namespace Shigan.Web.Cases;

/// <summary>
/// The work-list filters as query parameters, shared by the list and the export so both read them the same way.
/// <c>followUp</c>: resolved cases still waiting for their rating after <see cref="CaseSettings.FollowUpDays"/> (回访).
/// </summary>
public sealed record CaseListQuery(
    CaseStatus? Status, Platform? Platform, string? Category, int? RegionId, int? DepartmentId,
    bool? Late, bool? Mine, bool? FollowUp, DateOnly? From, DateOnly? To)
{
    public CaseFilter ToFilter(CaseSettings settings, DateTime nowUtc, long? after = null, int? size = null) => new(
        Status, Platform, Category, RegionId, DepartmentId, Late == true, Mine == true, From, To, after, size,
        FollowUpBefore: FollowUp == true ? settings.FollowUpCutoff(nowUtc) : null);
}

/// <summary>Cases:FollowUpDays (default 1: the follow-up call is made the day after a case is resolved).</summary>
public sealed record CaseSettings(int FollowUpDays)
{
    public DateTime FollowUpCutoff(DateTime nowUtc) => nowUtc.AddDays(-FollowUpDays);

    public static CaseSettings From(IConfiguration configuration) =>
        new(Math.Clamp(configuration.GetValue("Cases:FollowUpDays", 1), 0, 365));
}
