using System.Security.Claims;
using Shigan.Core.Org;
using Shigan.Data.Access;

namespace Shigan.Web.Access;

/// <summary>
/// The actor of the current HTTP request or Blazor circuit. A signed-in account sees its unit and below.
/// An anonymous HTTP request acts as the system, which is what Identity needs to sign in; every endpoint and
/// page requires a signed-in user unless it says otherwise (the fallback policy), so only reviewed anonymous
/// endpoints get there. Outside a request and a circuit, nobody was identified: the scope is empty.
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor http) : ICurrentActor
{
    private ClaimsPrincipal? circuitUser;
    private bool isSystem;

    public ClaimsPrincipal? Principal => circuitUser ?? http.HttpContext?.User;

    public bool IsSignedIn => !isSystem && Principal?.Identity?.IsAuthenticated == true;

    public string? UserId => IsSignedIn ? Principal!.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string Name => isSystem ? SystemActor.Instance.Name : IsSignedIn
        ? Principal!.FindFirstValue(ShiganClaims.DisplayName) ?? Principal!.Identity!.Name ?? "?"
        : "anonymous";

    public Role? Role => IsSignedIn && Enum.TryParse<Role>(Principal!.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    public int? UnitId => IsSignedIn && int.TryParse(Principal!.FindFirstValue(ShiganClaims.UnitId), out var id) ? id : null;

    public RegionScope Scope
    {
        get
        {
            if (isSystem)
            {
                return RegionScope.All;
            }

            if (IsSignedIn)
            {
                var path = Principal!.FindFirstValue(ShiganClaims.UnitPath);
                return string.IsNullOrEmpty(path) ? RegionScope.Nothing : RegionScope.Of(path);
            }

            return circuitUser is null && http.HttpContext is not null ? RegionScope.All : RegionScope.Nothing;
        }
    }

    /// <summary>For start-up, command-line verbs and background jobs, which act for nobody in particular.</summary>
    public void ActAsSystem() => isSystem = true;

    /// <summary>Set by the circuit handler: in a circuit there is no HTTP request to read the user from.</summary>
    public void UseCircuitUser(ClaimsPrincipal user) => circuitUser = user;
}
