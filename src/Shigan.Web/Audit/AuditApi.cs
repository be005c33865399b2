using Microsoft.AspNetCore.Http.HttpResults;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Api;

namespace Shigan.Web.Audit;

/// <summary>/api/audit — the trail of changes, for administrators and township staff.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", List).WithTags("Audit").RequireAuthorization(Policies.ReadAudit);
        return api;
    }

    public static async Task<Ok<Page<AuditItem>>> List(
        ShiganDb db, string? entityType, string? entityId, string? actorId, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await AuditQueries.ListAsync(db, entityType, entityId, actorId, page, pageSize, ct));
}
