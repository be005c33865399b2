using Shigan.Core.Contests;

namespace Shigan.Web.Contests;

/// <summary>A contest's definition as sent by the form or a client; every field is checked, nothing is assumed.</summary>
public sealed record ContestInput(
    string? Name, string? Description, int? RegionId, PeriodKind? PeriodKind, bool? NormaliseWeights, int? TrimJudgesAtLeast,
    decimal? JudgeScoreMin, decimal? JudgeScoreMax, List<int>? ParticipantIds, List<IndicatorInput>? Indicators);

public sealed record IndicatorInput(
    string? Name, Dimension? Dimension, string? CustomDimension, decimal? Weight, Direction? Direction, Normalisation? Normalisation,
    decimal? Target, decimal? Cap, SourceKind? Source, string? SourceCode, MissingRule? Missing);

public sealed record ContestSummary(int Id, string Name, string RegionName, PeriodKind PeriodKind, int Participants, int Indicators, bool CanManage);

public sealed record ContestDetail(
    int Id, string Name, string? Description, int RegionId, string RegionName, PeriodKind PeriodKind, bool NormaliseWeights,
    int TrimJudgesAtLeast, decimal JudgeScoreMin, decimal JudgeScoreMax, bool CanManage, bool IsJudge,
    IReadOnlyList<ParticipantItem> Participants, IReadOnlyList<IndicatorItem> Indicators, IReadOnlyList<JudgeItem> Judges);

public sealed record ParticipantItem(int RegionId, string Name);

public sealed record IndicatorItem(
    int Id, string Name, Dimension Dimension, string? CustomDimension, decimal Weight, Direction Direction, Normalisation Normalisation,
    decimal? Target, decimal? Cap, SourceKind Source, string? SourceCode, MissingRule Missing);

public sealed record JudgeItem(string UserId, string Name, string HomeUnit);

public sealed record JudgeInvite(string? UserId, int? HomeRegionId);

public sealed record JudgeScoreInput(DateOnly? PeriodStart, int? IndicatorId, int? RegionId, decimal? Score);

public sealed record ComputeInput(DateOnly? PeriodStart);

public sealed record PublishInput(int? Concurrency);

public sealed record CorrectInput(string? Reason, int? Concurrency);

public sealed record SourceItem(string Code, string Name, string Unit, Direction Direction, string RecordsAre);

/// <summary>A period of a contest and its current sheet, if any.</summary>
public sealed record PeriodItem(DateOnly PeriodStart, string Label, string Days, int? SheetId, SheetStatus? Status, int? Version);

public sealed record SheetVersion(int Id, int Version, SheetStatus Status, string? Reason, DateTime? PublishedAtUtc);

public sealed record SheetView(
    int Id, int ContestId, string ContestName, PeriodKind PeriodKind, DateOnly PeriodStart, string Label, string Days, int Version,
    SheetStatus Status, string? Reason, DateTime ComputedAtUtc, DateTime? PublishedAtUtc, string? PublishedByName, int Concurrency,
    bool CanManage, IReadOnlyList<SheetIndicator> Indicators, IReadOnlyList<RowView> Rows, IReadOnlyList<SheetVersion> Versions);

public sealed record RowView(int RegionId, string UnitName, decimal Total, int Rank, int? PreviousRank, int? RankChange, IReadOnlyList<ScoreCell> Cells);

/// <summary>A record behind a figure: a case (linked to its page) or a judge's score.</summary>
public sealed record RecordLink(long Id, string Label, string? Url);

public sealed record ExplainPart(
    int IndicatorId, string Name, decimal Weight, decimal? RawA, decimal? RawB, decimal PointsA, decimal PointsB, decimal Gap,
    string? RecordsAre, IReadOnlyList<RecordLink> RecordsA, IReadOnlyList<RecordLink> RecordsB);

public sealed record ExplainView(
    int SheetId, int ContestId, string ContestName, string Label, int RegionA, string NameA, decimal TotalA, int RankA,
    int RegionB, string NameB, decimal TotalB, int RankB, decimal Gap, IReadOnlyList<ExplainPart> Parts);

public sealed record HistoryPoint(DateOnly PeriodStart, string Label, int SheetId, int Rank, int Of, decimal Total, int? RankChange);

public sealed record HistoryView(int ContestId, string ContestName, int RegionId, string UnitName, IReadOnlyList<HistoryPoint> Points);

/// <summary>One contest's latest published table on the arena screen.</summary>
public sealed record ArenaBoard(int ContestId, string ContestName, string Label, int SheetId, IReadOnlyList<RowView> Rows);
