using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Shigan.Web.Access;

/// <summary>Hands the circuit's signed-in user to <see cref="CurrentActor"/>, and keeps it current.</summary>
public sealed class ActorCircuitHandler(AuthenticationStateProvider auth, CurrentActor actor) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        auth.AuthenticationStateChanged += OnChanged;
        actor.UseCircuitUser((await auth.GetAuthenticationStateAsync()).User);
    }

    private async void OnChanged(Task<AuthenticationState> state) => actor.UseCircuitUser((await state).User);

    public void Dispose() => auth.AuthenticationStateChanged -= OnChanged;
}
