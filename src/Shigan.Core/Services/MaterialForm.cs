namespace Shigan.Core.Services;

public enum MaterialForm
{
    /// <summary>原件: shown or handed in as issued.</summary>
    Original = 1,

    /// <summary>复印件: a photocopy.</summary>
    Copy = 2,
}
