using System.Security.Claims;
using Shigan.Core.Org;
using Shigan.Data.Access;

namespace Shigan.Web.Access;

/// <summary>
/// Who acts in the current HTTP request or Blazor circuit, and so what the database lets them see and change.
/// A signed-in account: its unit and below. The system (start-up, verbs, jobs, the sign-in check itself) and the
/// public (citizens' pages, granted only by <see cref="PublicActorMiddleware"/>): everything, by explicit choice.
/// Anyone else, anonymous or unidentified: nothing, so a forgotten check fails closed.
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor http) : ICurrentActor
{
    public const string PublicName = "群众";

    private ClaimsPrincipal? circuitUser;
    private Mode mode;

    private enum Mode
    {
        AsSignedIn,
        System,
        Public,
    }

    public ClaimsPrincipal? Principal => circuitUser ?? http.HttpContext?.User;

    public bool IsSignedIn => mode == Mode.AsSignedIn && Principal?.Identity?.IsAuthenticated == true;

    public string? UserId => IsSignedIn ? Principal!.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string Name => mode switch
    {
        Mode.System => SystemActor.Instance.Name,
        Mode.Public => PublicName,
        _ when IsSignedIn => Principal!.FindFirstValue(ShiganClaims.DisplayName) ?? Principal!.Identity!.Name ?? "?",
        _ => "anonymous",
    };

    public Role? Role => IsSignedIn ? Policies.RoleOf(Principal!) : null;

    public int? UnitId => IsSignedIn && int.TryParse(Principal!.FindFirstValue(ShiganClaims.UnitId), out var id) ? id : null;

    /// <summary>The department whose queue is the account's own (部门待办), if it works in one.</summary>
    public int? DepartmentId => IsSignedIn && int.TryParse(Principal!.FindFirstValue(ShiganClaims.DepartmentId), out var id) ? id : null;

    public RegionScope Scope =>
        mode != Mode.AsSignedIn ? RegionScope.All
        : IsSignedIn && Principal!.FindFirstValue(ShiganClaims.UnitPath) is { Length: > 0 } path ? RegionScope.Of(path)
        : RegionScope.Nothing;

    /// <summary>For start-up, command-line verbs, background jobs and the sign-in check, which act for nobody in particular.</summary>
    public void ActAsSystem() => mode = Mode.System;

    /// <summary>For citizens' pages: a citizen may name any unit of the county.</summary>
    public void ActForPublic() => mode = Mode.Public;

    /// <summary>Set by the circuit handler: in a circuit there is no HTTP request to read the user from.</summary>
    public void UseCircuitUser(ClaimsPrincipal user) => circuitUser = user;
}
