namespace Shigan.Core.Cases;

/// <summary>Why routing chose what it chose, for the case's history.</summary>
public enum RouteBasis
{
    /// <summary>A routing rule matched; its id is in the decision.</summary>
    Rule = 1,

    /// <summary>No rule matched; the category's default department for the case's township was taken.</summary>
    CategoryDefault = 2,

    /// <summary>Neither: the case waits in the command room to be routed by hand.</summary>
    Unrouted = 3,
}
