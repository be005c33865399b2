using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Shigan.Data;
using Shigan.Data.Access;

namespace Shigan.Web.Access;

/// <summary>
/// Identity's store, with its look-ups by id and name seeing every unit: checking a cookie or a sign-in happens
/// before anyone is known, and user names are unique county-wide. Lists and edits still go through the scope filter.
/// </summary>
public sealed class ShiganUserStore(ShiganDb context, IdentityErrorDescriber? describer = null)
    : UserStore<ShiganUser, IdentityRole, ShiganDb, string>(context, describer)
{
    public override Task<ShiganUser?> FindByIdAsync(string userId, CancellationToken cancellationToken = default) =>
        Users.IgnoreQueryFilters().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);

    public override Task<ShiganUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken = default) =>
        Users.IgnoreQueryFilters().SingleOrDefaultAsync(u => u.NormalizedUserName == normalizedUserName, cancellationToken);
}
