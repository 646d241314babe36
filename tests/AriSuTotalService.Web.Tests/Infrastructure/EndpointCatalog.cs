using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AriSuTotalService.Web.Tests.Infrastructure;

/// <summary>Every endpoint the running app serves, read from its endpoint data source, with what it declares.</summary>
public sealed record EndpointInfo(string Pattern, string Kind, IReadOnlyList<string> Methods, bool AllowsAnonymous,
    IReadOnlyList<string> Roles, IReadOnlyList<string> Policies, string? PagePath)
{
    public bool HasParameters => Pattern.Contains('{');

    /// <summary>A URL to request: optional parameters dropped, required ones filled with an id that does not exist.</summary>
    public string SampleUrl()
    {
        var parts = Pattern.Replace("{format}", "json", StringComparison.Ordinal).Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !(p.StartsWith('{') && (p.EndsWith("?}", StringComparison.Ordinal) || p.StartsWith("{**", StringComparison.Ordinal))))
            .Select(p => System.Text.RegularExpressions.Regex.Replace(p, @"\{[^}]+\}", m =>
                m.Value.Contains(":int", StringComparison.Ordinal) || m.Value.Contains(":long", StringComparison.Ordinal) ? "999999" : "does-not-exist"));
        return "/" + string.Join('/', parts);
    }
}

public static class EndpointCatalog
{
    public static IReadOnlyList<EndpointInfo> All(ArisuFactory factory)
    {
        factory.CreateClient().Dispose();
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>().Select(e =>
        {
            var pagePath = e.Metadata.OfType<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>().FirstOrDefault()?.ViewEnginePath;
            var authorize = e.Metadata.GetOrderedMetadata<IAuthorizeData>();
            var pattern = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
            // Files of wwwroot, served by the static-asset endpoints (every one open: the sign-in page needs its CSS).
            var asset = e.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor") || pattern.Contains(":file}", StringComparison.Ordinal);
            var kind = asset ? "asset"
                : pagePath is not null ? "page"
                : pattern.StartsWith("/api/", StringComparison.Ordinal) ? "api"
                : pattern.StartsWith("/open311/", StringComparison.Ordinal) ? "open311"
                : pattern.StartsWith("/hangfire", StringComparison.Ordinal) ? "dashboard"
                : "other";
            return new EndpointInfo(pattern, kind,
                e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToList() ?? [],
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                authorize.Where(a => !string.IsNullOrEmpty(a.Roles)).SelectMany(a => a.Roles!.Split(',')).Select(r => r.Trim()).Distinct().ToList(),
                authorize.Where(a => !string.IsNullOrEmpty(a.Policy)).Select(a => a.Policy!).Distinct().ToList(),
                pagePath);
        }).DistinctBy(e => e.Pattern + string.Join(',', e.Methods)).ToList();
    }

    /// <summary>
    /// What a page handler binds from the request, by name: its parameters but the cancellation token and what it takes
    /// from the container ([FromServices]).
    /// </summary>
    public static IReadOnlyList<string> RequestParameters(System.Reflection.MethodInfo handler) => handler.GetParameters()
        .Where(p => p.ParameterType != typeof(CancellationToken)
            && System.Reflection.CustomAttributeExtensions.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromServicesAttribute>(p) is null)
        .Select(p => p.Name!).ToList();
}
