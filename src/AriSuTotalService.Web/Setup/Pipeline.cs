using System.Text.Json;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Web.Api;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Infrastructure.Identity;
using AriSuTotalService.Infrastructure.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AriSuTotalService.Web.Setup;

public static class Pipeline
{
    /// <summary>Start-up work: migrations (when configured), roles, schedules, the demo data in Development, missed scans.</summary>
    /// <summary>The application lock the start-up work of a node holds (SQL Server; one node at a time).</summary>
    public const string StartUpLock = "arisu:start-up";

    public static async Task InitializeAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<DatabaseOptions>();
        if (db.MigrateOnStart) await sp.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        // Nodes started at the same moment take turns at the rest (each checks before it inserts: roles, the first office,
        // the scans and reports to catch up), so the second finds the first's work done instead of failing on a key.
        await using var startUp = await ApplicationLock.HoldAsync(db, StartUpLock, TimeSpan.FromMinutes(10), CancellationToken.None);
        if (!app.Environment.IsDevelopment() && string.IsNullOrWhiteSpace(app.Configuration[DataProtectionCertificate.PathKey]))
            app.Logger.LogWarning("DataProtection__CertificatePath is not set: the key ring that signs every cookie is stored unencrypted in the database.");
        if (db.Provider == DatabaseProvider.SqlServer)
            await SqlServerSettings.VerifyAsync(sp.GetRequiredService<ArisuDbContext>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("Database"));
        await sp.GetRequiredService<DatabaseInitializer>().RefreshStatisticsAsync();
        await sp.GetRequiredService<IdentitySetup>().EnsureRolesAsync();
        await sp.GetRequiredService<FirstStart>().EnsureAsync();
        RecurringJobs.Register(sp.GetRequiredService<IRecurringJobManager>(), app.Configuration);
        var demo = Infrastructure.Settings.Read<DemoOptions>(app.Configuration, "Demo");
        if (app.Environment.IsDevelopment() && demo.Enabled)
            await sp.GetRequiredService<DemoSeeder>().SeedAsync(demo);
        // Scans lost with a restart, and a month's scan or report the in-memory job store forgot, run now.
        await sp.GetRequiredService<Infrastructure.Jobs.CatchUpJob>().RunAsync(CancellationToken.None);
    }

    public static WebApplication UseArisuPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error/500");
            app.UseHsts();
            // Secure-only cookies: a plain-HTTP request is redirected or told why, before anything needs a cookie.
            app.UseMiddleware<PlainHttpMiddleware>();
            PlainHttpMiddleware.WarnIfPlainOnly(app);
        }
        // Errors without a body: /api answers ProblemDetails JSON (unknown path 404, wrong method 405, wrong media type
        // 415, rate limit 429), Open311 writes its own, pages show the error page.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages(ctx =>
        {
            var status = ctx.HttpContext.Response.StatusCode;
            return Results.Problem(statusCode: status, title: Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
                detail: ApiEndpoints.StatusDetail(status)).ExecuteAsync(ctx.HttpContext);
        }));
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api") && !c.Request.Path.StartsWithSegments("/open311"),
            pages => pages.UseStatusCodePagesWithReExecute("/Error/{0}"));
        app.UseArisuRequestLogging();
        app.UseRequestLocalization();
        app.UseRouting();
        // No /api endpoint at the path (404), or none for the method (405): answered as such, not as a sign-in challenge.
        app.Use((http, next) =>
        {
            if (!http.Request.Path.StartsWithSegments("/api") || http.GetEndpoint() is RouteEndpoint) return next(http);
            if (http.GetEndpoint() is { RequestDelegate: { } reject }) return reject(http);
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapArisuEndpoints(this WebApplication app)
    {
        // Static files from the build's manifest: compressed ahead (Brotli, gzip) and served by their fingerprinted names
        // (the pages' ~/ links resolve to them), cached for a year when published; a phone downloads the visit list's
        // CSS/JS compressed. Open to everyone: the sign-in page needs its CSS.
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapApi();
        app.MapOpen311();
        app.MapCalendarFeed();
        // The OpenAPI description of /api/v1 and /open311/v2, for integrators holding a key.
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(ApiEndpoints.AnyKey);

        // Liveness answers as long as the process serves; readiness and /health check the database and job storage.
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealth }).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealth })
            .AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteHealth })
            .AllowAnonymous();

        // The dashboard's own filter would allow local requests only; the endpoint policy admits administrators.
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [],
            DashboardTitle = "아리수토탈서비스 작업",
            AppPath = "/",
        }).RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = Roles.Administrator });
        return app;
    }

    private static Task WriteHealth(HttpContext ctx, HealthReport report)
    {
        ctx.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(ctx.Response.Body, new
        {
            status = report.Status.ToString(),
            totalMs = (int)report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
    }
}
