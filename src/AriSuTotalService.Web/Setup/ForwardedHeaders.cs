using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace AriSuTotalService.Web.Setup;

/// <summary>
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only from the proxies named in
/// <c>ForwardedHeaders__KnownProxies</c> (addresses) and <c>ForwardedHeaders__KnownNetworks</c> (CIDR, e.g.
/// <c>172.18.0.0/16</c>), comma-separated; when neither is set, only a proxy on this machine (loopback). A client that
/// sends the headers itself changes nothing: not the address in the access log, not the sign-in limits, not the
/// scheme. The middleware runs once, in the pipeline (the host's own <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>
/// switch, which would trust every sender, is taken out).
/// </summary>
public static class ForwardedHeaders
{
    public static IServiceCollection AddForwardedHeadersFromConfiguration(this IServiceCollection services, IConfiguration config)
    {
        foreach (var filter in services.Where(d => d.ServiceType == typeof(IStartupFilter)
                     && d.ImplementationType?.Name == "ForwardedHeadersStartupFilter").ToList())
            services.Remove(filter);
        var proxies = Split(config["ForwardedHeaders:KnownProxies"]).Select(p => IPAddress.TryParse(p, out var ip)
            ? ip : throw new InvalidOperationException($"ForwardedHeaders__KnownProxies: '{p}' is not an IP address")).ToList();
        var networks = Split(config["ForwardedHeaders:KnownNetworks"]).Select(n => System.Net.IPNetwork.TryParse(n, out var net)
            ? net : throw new InvalidOperationException($"ForwardedHeaders__KnownNetworks: '{n}' is not a network in CIDR form (e.g. 172.18.0.0/16)")).ToList();
        // PostConfigure: after the host's own setup, whatever environment switches it read.
        services.PostConfigure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            if (proxies.Count == 0 && networks.Count == 0)
            {
                o.KnownProxies.Add(IPAddress.Loopback);
                o.KnownProxies.Add(IPAddress.IPv6Loopback);
            }
            foreach (var p in proxies) o.KnownProxies.Add(p);
            foreach (var n in networks) o.KnownIPNetworks.Add(n);
        });
        return services;
    }

    private static IEnumerable<string> Split(string? value) =>
        (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
