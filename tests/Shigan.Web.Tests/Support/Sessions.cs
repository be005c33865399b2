using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Shigan.Testing;

namespace Shigan.Web.Tests.Support;

/// <summary>
/// One signed-in client per account and host, shared by a class's read-mostly tests: the sign-in form is
/// rate limited per address, and every test client comes from the same one.
/// </summary>
internal static class Sessions
{
    private static readonly ConditionalWeakTable<ShiganApp, ConcurrentDictionary<string, Lazy<Task<HttpClient>>>> Clients = [];

    public static Task<HttpClient> SessionAsync(this ShiganApp app, string userName) =>
        Clients.GetOrCreateValue(app).GetOrAdd(userName, u => new Lazy<Task<HttpClient>>(() => app.SignInAsync(u))).Value;
}
