using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shigan.Testing;

namespace Shigan.Web.Tests;

/// <summary>
/// Everything a person without an account can reach, read from the route table: a new anonymous endpoint or page
/// fails this test until it is added here, after someone has decided what it may see (see PublicActorMiddleware).
/// </summary>
public sealed class AnonymousEndpointTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private static readonly string[] Expected =
    [
        "ANY /healthz",
        "ANY /open311/v2/{**path}",
        "GET /account/login",
        "GET /culture",
        "GET /open311/v2/discovery.{format}",
        "GET /open311/v2/requests.{format}",
        "GET /open311/v2/requests/{number}.{format}",
        "GET /open311/v2/services.{format}",
        "GET /open311/v2/services/{code}.{format}",
        "GET /open311/v2/tokens/{token}.{format}",
        "GET /openapi/{documentName}.json",
        "GET /public/applications/{number}",
        "GET /public/cases/{number}",
        "GET /report",
        "GET /track",
        "GET /track/application",
        "POST /account/login",
        "POST /account/signin",
        "POST /open311/v2/requests.{format}",
        "POST /public/cases/",
        "POST /public/cases/with-photos",
        "POST /public/cases/{number}/rating",
        "POST /report",
        "POST /track",
        "POST /track/application",
    ];

    [Fact]
    public void Only_the_reviewed_endpoints_and_pages_are_open_to_anonymous_visitors()
    {
        var open = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Where(e => !e.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor")) // stylesheets and scripts
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(m => $"{m} /{e.RoutePattern.RawText?.TrimStart('/')}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(Expected, open);
    }
}
