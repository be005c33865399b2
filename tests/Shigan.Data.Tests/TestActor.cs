using Shigan.Core.Org;
using Shigan.Data.Access;

namespace Shigan.Data.Tests;

/// <summary>Someone acting on the database from a given unit, as a signed-in account would.</summary>
public sealed class TestActor(string? userId, string name, RegionScope scope) : ICurrentActor
{
    public string? UserId { get; } = userId;

    public string Name { get; } = name;

    public RegionScope Scope { get; } = scope;

    /// <summary>A cadre of <paramref name="unit"/>: sees and changes that unit and everything below it.</summary>
    public static TestActor In(Region unit) => new("user-" + unit.Code, unit.Name + "干部", RegionScope.Of(unit.RegionPath));

    /// <summary>A request whose account could not be identified.</summary>
    public static TestActor Unidentified { get; } = new(null, "anonymous", RegionScope.Nothing);
}
