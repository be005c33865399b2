using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Shigan.Core.Cases;
using Shigan.Core.Org;

namespace Shigan.Web.Cases;

/// <summary>
/// Tells <see cref="IntakeLookups"/> to forget what it cached when a save changes a category, a place, a department
/// or a routing rule — once the change is committed (after the save, or after the transaction holding it), so a
/// report read in between cannot cache the old value again for a minute.
/// </summary>
public sealed class IntakeLookupChanges(IntakeLookups lookups) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // The contexts with such a change saved but not yet committed.
    private readonly ConditionalWeakTable<DbContext, object> pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    private static bool Changes(DbContext context) =>
        context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is CaseCategory or Region or Department or CaseRoutingRule);

    private void Note(DbContext? context)
    {
        if (context is not null && Changes(context))
        {
            pending.AddOrUpdate(context, context);
        }
    }

    // Without a transaction of its own the save has committed when it returns; with one, the commit tells.
    private void Saved(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Committed(context);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && pending.Remove(context))
        {
            lookups.Forget();
        }
    }
}
