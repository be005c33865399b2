using Microsoft.EntityFrameworkCore;
using Shigan.Core.Audit;
using Shigan.Data;
using Shigan.Web.Api;

namespace Shigan.Web.Audit;

public sealed record AuditItem(long Id, DateTime AtUtc, string? ActorId, string ActorName, AuditAction Action, string EntityType, string EntityId, string Changes);

/// <summary>Reads the audit trail, newest first, within the reader's scope.</summary>
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
            query = query.Where(a => a.EntityId == entityId);
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
