namespace AriSuTotalService.Web.Setup;

/// <summary>
/// Where the server listens when nobody said: <see cref="Default"/>. Whatever the operator sets wins —
/// <c>ASPNETCORE_URLS</c>, <c>--urls</c>, <c>ASPNETCORE_HTTP_PORTS</c>/<c>HTTPS_PORTS</c> or Kestrel endpoints in
/// configuration — which is why the launch profile of <c>dotnet run</c> names no URL of its own (it would override them).
/// </summary>
public static class ListenUrls
{
    public const string Default = "http://localhost:5080";

    /// <summary>The default, or null when the configuration already says where to listen.</summary>
    public static string? DefaultUnlessChosen(IConfiguration config) =>
        string.IsNullOrWhiteSpace(config["urls"]) && string.IsNullOrWhiteSpace(config["http_ports"])
        && string.IsNullOrWhiteSpace(config["https_ports"]) && !config.GetSection("Kestrel:Endpoints").Exists()
            ? Default
            : null;

    public static WebApplicationBuilder ListenWhereAsked(this WebApplicationBuilder builder)
    {
        if (DefaultUnlessChosen(builder.Configuration) is { } url) builder.WebHost.UseUrls(url);
        return builder;
    }
}
