using Shigan.Core.Contests;

namespace Shigan.Core.Tests.Contests;

public sealed class ContestPeriodTests
{
    [Fact]
    public void A_week_runs_from_monday_midnight_china_time()
    {
        var start = ContestPeriod.StartOf(PeriodKind.Week, new DateOnly(2026, 3, 22)); // a Sunday

        Assert.Equal(new DateOnly(2026, 3, 16), start);
        var (from, to) = ContestPeriod.UtcRange(PeriodKind.Week, start);
        Assert.Equal(new DateTime(2026, 3, 15, 16, 0, 0, DateTimeKind.Utc), from);
        Assert.Equal(new DateTime(2026, 3, 22, 16, 0, 0, DateTimeKind.Utc), to);
        Assert.Equal("2026-W12", ContestPeriod.Label(PeriodKind.Week, start));
    }

    [Fact]
    public void A_month_runs_from_the_first_midnight_china_time()
    {
        var start = ContestPeriod.StartOf(PeriodKind.Month, new DateOnly(2026, 2, 28));

        Assert.Equal(new DateOnly(2026, 2, 1), start);
        Assert.Equal(new DateOnly(2026, 3, 1), ContestPeriod.EndOf(PeriodKind.Month, start));
        Assert.Equal(new DateOnly(2026, 1, 1), ContestPeriod.Previous(PeriodKind.Month, start));
        Assert.Equal("2026-02", ContestPeriod.Label(PeriodKind.Month, start));
        Assert.False(ContestPeriod.IsStart(PeriodKind.Month, new DateOnly(2026, 2, 2)));
    }

    [Fact]
    public void A_judge_may_not_score_the_unit_they_come_from_but_a_county_judge_scores_everyone()
    {
        Assert.True(ContestRules.IsOwnUnit("330822/330822213/330822213214/", "330822/330822213/330822213214/"));
        Assert.True(ContestRules.IsOwnUnit("330822/330822213/330822213214/330822213214001/", "330822/330822213/330822213214/"));
        Assert.False(ContestRules.IsOwnUnit("330822/", "330822/330822213/330822213214/"));
        Assert.False(ContestRules.IsOwnUnit("330822/330822213/330822213201/", "330822/330822213/330822213214/"));
    }

    [Fact]
    public void Participants_are_units_below_the_organiser()
    {
        Assert.True(ContestRules.MayTakePart("330822/330822213/", "330822/330822213/330822213214/"));
        Assert.False(ContestRules.MayTakePart("330822/330822213/", "330822/330822213/"));
        Assert.False(ContestRules.MayTakePart("330822/330822213/", "330822/330822111/330822111201/"));
    }
}
