using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Shigan.Core.Audit;

namespace Shigan.Data.Tests.Audit;

/// <summary>Makes the save that writes audit entries fail, as a full disk or a dropped connection would.</summary>
public sealed class FailingAuditWrite : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context!.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added))
        {
            throw new InvalidOperationException("The audit trail could not be written.");
        }

        return ValueTask.FromResult(result);
    }
}
