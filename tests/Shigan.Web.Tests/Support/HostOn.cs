using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Shigan.Testing;

namespace Shigan.Web.Tests.Support;

/// <summary>Another start of the host on an existing database, with the same settings as a first start.</summary>
internal sealed class HostOn(string connection, bool migrateAndSeed = true) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", TestDatabase.Provider);
        builder.UseSetting("Database:Connection", connection);
        builder.UseSetting("Database:MigrateOnStart", migrateAndSeed ? "true" : "false");
        builder.UseSetting("Database:SeedDemo", migrateAndSeed ? "true" : "false");
    }

    public HttpClient Cookieless() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
}
