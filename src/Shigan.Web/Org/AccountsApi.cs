using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Shigan.Core.Org;
using Shigan.Web.Access;
using Shigan.Web.Api;
using Shigan.Web.Localization;

namespace Shigan.Web.Org;

/// <summary>/api/accounts — managed by county administrators and township staff, each within their own unit.</summary>
public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/accounts").WithTags("Org").RequireAuthorization(Policies.ManageAccounts);
        group.MapGet("/", List);
        group.MapGet("/{accountId}", Get);
        group.MapPost("/", Create);
        group.MapPut("/{accountId}", Update);
        group.MapPost("/{accountId}/password", SetPassword);
        group.MapPost("/{accountId}/unlock", Unlock);
        return api;
    }

    public static async Task<Ok<Page<AccountItem>>> List(
        AccountCommands accounts, string? q, int? regionId, Role? role, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await accounts.ListAsync(q, regionId, role, page, pageSize, ct));

    public static async Task<Results<Ok<AccountItem>, NotFound>> Get(AccountCommands accounts, string accountId, CancellationToken ct) =>
        await accounts.GetAsync(accountId, ct) is { } a ? TypedResults.Ok(a) : TypedResults.NotFound();

    public static async Task<Results<Created<AccountItem>, ValidationProblem>> Create(
        AccountCommands accounts, AccountInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (account, errors) = await accounts.CreateAsync(input, ct);
        return account is null
            ? TypedResults.ValidationProblem(errors.Localized(text))
            : TypedResults.Created($"/api/accounts/{account.Id}", account);
    }

    public static async Task<Results<Ok<AccountItem>, NotFound, ValidationProblem>> Update(
        AccountCommands accounts, string accountId, AccountUpdate input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (account, errors) = await accounts.UpdateAsync(accountId, input, ct);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.Localized(text));
        }

        return account is null ? TypedResults.NotFound() : TypedResults.Ok(account);
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem>> SetPassword(
        AccountCommands accounts, string accountId, PasswordInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (found, errors) = await accounts.SetPasswordAsync(accountId, input, ct);
        if (!found)
        {
            return TypedResults.NotFound();
        }

        return errors.Any ? TypedResults.ValidationProblem(errors.Localized(text)) : TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, NotFound, ForbidHttpResult>> Unlock(AccountCommands accounts, string accountId, CancellationToken ct) =>
        await accounts.TryUnlockAsync(accountId, ct) switch
        {
            null => TypedResults.NotFound(),
            false => TypedResults.Forbid(),
            true => TypedResults.NoContent(),
        };
}
