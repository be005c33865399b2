namespace Shigan.Core.Cases;

public enum TimeLimitUnit
{
    /// <summary>工作时: office hours of working days.</summary>
    WorkingHours = 1,

    /// <summary>工作日: whole working days, each ending at 17:30.</summary>
    WorkingDays = 2,

    /// <summary>自然日: calendar days, each ending at 23:59:59.</summary>
    CalendarDays = 3,

    /// <summary>当日: by the close of the day it arrives, or of the next working day if it arrives after hours.</summary>
    SameDay = 4,
}
