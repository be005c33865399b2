using Shigan.Core.Cases;
using Shigan.Core.Org;

namespace Shigan.Web.Dashboard;

/// <summary>
/// The dashboard (驾驶舱) of the actor's unit: every figure with the link to the list behind it.
/// </summary>
public sealed record DashboardView(
    string UnitCode,
    string UnitName,
    long TotalCases,
    IReadOnlyList<CaseCell> Cases,
    IReadOnlyList<LateUnit> Late,
    IReadOnlyList<DayCount> Daily,
    TripFigures Trips,
    IReadOnlyList<CampaignProgress> Campaigns,
    IReadOnlyList<LeagueTable> Leagues,
    ProjectSummary Projects);

/// <summary>Cases on a platform in a status; the link opens the work list with both filters.</summary>
public sealed record CaseCell(Platform Platform, CaseStatus Status, long Count, string Link);

/// <summary>Open cases past their deadline in a unit one level below the actor's (or the actor's own unit itself).</summary>
public sealed record LateUnit(int RegionId, string Name, long Count, string Link);

/// <summary>Cases reported on a day (China time).</summary>
public sealed record DayCount(DateOnly Day, long Count);

/// <summary>The one-trip figures over the applications taken in the last <see cref="Days"/> days.</summary>
public sealed record TripFigures(int Days, int Applications, double? AverageTrips, double? ShareInOneTrip, string Link);

/// <summary>An active campaign: of its targets, how many stand at each stage or beyond.</summary>
public sealed record CampaignProgress(int Id, string Name, int Total, IReadOnlyList<StageShare> Stages, string Link);

public sealed record StageShare(string Stage, int Reached, double Share);

/// <summary>The top rows of a contest's latest published sheet.</summary>
public sealed record LeagueTable(int ContestId, string ContestName, string Period, int SheetId, int Participants, IReadOnlyList<LeagueRow> Top, string Link);

public sealed record LeagueRow(int Rank, string Unit, decimal Total, int? RankChange);

/// <summary>The projects in the actor's unit that are held to a plan (planned or under way), with the lists behind each count.</summary>
public sealed record ProjectSummary(
    int Active, int BehindPlan, int OverdueMilestones, int OpenBlockers, IReadOnlyList<ProjectProgress> FurthestBehind, string Link, string BlockersLink);

/// <summary>A project furthest behind its plan of the day: actual and planned progress in points.</summary>
public sealed record ProjectProgress(int Id, string Name, string Unit, int Progress, double PlannedProgress, string Link);
