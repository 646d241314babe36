using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AriSuTotalService.Web.Setup;

/// <summary>
/// Outside Development every cookie (sign-in, anti-forgery) is Secure-only, so a request that arrived over plain HTTP
/// — no TLS here, and no known proxy saying it had TLS — cannot sign in or post a form. Instead of failing inside the
/// anti-forgery check (a 500 with an empty page), it is answered at once: redirected to HTTPS when the app knows its
/// HTTPS port (<c>HttpsRedirection__HttpsPort</c> or an https endpoint), else told why, in the form the caller reads
/// (a page, ProblemDetails for <c>/api</c>, the specification's error for Open311). Health checks answer over HTTP
/// (load balancers probe them so). At start, a warning says when the app serves plain HTTP only.
/// </summary>
public sealed class PlainHttpMiddleware(RequestDelegate next, IConfiguration config, ILogger<PlainHttpMiddleware> logger)
{
    private readonly int? _httpsPort = int.TryParse(config["HttpsRedirection:HttpsPort"] ?? config["https_port"], out var p) ? p : null;

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Request.IsHttps || http.Request.Path.StartsWithSegments("/health"))
        {
            await next(http);
            return;
        }
        if (_httpsPort is { } port && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)))
        {
            var host = port == 443 ? http.Request.Host.Host : $"{http.Request.Host.Host}:{port}";
            http.Response.Redirect($"https://{host}{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}", permanent: false, preserveMethod: true);
            return;
        }
        logger.LogWarning("Refused a plain-HTTP request to {Path}: outside Development the app is used over HTTPS", http.Request.Path);
        const string why = "이 서비스는 HTTPS로만 사용할 수 있습니다: 로그인과 모든 양식의 보안 쿠키는 암호화된 연결에서만 전달됩니다. "
            + "https:// 주소로 접속하세요. (Sign-in needs HTTPS: open the https:// address.)";
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(title: "HTTPS required", detail: why, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(http);
            return;
        }
        if (http.Request.Path.StartsWithSegments("/open311"))
        {
            var format = http.Request.Path.Value?.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) == true ? "xml" : "json";
            await Api.Open311Endpoints.Error(format, StatusCodes.Status400BadRequest, why).ExecuteAsync(http);
            return;
        }
        var https = $"https://{http.Request.Host.Host}{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}";
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!doctype html>
            <html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>HTTPS가 필요합니다 · 아리수토탈서비스</title></head>
            <body style="font-family:sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">
            <h1>HTTPS가 필요합니다</h1>
            <p>{WebUtility.HtmlEncode(why)}</p>
            <p><a href="{WebUtility.HtmlEncode(https)}">{WebUtility.HtmlEncode(https)}</a></p>
            <p>운영자: TLS를 처리하는 프록시를 앞에 두고 <code>ForwardedHeaders__KnownProxies</code>로 알려 주거나, HTTPS 엔드포인트를 설정하세요 (docs/operations.md).</p>
            </body></html>
            """);
    }

    /// <summary>Once the server listens: a warning when, outside Development, none of its addresses is HTTPS.</summary>
    public static void WarnIfPlainOnly(WebApplication app)
    {
        if (app.Environment.IsDevelopment()) return;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (addresses.Count > 0 && !addresses.Any(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)))
                app.Logger.LogWarning(
                    "Serving plain HTTP only ({Addresses}) with {Environment} settings: sign-in and forms need HTTPS. Put a TLS proxy in front and name it " +
                    "(ForwardedHeaders__KnownProxies or __KnownNetworks), or configure an HTTPS endpoint; plain-HTTP requests are told so.",
                    string.Join(", ", addresses), app.Environment.EnvironmentName);
        });
    }
}
