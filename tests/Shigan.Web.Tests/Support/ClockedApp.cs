using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Shigan.Testing;

namespace Shigan.Web.Tests.Support;

/// <summary>
/// The real host with a clock the test sets, for behaviour that depends on the date (a holiday next year). Set it
/// before the first sign-in: cookies are stamped with this clock, so moving it far later would expire them.
/// </summary>
public sealed class ClockedApp : ShiganApp
{
    public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>A clock that reads whatever instant the test set, and stands still there.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
