using Shigan.Core.Org;

namespace Shigan.Web.Components.Common;

/// <summary>A unit picked in a form: enough to show it without another query (the level only when known).</summary>
public sealed record UnitChoice(int Id, string Name, string Code, RegionLevel? Level);
