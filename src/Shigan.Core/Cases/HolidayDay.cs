using Shigan.Core.Org;

namespace Shigan.Core.Cases;

/// <summary>A day the calendar treats differently from its weekday: a public holiday off, or a weekend day worked (调休).</summary>
public sealed class HolidayDay : ISharedSetting
{
    public const int NameMaxLength = 32;

    public DateOnly Date { get; set; }

    /// <summary>True: a working day (a make-up weekend day). False: a day off (a holiday).</summary>
    public bool IsWorkingDay { get; set; }

    public required string Name { get; set; }
}
