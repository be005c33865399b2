namespace Shigan.Core.Cases;

public sealed record RouteDecision(RouteTarget? Department, RouteBasis Basis, string? RuleId)
{
    public const string CategoryDefaultWhy = "category-default";
    public const string UnroutedWhy = "no-rule-or-default";

    /// <summary>What the history says: the rule's id, "category-default" or "no-rule-or-default".</summary>
    public string Why => Basis switch
    {
        RouteBasis.Rule => RuleId!,
        RouteBasis.CategoryDefault => CategoryDefaultWhy,
        _ => UnroutedWhy,
    };
}
