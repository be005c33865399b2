namespace Shigan.Core.Services;

/// <summary>
/// A material nobody issues: no item, no department, and not marked as held by the citizen, or issued by an item code
/// the catalogue does not have. The calculator counts it as brought by the citizen and flags it for the catalogue.
/// </summary>
public sealed record UnissuedMaterial(string ItemCode, string MaterialName, string Why)
{
    public const string NoIssuer = "no-issuer";
    public const string UnknownItem = "unknown-issuing-item";
}
