namespace Shigan.Core.Services;

/// <summary>
/// A material (申请材料) one service item asks for, and where it comes from: produced by another item of the
/// catalogue, issued by a department outside it, or already in the citizen's hands (身份证, 户口簿). Knowing the
/// issuer is what lets a department take it by data sharing instead of from the citizen.
/// </summary>
public sealed class Material
{
    public const int NameMaxLength = 64;

    public required string Name { get; set; }

    public MaterialForm Form { get; set; } = MaterialForm.Original;

    /// <summary>The code of the catalogue item whose result this is (出生医学证明 → the birth-certificate item).</summary>
    public string? IssuedByItemCode { get; set; }

    /// <summary>The department that issues it when no item of the catalogue does (a certificate from a bureau).</summary>
    public string? IssuedByDepartment { get; set; }

    /// <summary>The citizen already holds it (身份证, 户口簿, 结婚证, photographs): nothing to fetch, but it is handed over.</summary>
    public bool HeldByCitizen { get; set; }
}
