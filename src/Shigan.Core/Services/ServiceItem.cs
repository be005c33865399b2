using Shigan.Core.Org;

namespace Shigan.Core.Services;

/// <summary>
/// A service item of the catalogue (政务服务事项): who handles it, what it asks for, how long it takes, where it can be
/// applied for and what must be done before it. The catalogue is the county's, the same for every township.
/// </summary>
public sealed class ServiceItem : ISharedSetting
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 64;

    /// <summary>A visit to apply, and one more to collect the result: what the catalogues call 到现场次数.</summary>
    public const int MaxOnSiteVisits = 2;

    public int Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>The department that decides it; its office is where the citizen goes when nobody takes the item for it.</summary>
    public required string DepartmentName { get; set; }

    public List<Material> Materials { get; set; } = [];

    /// <summary>法定时限, in working days.</summary>
    public int LegalDays { get; set; }

    /// <summary>承诺时限, in working days; 0 is 即办 (done on the spot). The calculator counts with this one.</summary>
    public int PromisedDays { get; set; }

    public ServiceChannels Channels { get; set; }

    /// <summary>
    /// In-person visits the department asks for when it works alone: 0 (online, or done where the citizen already is,
    /// as the birth certificate at the birth), 1 (apply; the result is handed over or sent), 2 (apply, then collect).
    /// </summary>
    public int OnSiteVisits { get; set; } = 1;

    /// <summary>Fee in yuan; most items are free.</summary>
    public decimal Fee { get; set; }

    /// <summary>Codes of the items that must be done before this one (前置事项).</summary>
    public List<string> PrerequisiteCodes { get; set; } = [];

    public bool IsActive { get; set; } = true;
}
