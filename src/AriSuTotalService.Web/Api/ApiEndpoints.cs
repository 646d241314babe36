using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Api;

/// <summary><c>/api/v1</c>: integrations with an API key (CONTRACTS.md). Every endpoint names its scope.</summary>
public static class ApiEndpoints
{
    public const string AnyKey = "api-key";

    public static void AddApiPolicies(AuthorizationOptions o) =>
        o.AddPolicy(AnyKey, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser());

    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1").DisableAntiforgery();

        // The catalogue of complaint types, so that integrating systems use the codes of this office.
        v1.MapGet("/complaint-types", async (ArisuDbContext db, CancellationToken ct) =>
            await db.ComplaintTypes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder)
                .Select(t => new
                {
                    code = t.Code,
                    field = t.Field,
                    name = t.NameKo,
                    nameEn = t.NameEn,
                    totalService = t.IsTotalService,
                    division = t.HandlingDivision,
                    periodUnit = t.PeriodUnit.ToString().ToLowerInvariant(),
                    periodValue = t.PeriodValue,
                    needsVisit = t.NeedsVisit,
                    entersHome = t.EntersHome,
                }).ToListAsync(ct))
            .RequireAuthorization(AnyKey);
        return app;
    }
}
