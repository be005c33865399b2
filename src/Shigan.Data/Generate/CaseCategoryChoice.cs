using Shigan.Core.Cases;
using Shigan.Core.Org;

namespace Shigan.Data.Generate;

/// <summary>A category as the generator uses it: its deadline rule and the township department it goes to.</summary>
public sealed record CaseCategoryChoice(int Id, string Code, string Name, Platform Platform, string Department, TimeLimit Limit);
