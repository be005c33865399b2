using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Audit;
using Shigan.Data;
using Shigan.Data.Audit;
using Shigan.Web.Api;

namespace Shigan.Web.Audit;

public sealed record AuditItem(long Id, DateTime AtUtc, string? ActorId, string ActorName, AuditAction Action, string EntityType, string EntityId, string Changes);

/// <summary>Reads the audit trail, newest first, within the reader's scope; a record's own includes the bulk writes' entries that hold it.</summary>
public static class AuditQueries
{
    public static async Task<Page<AuditItem>> ListAsync(
        ShiganDb db, string? entityType, string? entityId, string? actorId, int? page, int? size, CancellationToken ct = default)
    {
        var query = db.AuditEntries.AsQueryable();
        if (!string.IsNullOrWhiteSpace(entityType))
        {
            query = query.Where(a => a.EntityType == entityType);
        }

        if (!string.IsNullOrWhiteSpace(entityId))
        {
            // A record written in bulk (a sheet import) is in its batch's entry, found by the batch's id range and its own id in the changes.
            if (!string.IsNullOrWhiteSpace(entityType) && long.TryParse(entityId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                var upTo = AuditBatch.UpTo(id);
                var marker = AuditBatch.Marker(id);
#pragma warning disable CA1309 // translated to SQL's <=, over the zero-padded ids of the (EntityType, EntityId) index
                query = query.Where(a => a.EntityId == entityId
                    || (a.EntityId.StartsWith(AuditBatch.Prefix) && string.Compare(a.EntityId, upTo) <= 0 && a.Changes.Contains(marker)));
#pragma warning restore CA1309
            }
            else
            {
                query = query.Where(a => a.EntityId == entityId);
            }
        }

        if (!string.IsNullOrWhiteSpace(actorId))
        {
            query = query.Where(a => a.ActorId == actorId);
        }

        return await query.OrderByDescending(a => a.Id)
            .Select(a => new AuditItem(a.Id, a.AtUtc, a.ActorId, a.ActorName, a.Action, a.EntityType, a.EntityId, a.Changes))
            .ToPageAsync(page, size, ct);
    }
}
