using Shigan.Data.Demo;

namespace Shigan.Web.Cases.Open311;

/// <summary>
/// Open311 configuration. <see cref="JurisdictionId"/>: the one jurisdiction served (the county's six-digit code);
/// <see cref="DefaultRegionCode"/>: where a report that names no division code (only coordinates or an address) is
/// filed — unset, such a report is refused, since regions carry no coordinates to place it by.
/// </summary>
public sealed record Open311Settings(string JurisdictionId, string? DefaultRegionCode, string? Contact)
{
    public static Open311Settings From(IConfiguration configuration) => new(
        configuration["Open311:JurisdictionId"] is { Length: > 0 } id ? id.Trim() : ChangshanSeed.CountyCode,
        configuration["Open311:DefaultRegionCode"] is { Length: > 0 } code ? code.Trim() : null,
        configuration["Open311:Contact"] is { Length: > 0 } contact ? contact.Trim() : null);
}
