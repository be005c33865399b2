using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Shigan.Core.Audit;
using Shigan.Core.Org;
using Shigan.Data.Access;

namespace Shigan.Data.Audit;

/// <summary>Turns tracked changes of unit records and shared records (<see cref="ISharedSetting"/>) into audit entries.</summary>
internal static class AuditRecorder
{
    // Secrets are recorded as changed, never with their values, and so are a photo's bytes (its hash is recorded);
    // stamps change on every save and say nothing.
    private static readonly HashSet<string> Hidden = ["PasswordHash", "KeyHash", "Content"];
    private static readonly HashSet<string> Skipped = ["ConcurrencyStamp", "SecurityStamp", "NormalizedUserName", "NormalizedEmail", "SortKey"];

    // Chinese stays readable in the stored JSON.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Called before the save: updates and deletes must be read now, while the old values are known.</summary>
    public static List<PendingAudit> Capture(ChangeTracker tracker)
    {
        var pending = new List<PendingAudit>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is IKeepsOwnHistory || entry.Entity is not (IInRegion or ISharedSetting))
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

            // New rows get their keys in the save: their values are read after it.
            var changes = action == AuditAction.Created ? null : Changes(entry, action.Value);
            if (changes is { Count: 0 })
            {
                continue;
            }

            pending.Add(new PendingAudit(entry, action.Value, changes));
        }

        return pending;
    }

    public static SortedDictionary<string, object?[]> Changes(EntityEntry entry, AuditAction action)
    {
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

        return changes;
    }

    /// <summary>An update written past the tracker: the fields that differ between the two, as <see cref="Changes(EntityEntry, AuditAction)"/> lists a tracked one's.</summary>
    public static SortedDictionary<string, object?[]> Changes(IEntityType type, object before, object after)
    {
        var changes = new SortedDictionary<string, object?[]>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties())
        {
            var name = property.Name;
            if (Skipped.Contains(name) || property.PropertyInfo is not { } info)
            {
                continue;
            }

            var (old, now) = (info.GetValue(before), info.GetValue(after));
            if (!Equals(old, now))
            {
                changes[name] = Hidden.Contains(name) ? ["***", "***"] : [old, now];
            }
        }

        return changes;
    }

    public static string Serialize(SortedDictionary<string, object?[]> changes) => JsonSerializer.Serialize(changes, Json);
}

internal sealed record PendingAudit(EntityEntry Entry, AuditAction Action, SortedDictionary<string, object?[]>? Changes)
{
    /// <summary>Called after the save, when new rows have their keys.</summary>
    public AuditEntry ToEntry(ICurrentActor actor, DateTime atUtc) => new()
    {
        AtUtc = atUtc,
        ActorId = actor.UserId,
        ActorName = actor.Name,
        Action = Action,
        EntityType = EntityType,
        EntityId = EntityId,
        RegionPath = RegionPath(actor),
        Changes = AuditRecorder.Serialize(Values),
    };

    public string EntityType => Entry.Metadata.ClrType.Name;

    public string EntityId => string.Join(",", Entry.Metadata.FindPrimaryKey()!.Properties.Select(p => KeyText(Entry.Property(p.Name).CurrentValue)));

    // A shared setting is filed under the unit of whoever changed it (the system's scope starts at "").
    public string RegionPath(ICurrentActor actor) => Entry.Entity is IInRegion record ? record.RegionPath : actor.Scope.RangeStart;

    /// <summary>The changed fields, before and after; all of a new row's, read after the save.</summary>
    public SortedDictionary<string, object?[]> Values => Changes ?? AuditRecorder.Changes(Entry, AuditAction.Created);

    // The same text whatever the request's culture: a date key reads 2027-10-01, never 2027/10/1 or 10/01/2027.
    private static string? KeyText(object? value) => value switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString(),
    };
}
