using Shigan.Core.Org;

namespace Shigan.Data.Access;

/// <summary>Who is acting on the database right now, and what they may see.</summary>
public interface ICurrentActor
{
    string? UserId { get; }

    string Name { get; }

    RegionScope Scope { get; }
}

/// <summary>The system itself: start-up, command-line verbs, background jobs, design-time tools.</summary>
public sealed class SystemActor : ICurrentActor
{
    public static SystemActor Instance { get; } = new();

    public string? UserId => null;

    public string Name => "system";

    public RegionScope Scope => RegionScope.All;
}
