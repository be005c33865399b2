using Microsoft.AspNetCore.Identity;
using Shigan.Data.Access;

namespace Shigan.Web.Access;

/// <summary>A disabled account is refused at sign-in (Identity answers "not allowed").</summary>
public sealed class EnabledAccountConfirmation : IUserConfirmation<ShiganUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<ShiganUser> manager, ShiganUser user) => Task.FromResult(!user.IsDisabled);
}
