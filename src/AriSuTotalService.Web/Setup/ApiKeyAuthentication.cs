using AriSuTotalService.Domain.Integrations;
using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AriSuTotalService.Web.Setup;

/// <summary>
/// Integration keys (CONTRACTS.md): the <c>X-Api-Key</c> header (Open311 also the <c>api_key</c> field). The key is
/// looked up by its SHA-256 hash; a revoked or unknown key is refused (401); the last use is recorded.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ArisuDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string ScopeClaim = "arisu:scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = await ReadKeyAsync();
        if (string.IsNullOrEmpty(key)) return AuthenticateResult.NoResult();
        var hash = ApiKey.HashOf(key);
        // The key is what tells the office: its lookup comes before any office is known, so it spans offices by name.
        var found = await db.ApiKeys.IgnoreQueryFilters(ArisuDbContext.AllOffices).AsNoTracking().Where(k => k.Hash == hash)
            .Select(k => new { k.Id, k.Name, k.OfficeId, k.Scopes, k.RevokedAtUtc, k.LastUsedAtUtc })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null || found.RevokedAtUtc is not null)
        {
            Logger.LogWarning("API request refused: unknown or revoked key from {Ip}", Context.Connection.RemoteIpAddress);
            return AuthenticateResult.Fail("unknown or revoked API key");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (found.LastUsedAtUtc is null || now - found.LastUsedAtUtc > TimeSpan.FromMinutes(1))
        {
            // Recorded at most once a minute per key, as one statement.
            await db.ApiKeys.IgnoreQueryFilters(ArisuDbContext.AllOffices).Where(k => k.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAtUtc, now));
        }
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, $"api:{found.Name}"),
            new(ClaimTypes.NameIdentifier, $"api-key:{found.Id.ToString(CultureInfo.InvariantCulture)}"),
            new(ArisuClaims.Office, found.OfficeId.ToString(CultureInfo.InvariantCulture)),
        };
        claims.AddRange(found.Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => new Claim(ScopeClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private async Task<string?> ReadKeyAsync()
    {
        if (Request.Headers.TryGetValue(HeaderName, out var header) && !string.IsNullOrWhiteSpace(header)) return header.ToString().Trim();
        if (Request.Path.StartsWithSegments("/open311"))
        {
            if (Request.Query.TryGetValue("api_key", out var q) && !string.IsNullOrWhiteSpace(q)) return q.ToString().Trim();
            if (Request.HasFormContentType)
            {
                var form = await Request.ReadFormAsync(Context.RequestAborted);
                if (form.TryGetValue("api_key", out var f) && !string.IsNullOrWhiteSpace(f)) return f.ToString().Trim();
            }
        }
        return null;
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteErrorAsync(StatusCodes.Status401Unauthorized, "API 키가 없거나 올바르지 않습니다. X-Api-Key 헤더를 확인하세요.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteErrorAsync(StatusCodes.Status403Forbidden, "이 API 키에는 요청한 기능의 권한(scope)이 없습니다.");

    private Task WriteErrorAsync(int status, string message)
    {
        Response.StatusCode = status;
        if (Request.Path.StartsWithSegments("/open311"))
        {
            return Response.WriteAsJsonAsync(new[] { new { code = status, description = message } });
        }
        return Response.WriteAsJsonAsync(new { errors = new[] { new { line = (int?)null, column = (string?)null, message } } },
            new JsonSerializerOptions(JsonSerializerDefaults.Web));
    }
}

public static class ApiPolicies
{
    public static string ForScope(string scope) => $"scope:{scope}";

    public static void AddScopePolicies(AuthorizationOptions o)
    {
        foreach (var scope in ApiKeyScopes.All)
        {
            o.AddPolicy(ForScope(scope), p => p
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, scope));
        }
    }
}
