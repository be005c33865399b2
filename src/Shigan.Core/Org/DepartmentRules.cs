namespace Shigan.Core.Org;

/// <summary>Where each kind of department may stand in the tree.</summary>
public static class DepartmentRules
{
    public const int NameMaxLength = 64;

    public static string? Check(DepartmentKind kind, Platform? platform, RegionLevel level) => kind switch
    {
        DepartmentKind.TownshipPlatform when level != RegionLevel.Township => "platform-needs-township",
        DepartmentKind.TownshipPlatform when platform is null => "platform-required",
        DepartmentKind.CountyBureau when level != RegionLevel.County => "bureau-needs-county",
        DepartmentKind.ServicePartner when level is not (RegionLevel.County or RegionLevel.Township) => "partner-needs-county-or-township",
        _ => null,
    };
}
