using Shigan.Core.Org;

namespace Shigan.Core.Contests;

/// <summary>
/// One participant's line of a sheet: written with the sheet, never edited (a correction is a new version). The sheet's
/// own audit entry records who computed it; its rows (25,547 for a province) are not audited one by one a second time.
/// </summary>
public sealed class ScoreRow : IInRegion, IAppendOnly, IKeepsOwnHistory
{
    public long Id { get; set; }

    public int SheetId { get; set; }

    public int RegionId { get; set; }

    public required string UnitName { get; set; }

    public decimal Total { get; set; }

    public int Rank { get; set; }

    /// <summary>The rank in the previous period's published sheet; null when the unit was not in it.</summary>
    public int? PreviousRank { get; set; }

    public List<ScoreCell> Cells { get; set; } = [];

    public required string RegionPath { get; set; }

    /// <summary>Places climbed since the previous period (negative: fell).</summary>
    public int? RankChange => PreviousRank is { } before ? before - Rank : null;
}

/// <summary>
/// One figure: the raw value (null: no data, scored by the indicator's missing rule), the 0–1 score, the weighted
/// points, and the records behind the value: the judges' scores listed, or for a computed figure only their count
/// (<see cref="RecordCount"/>; the explanation reads the late cases… from the source when someone opens it).
/// </summary>
public sealed record ScoreCell(int IndicatorId, decimal? Raw, decimal Normalised, decimal Points, IReadOnlyList<long> Records, int? Judges = null, int? RecordCount = null)
{
    public bool Missing => Raw is null;

    /// <summary>How many records lie behind the value, listed or not.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Behind => RecordCount ?? Records.Count;
}
