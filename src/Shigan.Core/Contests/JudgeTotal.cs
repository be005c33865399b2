namespace Shigan.Core.Contests;

/// <summary>
/// One participant's judges' scores on one indicator in one period, added up: how many, their sum, the lowest and the
/// highest, in hundredths of a point (a score has two decimals at most), which is all <see cref="JudgePanel.FromTotals"/>
/// needs to give the trimmed mean exactly. Recounted from the scores in the same transaction as every change of one of
/// them (see ShiganDb), so a province's sheet reads 255,470 of these instead of 766,410 scores. Derived, so not audited.
/// </summary>
public sealed class JudgeTotal
{
    public int ContestId { get; set; }

    public DateOnly PeriodStart { get; set; }

    public int IndicatorId { get; set; }

    public int ParticipantRegionId { get; set; }

    public int Count { get; set; }

    public long SumHundredths { get; set; }

    public long LowestHundredths { get; set; }

    public long HighestHundredths { get; set; }
}
