using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Shigan.Core.Audit;
using Shigan.Core.Org;

namespace Shigan.Data.Access;

/// <summary>
/// Refuses any write that touches a record outside the actor's scope, before and after the change, any write
/// to the audit trail from outside the recorder, and any edit of an append-only history. The original RegionPath is also a concurrency token (see
/// <see cref="ShiganDb"/>), so a record attached with a forged path matches no row and the write fails.
/// </summary>
internal static class ScopeGuard
{
    public static void Check(ChangeTracker tracker, RegionScope scope)
    {
        // Who may change a shared setting is the endpoint's policy; one who sees nothing changes nothing.
        if (scope == RegionScope.Nothing
            && tracker.Entries<ISharedSetting>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            throw new OutOfScopeException("setting");
        }

        foreach (var entry in tracker.Entries<IInRegion>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            // The audit trail is written by the recorder after this check, never by hand.
            if (entry.Entity is AuditEntry)
            {
                throw new InvalidOperationException("The audit trail is written only with the change it records.");
            }

            // Histories are appended to, never edited or deleted, by anyone.
            if (entry.Entity is IAppendOnly && entry.State != EntityState.Added)
            {
                throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} records are never edited or deleted.");
            }

            if (scope.IsAll)
            {
                continue;
            }

            var now = entry.Entity.RegionPath;
            var before = entry.State == EntityState.Added
                ? now
                : (string?)entry.OriginalValues[nameof(IInRegion.RegionPath)] ?? now;
            if (!scope.Covers(now) || !scope.Covers(before))
            {
                throw new OutOfScopeException(entry.Metadata.ClrType.Name);
            }
        }
    }
}
