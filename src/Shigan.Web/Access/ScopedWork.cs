namespace Shigan.Web.Access;

/// <summary>
/// Runs one unit of work in a fresh DI scope that acts as the current user. Pages live as long as their circuit;
/// a fresh scope per action gives each save its own database context, while the scope rule still applies.
/// </summary>
public sealed class ScopedWork(IServiceScopeFactory scopes, CurrentActor actor)
{
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (actor.Principal is { } principal)
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().UseCircuitUser(principal);
        }

        return await work(scope.ServiceProvider);
    }
}
