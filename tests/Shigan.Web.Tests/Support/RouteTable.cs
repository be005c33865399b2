using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Shigan.Web.Tests.Support;

/// <summary>The API's routes as the host really mapped them: "METHOD /api/pattern".</summary>
internal static class RouteTable
{
    public static IReadOnlyList<string> ApiRoutes(IServiceProvider services) => Routes(services, "/api");

    /// <summary>The citizens' API (no account): "METHOD /public/pattern".</summary>
    public static IReadOnlyList<string> PublicRoutes(IServiceProvider services) => Routes(services, "/public");

    /// <summary>Open311 GeoReport v2 (API key or none): "METHOD /open311/v2/pattern".</summary>
    public static IReadOnlyList<string> Open311Routes(IServiceProvider services) => Routes(services, "/open311");

    private static List<string> Routes(IServiceProvider services, string prefix) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(prefix, StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order(StringComparer.Ordinal)
            .ToList();
}
