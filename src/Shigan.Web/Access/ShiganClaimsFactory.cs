using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shigan.Data;
using Shigan.Data.Access;

namespace Shigan.Web.Access;

/// <summary>Puts the account's role, unit and unit path into its cookie, where the scope rule reads them.</summary>
public sealed class ShiganClaimsFactory(UserManager<ShiganUser> users, IOptions<IdentityOptions> options, ShiganDb db)
    : UserClaimsPrincipalFactory<ShiganUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ShiganUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(ShiganClaims.UnitId, user.RegionId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(ShiganClaims.UnitPath, user.RegionPath));
        identity.AddClaim(new Claim(ShiganClaims.DisplayName, user.DisplayName));
        var unitName = await db.Regions.IgnoreQueryFilters().Where(r => r.Id == user.RegionId).Select(r => r.Name).SingleOrDefaultAsync();
        identity.AddClaim(new Claim(ShiganClaims.UnitName, unitName ?? ""));
        if (user.DepartmentId is { } departmentId)
        {
            identity.AddClaim(new Claim(ShiganClaims.DepartmentId, departmentId.ToString(CultureInfo.InvariantCulture)));
        }
        return identity;
    }
}
