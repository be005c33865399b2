using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Shigan.Core.Audit;
using Shigan.Core.Org;

namespace Shigan.Data.Access;

/// <summary>Refuses any write that touches a record outside the actor's scope, before and after the change.</summary>
internal static class ScopeGuard
{
    public static void Check(ChangeTracker tracker, RegionScope scope)
    {
        if (scope.IsAll)
        {
            return;
        }

        foreach (var entry in tracker.Entries<IInRegion>())
        {
            if (entry.Entity is AuditEntry || entry.State is EntityState.Unchanged or EntityState.Detached)
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
