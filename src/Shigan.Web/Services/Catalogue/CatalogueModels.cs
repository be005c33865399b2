using Shigan.Core.Services;

namespace Shigan.Web.Services.Catalogue;

public sealed record MaterialItem(string Name, MaterialForm Form, string? IssuedByItemCode, string? IssuedByDepartment, bool HeldByCitizen);

public sealed record ServiceItemView(
    int Id,
    string Code,
    string Name,
    string DepartmentName,
    int LegalDays,
    int PromisedDays,
    ServiceChannels Channels,
    string ChannelText,
    int OnSiteVisits,
    decimal Fee,
    IReadOnlyList<string> PrerequisiteCodes,
    IReadOnlyList<MaterialItem> Materials,
    bool IsActive);

public sealed record BundleView(int Id, string Code, string Name, string? Description, IReadOnlyList<string> ItemCodes, bool IsActive);

/// <summary>Something to fix in the catalogue that does not stop a save: a material nobody issues.</summary>
public sealed record CatalogueWarning(string ItemCode, string MaterialName, string Message);

public sealed record ServiceItemSaved(ServiceItemView Item, IReadOnlyList<CatalogueWarning> Warnings);

public sealed record MaterialInput(string? Name, MaterialForm? Form, string? IssuedByItemCode, string? IssuedByDepartment, bool? HeldByCitizen);

/// <summary>An item as entered; on an update the code comes from the address and the one here is ignored.</summary>
public sealed record ServiceItemInput(
    string? Code,
    string? Name,
    string? DepartmentName,
    int? LegalDays,
    int? PromisedDays,
    ServiceChannels? Channels,
    int? OnSiteVisits,
    decimal? Fee,
    IReadOnlyList<string?>? PrerequisiteCodes,
    IReadOnlyList<MaterialInput?>? Materials,
    bool? IsActive);

public sealed record BundleInput(string? Code, string? Name, string? Description, IReadOnlyList<string?>? ItemCodes, bool? IsActive);
