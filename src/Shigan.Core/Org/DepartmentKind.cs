namespace Shigan.Core.Org;

public enum DepartmentKind
{
    /// <summary>A station or office attached to one of a township's four platforms.</summary>
    TownshipPlatform = 1,

    /// <summary>A county bureau (社保, 民政, 市场监管局, 公安…).</summary>
    CountyBureau = 2,

    /// <summary>A service partner such as the rural credit cooperative (农信社) branch.</summary>
    ServicePartner = 3,
}
