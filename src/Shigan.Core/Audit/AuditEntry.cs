using Shigan.Core.Org;

namespace Shigan.Core.Audit;

/// <summary>One recorded change: who did what to which record, and when. Written with the change, never edited.</summary>
public sealed class AuditEntry : IInRegion, IAppendOnly
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>The account that made the change; null for the system or an anonymous request (a failed sign-in).</summary>
    public string? ActorId { get; set; }

    public required string ActorName { get; set; }

    public AuditAction Action { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    /// <summary>Where the changed record belongs, so the trail is scoped like the records.</summary>
    public required string RegionPath { get; set; }

    /// <summary>JSON object of changed properties: { "Name": ["old", "new"] }.</summary>
    public required string Changes { get; set; }
}

public enum AuditAction
{
    Created = 1,
    Updated = 2,
    Deleted = 3,
}
