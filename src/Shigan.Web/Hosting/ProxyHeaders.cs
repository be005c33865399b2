using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Shigan.Web.Hosting;

/// <summary>
/// Behind a reverse proxy (deploy/README.md) every request comes from the proxy's address: the client's address and
/// scheme are taken from X-Forwarded-For and X-Forwarded-Proto, but only when the request comes from a trusted proxy
/// (loopback always; others from <c>Proxy:KnownProxies</c>, a list of IP addresses). Otherwise the rate limits would
/// count all citizens as one, and a client could name any address it liked.
/// </summary>
public static class ProxyHeaders
{
    public static IServiceCollection AddProxyHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var extra = configuration.GetSection("Proxy:KnownProxies").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var address in extra)
            {
                o.KnownProxies.Add(IPAddress.TryParse(address, out var ip)
                    ? ip
                    : throw new StartupProblemException($"Proxy:KnownProxies: '{address}' is not an IP address."));
            }
        });
        return services;
    }
}
