using Microsoft.EntityFrameworkCore;

namespace Shigan.Data;

/// <summary>Counters derived from rows written past SaveChanges (the data generator's bulk load) are counted afresh in one transaction.</summary>
internal static class Recount
{
    public static async Task RunAsync(ShiganDb db, string sqlite, string postgres, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL" ? postgres : sqlite, ct);
        await transaction.CommitAsync(ct);
    }
}
