namespace Shigan.Core.Services;

/// <summary>Why the citizen stands at a place.</summary>
public enum StopPurpose
{
    /// <summary>Apply for an item at its department's office.</summary>
    Apply = 1,

    /// <summary>Hand in one application for every item a one-stop window takes.</summary>
    WindowApply = 2,

    /// <summary>Come back for an item's result: the department asks for it, or a later item needs the paper.</summary>
    Collect = 3,

    /// <summary>Get a paper from a department outside the bundle, to carry to an item that asks for it.</summary>
    Fetch = 4,
}
