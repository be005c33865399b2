using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Org;
using Shigan.Data;
using Shigan.Data.Access;
using Shigan.Web.Access;
using Shigan.Web.Api;

namespace Shigan.Web.Org;

public sealed record AccountItem(
    string Id, string UserName, string DisplayName, Role Role, int RegionId, string RegionName, string RegionCode,
    bool IsDisabled, DateTimeOffset? LockedOutUntil, DateTime CreatedAtUtc, int? DepartmentId = null, string? DepartmentName = null);

/// <summary><see cref="DepartmentId"/>: optional, a department of the account's own unit.</summary>
public sealed record AccountInput(string? UserName, string? DisplayName, Role? Role, int? RegionId, string? Password, int? DepartmentId = null);

/// <summary>Null fields keep their value; <see cref="DepartmentId"/> 0 takes the account out of its department.</summary>
public sealed record AccountUpdate(string? DisplayName, Role? Role, int? RegionId, bool? IsDisabled, int? DepartmentId = null);

public sealed record PasswordInput(string? Password);

/// <summary>
/// Accounts: who may create or change whom. The scope rule (the database) limits both the editor and the unit;
/// the role rules (Core) limit which roles an editor may grant and where each role may sit.
/// </summary>
public sealed class AccountCommands(ShiganDb db, UserManager<ShiganUser> users, CurrentActor actor, TimeProvider clock)
{
    public const int UserNameMaxLength = 32;
    public const int PasswordMaxLength = 128;

    public async Task<Page<AccountItem>> ListAsync(string? q, int? regionId, Role? role, int? page, int? size, CancellationToken ct = default)
    {
        var query = db.Users.AsQueryable();
        if (SearchText.Of(q) is { } text)
        {
            query = query.Where(u => u.UserName!.Contains(text) || u.DisplayName.Contains(text));
        }

        if (regionId is not null)
        {
            query = query.Where(u => u.RegionId == regionId);
        }

        if (role is not null)
        {
            query = query.Where(u => u.Role == role);
        }

        return await Items(query.OrderBy(u => u.RegionPath).ThenBy(u => u.Role).ThenBy(u => u.UserName)).ToPageAsync(page, size, ct);
    }

    public Task<AccountItem?> GetAsync(string id, CancellationToken ct = default) =>
        Items(db.Users.Where(u => u.Id == id)).SingleOrDefaultAsync(ct);

    public async Task<(AccountItem? Account, FieldErrors Errors)> CreateAsync(AccountInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors()
            .Required("userName", input.UserName, UserNameMaxLength)
            .Required("displayName", input.DisplayName, ShiganUser.DisplayNameMaxLength)
            .Required("password", input.Password, PasswordMaxLength);
        var region = await CheckRoleAndUnitAsync(errors, input.Role, input.RegionId, ct);
        await CheckDepartmentAsync(errors, input.DepartmentId, region, ct);
        var userName = input.UserName?.Trim() ?? "";
        // Names are unique across the county, so this check must see past the caller's scope.
        if (errors.First("userName") is null && await db.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedUserName == users.NormalizeName(userName), ct))
        {
            errors.Add("userName", "用户名已被使用");
        }

        // Password rules are told together with the other mistakes, not after they are fixed.
        if (errors.First("password") is null)
        {
            foreach (var validator in users.PasswordValidators)
            {
                AddIdentityErrors(errors, await validator.ValidateAsync(users, new ShiganUser { DisplayName = "", RegionPath = "" }, input.Password));
            }
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var user = new ShiganUser
        {
            UserName = userName,
            DisplayName = input.DisplayName!.Trim(),
            Role = input.Role!.Value,
            RegionId = region!.Id,
            RegionPath = region.RegionPath,
            DepartmentId = input.DepartmentId,
            EmailConfirmed = true,
            LockoutEnabled = true,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, input.Password!);
        if (!result.Succeeded)
        {
            AddIdentityErrors(errors, result);
            return (null, errors);
        }

        return (await GetAsync(user.Id, ct), errors);
    }

    public async Task<(AccountItem? Account, FieldErrors Errors)> UpdateAsync(string id, AccountUpdate input, CancellationToken ct = default)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return (null, new FieldErrors());
        }

        var errors = new FieldErrors().Required("displayName", input.DisplayName, ShiganUser.DisplayNameMaxLength);
        if (actor.Role is { } me && !RoleRules.CanGrant(me, user.Role))
        {
            errors.Add("role", "无权修改该角色的账号");
        }

        var role = input.Role ?? user.Role;
        var region = await CheckRoleAndUnitAsync(errors, role, input.RegionId ?? user.RegionId, ct);
        // A move to another unit leaves the old unit's department unless a new one is named.
        var departmentId = input.DepartmentId switch
        {
            0 => null,
            { } named => named,
            null => region?.Id == user.RegionId ? user.DepartmentId : null,
        };
        await CheckDepartmentAsync(errors, departmentId, region, ct);
        var self = user.Id == actor.UserId;
        if (self && (role != user.Role || region?.Id != user.RegionId || input.IsDisabled == true))
        {
            errors.Add("role", "不能修改自己的角色、单位或停用自己");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var renewStamp = role != user.Role || region!.Id != user.RegionId || departmentId != user.DepartmentId
            || (input.IsDisabled ?? user.IsDisabled) != user.IsDisabled;
        user.DisplayName = input.DisplayName!.Trim();
        user.Role = role;
        user.RegionId = region!.Id;
        user.RegionPath = region.RegionPath;
        user.DepartmentId = departmentId;
        user.IsDisabled = input.IsDisabled ?? user.IsDisabled;
        // One save either way; a new stamp makes open sessions lose the old role or unit within a minute.
        var result = renewStamp ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);

        if (!result.Succeeded)
        {
            AddIdentityErrors(errors, result);
            return (null, errors);
        }

        return (await GetAsync(id, ct), errors);
    }

    /// <summary>Sets a new password; false when the account is not visible.</summary>
    public async Task<(bool Found, FieldErrors Errors)> SetPasswordAsync(string id, PasswordInput input, CancellationToken ct = default)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return (false, new FieldErrors());
        }

        var errors = new FieldErrors().Required("password", input.Password, PasswordMaxLength);
        if (actor.Role is { } me && !RoleRules.CanGrant(me, user.Role))
        {
            errors.Add("password", "无权修改该角色的账号");
        }

        if (!errors.Any)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            AddIdentityErrors(errors, await users.ResetPasswordAsync(user, token, input.Password!));
        }

        return (true, errors);
    }

    /// <summary>Lifts a lockout; null when the account is not visible, false when its role is not the caller's to manage.</summary>
    public async Task<bool?> TryUnlockAsync(string id, CancellationToken ct = default)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return null;
        }

        if (actor.Role is { } me && !RoleRules.CanGrant(me, user.Role))
        {
            return false;
        }

        // One save that says whether it worked (the two Identity helpers would save twice).
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        return (await users.UpdateAsync(user)).Succeeded;
    }

    private async Task<Region?> CheckRoleAndUnitAsync(FieldErrors errors, Role? role, int? regionId, CancellationToken ct)
    {
        if (role is null || !Enum.IsDefined(role.Value))
        {
            errors.Add("role", "请选择角色");
        }
        else if (actor.Role is { } me && !RoleRules.CanGrant(me, role.Value))
        {
            errors.Add("role", "无权授予该角色");
        }

        var region = regionId is { } rid ? await db.Regions.SingleOrDefaultAsync(r => r.Id == rid, ct) : null;
        if (region is null)
        {
            errors.Add("regionId", "所属单位不存在");
        }
        else if (role is { } r && Enum.IsDefined(r) && !RoleRules.FitsLevel(r, region.Level))
        {
            errors.Add("regionId", "该角色不能设在这一级单位");
        }

        return region;
    }

    // The scope filter hides other units' departments: a foreign id reads as one that does not exist.
    private async Task CheckDepartmentAsync(FieldErrors errors, int? departmentId, Region? region, CancellationToken ct)
    {
        if (departmentId is not { } id || region is null)
        {
            return;
        }

        var department = await db.Departments.Where(d => d.Id == id).Select(d => new { d.RegionId, d.IsActive }).SingleOrDefaultAsync(ct);
        if (department is null || !department.IsActive)
        {
            errors.Add("departmentId", "部门不存在或已停用");
        }
        else if (department.RegionId != region.Id)
        {
            errors.Add("departmentId", "部门须属于账号所在单位");
        }
    }

    private static void AddIdentityErrors(FieldErrors errors, IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            errors.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "userName", error.Description);
        }
    }

    private static IQueryable<AccountItem> Items(IQueryable<ShiganUser> users) =>
        users.Select(u => new AccountItem(
            u.Id, u.UserName!, u.DisplayName, u.Role, u.RegionId, u.Region!.Name, u.Region.Code, u.IsDisabled, u.LockoutEnd, u.CreatedAtUtc,
            u.DepartmentId, u.Department!.Name));
}
