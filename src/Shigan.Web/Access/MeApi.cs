using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Org;
using Shigan.Data;

namespace Shigan.Web.Access;

public sealed record MeItem(string Id, string UserName, string DisplayName, Role Role, int UnitId, string UnitCode, string UnitName, RegionLevel UnitLevel);

/// <summary>/api/me — who the caller is and which unit they act for.</summary>
public static class MeApi
{
    public static RouteGroupBuilder MapMeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", Get).WithTags("Account");
        return api;
    }

    public static async Task<Results<Ok<MeItem>, UnauthorizedHttpResult>> Get(ShiganDb db, CurrentActor actor, CancellationToken ct)
    {
        var me = await db.Users.Where(u => u.Id == actor.UserId)
            .Select(u => new MeItem(u.Id, u.UserName!, u.DisplayName, u.Role, u.RegionId, u.Region!.Code, u.Region.Name, u.Region.Level))
            .SingleOrDefaultAsync(ct);
        return me is null ? TypedResults.Unauthorized() : TypedResults.Ok(me);
    }
}
