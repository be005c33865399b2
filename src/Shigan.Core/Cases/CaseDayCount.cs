namespace Shigan.Core.Cases;

/// <summary>How many cases a township took in on a day (China time): the dashboard's daily line, kept like <see cref="CaseCount"/>.</summary>
public sealed class CaseDayCount
{
    public required string TownshipPath { get; set; }

    public DateOnly Day { get; set; }

    public long Count { get; set; }
}
