using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Shigan.Testing;

namespace Shigan.Web.Tests.Support;

/// <summary>
/// A host that keeps a small limit on the citizens' paths (the shared fixture lifts it). A class fixture: each test
/// class gets a host and so an allowance of its own.
/// </summary>
public sealed class StrictRateLimitApp : ShiganApp
{
    public const int Permits = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Public:PermitsPerMinute", Permits.ToString(CultureInfo.InvariantCulture));
    }
}
