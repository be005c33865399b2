using Shigan.Core.Org;

namespace Shigan.Core.Cases;

/// <summary>Which roles take which workflow actions; the scope rule separately limits them to their own unit's cases.</summary>
public static class CaseRoles
{
    /// <summary>Everyone who works in the tree may report: window clerks, grid workers, cadres, officers.</summary>
    public static bool MayReport(Role role) => role is not Role.Judge;

    /// <summary>Reporters' names and phones are for those who handle cases; others see them masked or not at all.</summary>
    public static bool MayReadReporters(Role? role) => role is Role.CountyAdmin or Role.TownshipStaff or Role.PlatformOfficer or Role.WindowClerk;

    /// <summary>
    /// A photo of the place or a document may come from anyone working the case in its unit: the window, the grid
    /// worker and village cadre on the spot, the department. Judges read; they do not add to the record.
    /// </summary>
    public static bool MayAttach(Role role) => role is not Role.Judge;

    public static bool MayAct(Role role, CaseAction action) => action switch
    {
        // The command room (综合信息指挥室): acceptance, routing (splitting among departments too), refusal, merging,
        // checking the outcome.
        CaseAction.Accept or CaseAction.Reject or CaseAction.Assign or CaseAction.Reroute or CaseAction.Split or CaseAction.Merge
            or CaseAction.Reopen or CaseAction.Close => role is Role.CountyAdmin or Role.TownshipStaff or Role.PlatformOfficer,

        // The department's work, done by platform officers (and township staff standing in).
        CaseAction.Start or CaseAction.Resolve or CaseAction.Return => role is Role.TownshipStaff or Role.PlatformOfficer,

        // A rating taken at the window or on the follow-up call (回访); citizens rate on the public page.
        CaseAction.Rate => role is Role.WindowClerk or Role.TownshipStaff or Role.PlatformOfficer,
        // The system's own moves (CaseWorkflow.IsBySystem) and anything unknown: nobody.
        _ => false,
    };

    /// <summary>The department asking for more time (申请延期): its officers, and township staff standing in.</summary>
    public static bool MayRequestExtension(Role role) => role is Role.TownshipStaff or Role.PlatformOfficer;

    /// <summary>The leaders who approve an extension: the township and the county (never the one who asked; checked by the caller).</summary>
    public static bool MayDecideExtension(Role role) => role is Role.CountyAdmin or Role.TownshipStaff;
}
