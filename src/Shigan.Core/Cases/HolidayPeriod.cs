namespace Shigan.Core.Cases;

/// <summary>One holiday as a State Council notice prints it: a name and the first and last day off.</summary>
public sealed record HolidayPeriod(string Name, DateOnly First, DateOnly Last)
{
    public IEnumerable<DateOnly> Days()
    {
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
