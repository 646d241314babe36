using Microsoft.Extensions.Localization;
using AriSuTotalService.Infrastructure.Visits;
using System.Globalization;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using System.Threading.RateLimiting;

namespace AriSuTotalService.Web.Setup;

public static class WebServices
{
    public static readonly CultureInfo[] Cultures = [new("ko-KR"), new("en-US")];

    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        services.AddHttpContextAccessor();
        services.AddForwardedHeadersFromConfiguration(config);
        services.AddArisuTelemetry(config);
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddScoped<IUserClaimsPrincipalFactory<ApplicationUser>, ArisuClaimsFactory>();

        // Korean text is written as is, not as numeric character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // The resource files' localizers, with Korean particles chosen by the word before them.
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory, ParticleLocalizerFactory>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("ko-KR");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Korean unless the user chose English with the switch; the browser's language is not consulted.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        services.AddRazorPages(o =>
            {
                o.Conventions.AllowAnonymousToPage("/Account/Login");
                o.Conventions.AllowAnonymousToPage("/Error");
                o.Conventions.AllowAnonymousToPage("/Culture");
            })
            .AddMvcOptions(o =>
            {
                o.ModelBinderProviders.Insert(0, new LineBreakModelBinderProvider());
                o.Filters.Add<TextTooLongFilter>();
                o.Filters.Add<LocalizedModelState>();
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(o =>
        {
            // A page that names no role still needs a signed-in user.
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            ApiPolicies.AddScopePolicies(o);
            Api.ApiEndpoints.AddApiPolicies(o);
        });
        services.AddOpenApi(o => o.ShouldInclude = d => d.RelativePath is { } p && (p.StartsWith("api/", StringComparison.Ordinal) || p.StartsWith("open311/", StringComparison.Ordinal)));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            Api.Open311Endpoints.AddOpen311RateLimit(o);
            o.OnRejected = async (ctx, ct) =>
            {
                var http = ctx.HttpContext;
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("RateLimit")
                    .LogWarning("Rate limit hit on {Path} from {Ip}", http.Request.Path, http.Connection.RemoteIpAddress);
                // Open311 clients read the specification's error list, in the format the path asks for.
                if (http.Request.Path.StartsWithSegments("/open311"))
                {
                    var format = http.Request.Path.Value?.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) == true ? "xml" : "json";
                    await Api.Open311Endpoints.Error(format, StatusCodes.Status429TooManyRequests, "요청이 너무 많습니다. 1분 뒤에 다시 시도하세요.")
                        .ExecuteAsync(http);
                }
            };
        });
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = ".Arisu.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = env.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Error/403";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30); // idle timeout
            o.SlidingExpiration = true;
            o.Events = new CookieAuthenticationEvents
            {
                OnRedirectToAccessDenied = ctx =>
                {
                    ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                },
                OnRedirectToLogin = ctx =>
                {
                    if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/open311"))
                    {
                        ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    }
                    else
                    {
                        ctx.Response.Redirect(ctx.RedirectUri);
                    }
                    return Task.CompletedTask;
                },
                OnValidatePrincipal = async ctx =>
                {
                    // 12-hour absolute lifetime from the sign-in, whatever the sliding renewals did.
                    var clock = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                    var authTime = ctx.Principal?.FindFirst(ArisuClaims.AuthTime)?.Value;
                    if (authTime is null || !long.TryParse(authTime, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                        || clock.GetUtcNow().UtcTicks - ticks > TimeSpan.FromHours(12).Ticks)
                    {
                        ctx.RejectPrincipal();
                        await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                        return;
                    }
                    await SecurityStampValidator.ValidatePrincipalAsync(ctx);
                },
            };
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(5);
            o.OnRefreshingPrincipal = ctx =>
            {
                // A refreshed principal keeps the original sign-in time.
                var original = ctx.CurrentPrincipal?.FindFirst(ArisuClaims.AuthTime);
                var identity = ctx.NewPrincipal?.Identity as System.Security.Claims.ClaimsIdentity;
                if (original is not null && identity is not null)
                {
                    foreach (var c in identity.FindAll(ArisuClaims.AuthTime).ToList()) identity.RemoveClaim(c);
                    identity.AddClaim(new System.Security.Claims.Claim(ArisuClaims.AuthTime, original.Value));
                }
                return Task.CompletedTask;
            };
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ".Arisu.Antiforgery";
            o.Cookie.SecurePolicy = env.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        return services;
    }
}
