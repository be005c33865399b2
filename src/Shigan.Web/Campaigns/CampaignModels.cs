using Shigan.Core.Campaigns;

namespace Shigan.Web.Campaigns;

/// <summary>A campaign's name and dates as corrected by its manager; <paramref name="Version"/> as last read.</summary>
public sealed record CampaignEdit(string? Name, DateOnly? StartDate, DateOnly? TargetDate, int? Version);

/// <summary>A new campaign; <paramref name="Layout"/> is a custom campaign's (a template brings its own).</summary>
public sealed record CampaignInput(
    string? Name, CampaignTemplate? Template, List<int>? RegionIds, DateOnly? StartDate, DateOnly? TargetDate, List<string>? Stages, TargetLayout? Layout = null);

public sealed record UnitRef(int Id, string Code, string Name);

public sealed record CampaignItem(
    int Id, string Name, CampaignTemplate Template, IReadOnlyList<string> Stages, DateOnly StartDate, DateOnly TargetDate, IReadOnlyList<UnitRef> Units, int Version,
    TargetLayout Layout);

/// <summary>A household (or section) as a list shows it; owner and phone masked for those who may not read them.</summary>
public sealed record TargetItem(
    long Id, string Key, string Name, string Group, TargetLevel Level, string Unit, string? Owner, string? Phone, int? People, decimal? Area,
    int Stage, string StageName, DateTime StageSinceUtc, int? TeamId, string? Team, bool Mine, int Version);

public sealed record StageMoveItem(long Id, DateTime AtUtc, StageMoveKind Kind, int FromStage, string FromName, int ToStage, string ToName, string ActorName, string? Reason);

public sealed record VisitItem(long Id, DateTime AtUtc, VisitPlace Place, string Outcome, string? NextStep, int? StageReached, string? StageName, string ActorName);

public sealed record TargetDetail(TargetItem Target, IReadOnlyList<StageMoveItem> History, IReadOnlyList<VisitItem> Visits);

/// <summary>A move: the stage number (1 = the first stage, 0 = 未开始), and a reason (required to go back).</summary>
public sealed record StageInput(int? Stage, string? Reason, int? Version);

public sealed record VisitInput(VisitPlace? Place, string? Outcome, string? NextStep, int? StageReached, DateTime? AtUtc);

public sealed record TeamInput(string? Name, int? UnitId);

/// <summary>An account by its user name, or a cadre without an account by name.</summary>
public sealed record MemberInput(string? UserName, string? Name);

public sealed record AssignInput(int? TeamId);

/// <summary>Targets handed to one team in one go: buildings (with their households) or single households.</summary>
public sealed record TeamTargetsInput(List<long>? TargetIds);

/// <summary>A building (or other group) a team can be given, with how many households it holds.</summary>
public sealed record GroupChoice(long Id, string Key, int Households, string? Team);

public sealed record TeamMemberItem(int Id, string Name, bool HasAccount);

public sealed record TeamItem(int Id, string Name, int UnitId, string Unit, IReadOnlyList<TeamMemberItem> Members);

/// <summary>One wrong cell (or a missing column: row 1), as the import reports it before writing anything.</summary>
public sealed record ImportError(int Row, string Column, string Message);

public sealed record ImportResult(int Rows, int Created, int Updated, int Moved);

/// <summary>How far a group (unit, team, building) has come: per stage, how many of its targets stand at it or beyond.</summary>
public sealed record GroupProgress(string Name, int Total, IReadOnlyList<int> Reached, double Score);

public sealed record StuckTarget(long Id, string Name, string Group, string Unit, string? Team, int Stage, string StageName, int Days);

public sealed record StageSeries(string Stage, IReadOnlyList<int> Counts);

public sealed record CampaignOverview(
    CampaignItem Campaign,
    DateOnly Today,
    int Total,
    int People,
    IReadOnlyList<int> Reached,
    IReadOnlyList<StageForecast> Forecasts,
    IReadOnlyList<GroupProgress> Units,
    IReadOnlyList<GroupProgress> Teams,
    IReadOnlyList<GroupProgress> Behind,
    int Buildings,
    IReadOnlyList<StuckTarget> Stuck,
    IReadOnlyList<DateOnly> Days,
    IReadOnlyList<StageSeries> Series,
    IReadOnlyList<int> Plan);
