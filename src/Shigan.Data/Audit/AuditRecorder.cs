using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Shigan.Core.Audit;
using Shigan.Core.Org;
using Shigan.Data.Access;

namespace Shigan.Data.Audit;

/// <summary>Turns tracked changes of unit records into audit entries.</summary>
internal static class AuditRecorder
{
    // Secrets are recorded as changed, never with their values; stamps change on every save and say nothing.
    private static readonly HashSet<string> Hidden = ["PasswordHash"];
    private static readonly HashSet<string> Skipped = ["ConcurrencyStamp", "SecurityStamp", "NormalizedUserName", "NormalizedEmail"];

    public static List<PendingAudit> Capture(ChangeTracker tracker)
    {
        var pending = new List<PendingAudit>();
        foreach (var entry in tracker.Entries<IInRegion>())
        {
            if (entry.Entity is AuditEntry)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Modified => AuditAction.Updated,
                EntityState.Deleted => AuditAction.Deleted,
                _ => (AuditAction?)null,
            };
            if (action is null)
            {
                continue;
            }

            var changes = new SortedDictionary<string, object?[]>(StringComparer.Ordinal);
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                if (Skipped.Contains(name) || (action == AuditAction.Updated && !property.IsModified))
                {
                    continue;
                }

                object? before = action == AuditAction.Created ? null : property.OriginalValue;
                object? after = action == AuditAction.Deleted ? null : property.CurrentValue;
                if (action == AuditAction.Updated && Equals(before, after))
                {
                    continue;
                }

                changes[name] = Hidden.Contains(name) ? ["***", "***"] : [before, after];
            }

            if (action == AuditAction.Updated && changes.Count == 0)
            {
                continue;
            }

            pending.Add(new PendingAudit(entry, action.Value, JsonSerializer.Serialize(changes)));
        }

        return pending;
    }
}

internal sealed record PendingAudit(EntityEntry<IInRegion> Entry, AuditAction Action, string Changes)
{
    public AuditEntry ToEntry(ICurrentActor actor, DateTime atUtc)
    {
        var key = Entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Entry.Property(p.Name).CurrentValue?.ToString());
        return new AuditEntry
        {
            AtUtc = atUtc,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Action = Action,
            EntityType = Entry.Metadata.ClrType.Name,
            EntityId = string.Join(",", key),
            RegionPath = Entry.Entity.RegionPath,
            Changes = Changes,
        };
    }
}
