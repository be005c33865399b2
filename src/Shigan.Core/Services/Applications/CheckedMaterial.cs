namespace Shigan.Core.Services.Applications;

/// <summary>A material the window checked off at intake, once for the whole bundle, and the items that asked for it.</summary>
public sealed class CheckedMaterial
{
    public required string Name { get; set; }

    public MaterialForm Form { get; set; } = MaterialForm.Original;

    public List<string> ItemCodes { get; set; } = [];
}
