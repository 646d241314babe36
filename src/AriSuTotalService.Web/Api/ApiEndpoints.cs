using System.Globalization;
using System.Text.Json;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Infrastructure.Surges;
using AriSuTotalService.Infrastructure.ApiKeys;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Import;
using Microsoft.AspNetCore.Mvc;
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
        v1.MapPost("/customers/import", (HttpRequest request, CustomerImport import, CancellationToken ct) =>
                RunImportAsync(request, (office, bytes) => import.RunAsync(office, bytes, null, ct), ct))
            .RequireAuthorization(ApiPolicies.ForScope(ApiKeyScopes.Import))
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes));
        v1.MapPost("/complaints/import", (HttpRequest request, ComplaintHistoryImport import, CancellationToken ct) =>
                RunImportAsync(request, (office, bytes) => import.RunAsync(office, bytes, null, ct), ct))
            .RequireAuthorization(ApiPolicies.ForScope(ApiKeyScopes.Import))
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes));
        v1.MapPost("/meter-readings/import", (HttpRequest request, MeterReadingImport import, CancellationToken ct) =>
                RunImportAsync(request, (office, bytes) => import.RunAsync(office, bytes, null, ct), ct))
            .RequireAuthorization(ApiPolicies.ForScope(ApiKeyScopes.Import))
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes));

        v1.MapGet("/reports/performance", async (string? from, string? to, HttpContext http, ArisuDbContext db, CancellationToken ct) =>
            {
                if (!TryMonth(from, out var f)) return Errors(new ImportError(0, "from", "from은 yyyy-MM 형식이어야 합니다."));
                if (!TryMonth(to, out var t)) return Errors(new ImportError(0, "to", "to는 yyyy-MM 형식이어야 합니다."));
                if (t < f) return Errors(new ImportError(0, "to", "to가 from보다 앞섭니다."));
                var r = await Infrastructure.Reports.PerformanceFigures.ComputeAsync(db, http.User.OfficeId(), f, t, null, ct);
                var four = r.FourTypes;
                return Results.Json(new
                {
                    from = f.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    to = t.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    total = r.Total,
                    byType = r.ByType.Select(x => new { typeCode = x.TypeCode, field = x.Field, total = x.Total, citizenApplied = x.CitizenApplied, proactive = x.Proactive, proactiveRate = x.ProactiveRate }),
                    fourTypes = new { total = four.Total, citizenApplied = four.CitizenApplied, proactive = four.Proactive, proactiveRate = four.ProactiveRate },
                    derivedByType = r.ByType.Where(x => x.Derived > 0).Select(x => new { typeCode = x.TypeCode, count = x.Derived }),
                    deadlineCompliance = new { closed = r.Compliance.Closed, closedOnTime = r.Compliance.ClosedOnTime, rate = r.Compliance.Rate },
                }, Json);
            })
            .RequireAuthorization(ApiPolicies.ForScope(ApiKeyScopes.Reports));

        v1.MapPost("/panel-answers/import", (HttpRequest request, PanelAnswerImport import, CancellationToken ct) =>
                RunImportAsync(request, (office, bytes) => import.RunAsync(office, bytes, ct), ct))
            .RequireAuthorization(ApiPolicies.ForScope(ApiKeyScopes.Import))
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes));

        v1.MapPost("/surge-scans", async (string? period, HttpContext http, SurgeScanJob scans, CancellationToken ct) =>
            {
                if (!TryMonth(period, out var month))
                    return Errors(new ImportError(0, "period", "period는 yyyy-MM 형식이어야 합니다."));
                var run = await scans.QueueAsync(http.User.OfficeId(), month, "api", http.User.Identity?.Name ?? "api", ct);
                return Results.Json(new { id = run.Id, state = run.State }, Json, statusCode: StatusCodes.Status202Accepted) is var result
                    ? new LocatedResult($"/api/v1/surge-scans/{run.Id}", result) : result;
            })
            .RequireAuthorization(ApiPolicies.ForScope(ApiKeyScopes.Scans));
        v1.MapGet("/surge-scans/{id:long}", async (long id, ArisuDbContext db, CancellationToken ct) =>
            {
                var r = await db.ScanRuns.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
                return r is null
                    ? Results.Json(new { errors = new[] { new { line = 0, column = "id", message = "검사 기록이 없습니다." } } }, Json, statusCode: 404)
                    : Results.Json(new
                    {
                        id = r.Id, period = r.Period.ToString("yyyy-MM", CultureInfo.InvariantCulture), state = r.State,
                        startedAt = Seoul(r.StartedAtUtc), finishedAt = Seoul(r.FinishedAtUtc),
                        compared = r.Compared, surges = r.Surges, notices = r.Notices, newUse = r.NewUse, anomalies = r.Anomalies, skipped = r.Skipped, gaps = r.Gaps,
                    }, Json);
            })
            .RequireAuthorization(ApiPolicies.ForScope(ApiKeyScopes.Scans));
        v1.MapGet("/surge-cases", async (string? period, ArisuDbContext db, CancellationToken ct) =>
            {
                if (!TryMonth(period, out var month))
                    return Errors(new ImportError(0, "period", "period는 yyyy-MM 형식이어야 합니다."));
                var rows = await db.SurgeCases.AsNoTracking().Where(c => c.Period == month).OrderBy(c => c.Id)
                    .Select(c => new
                    {
                        accountNumber = db.Customers.Where(x => x.Id == c.CustomerId).Select(x => x.AccountNumber).First(),
                        kind = c.Kind, onDiagnosisList = c.OnDiagnosisList, onNoticeList = c.OnNoticeList,
                        previousUsageM3 = c.PreviousUsageM3, previousDays = c.PreviousDays,
                        currentUsageM3 = c.CurrentUsageM3, currentDays = c.CurrentDays,
                        increaseTenths = c.IncreaseTenths, status = c.Status,
                    }).ToListAsync(ct);
                return Results.Json(rows.Select(c => new
                {
                    c.accountNumber, c.kind, c.onDiagnosisList, c.onNoticeList, c.previousUsageM3, c.previousDays, c.currentUsageM3, c.currentDays,
                    increasePercent = c.increaseTenths is { } t ? t / 10m : (decimal?)null, c.status,
                }), Json);
            })
            .RequireAuthorization(ApiPolicies.ForScope(ApiKeyScopes.Scans));
        return app;
    }

    private static string? Seoul(DateTime? utc) => utc is { } u
        ? new DateTimeOffset(SeoulTime.ToLocal(u), TimeSpan.FromHours(9)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
        : null;

    /// <summary>A month as yyyy-MM, between 2000 and 2100 (the years the office's records and plans can have).</summary>
    public static bool TryMonth(string? text, out DateOnly month) =>
        DateOnly.TryParseExact((text ?? "") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month)
        && month.Year is >= 2000 and <= 2100;

    /// <summary>A result with a Location header (202 Accepted for queued work).</summary>
    private sealed class LocatedResult(string location, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }

    public const long MaxImportBytes = 1L << 30;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The file as the request body (text/csv) or as the multipart field "file".</summary>
    public static async Task<byte[]?> ReadFileAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.GetFile("file") is not { } file) return null;
            using var ms = new MemoryStream();
            await file.CopyToAsync(ms, ct);
            return ms.ToArray();
        }
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        return body.ToArray();
    }

    /// <summary>Runs an import for the key's office: <c>200 { imported, updated }</c> or <c>400 { errors }</c>.</summary>
    public static async Task<IResult> RunImportAsync(HttpRequest request, Func<int, byte[], Task<ImportResult>> run, CancellationToken ct)
    {
        byte[]? bytes;
        if (request.ContentType is { Length: > 0 } contentType
            && !ImportMediaTypes.Any(t => contentType.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        try
        {
            bytes = await ReadFileAsync(request, ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Errors(new ImportError(0, null, "요청 본문을 읽을 수 없습니다: " + ex.Message));
        }
        if (bytes is null || bytes.Length == 0)
            return Errors(new ImportError(0, null, "CSV 파일이 없습니다. 본문(text/csv) 또는 multipart의 'file' 필드로 보내세요."));
        try
        {
            var result = await run(request.HttpContext.User.OfficeId(), bytes);
            return Results.Json(new { imported = result.Imported, updated = result.Updated }, Json);
        }
        catch (ImportFailedException ex)
        {
            return Errors([.. ex.Errors]);
        }
    }

    /// <summary>What an error outside the contract means, for the ProblemDetails of /api.</summary>
    public static string StatusDetail(int status) => status switch
    {
        StatusCodes.Status404NotFound => "No /api/v1 endpoint at this path (see /openapi/v1.json).",
        StatusCodes.Status405MethodNotAllowed => "The endpoint does not take this method (see /openapi/v1.json).",
        StatusCodes.Status415UnsupportedMediaType => "Imports take text/csv (or text/plain, application/octet-stream) in the body, or multipart/form-data with a 'file' field.",
        StatusCodes.Status429TooManyRequests => "Too many requests: try again in a minute.",
        _ => "See /openapi/v1.json.",
    };

    /// <summary>The media types an import takes.</summary>
    private static readonly string[] ImportMediaTypes = ["text/csv", "text/plain", "application/octet-stream", "multipart/form-data", "application/vnd.ms-excel"];

    public static IResult Errors(params ImportError[] errors) =>
        Results.Json(new { errors = errors.Select(e => new { line = e.Line, column = e.Column, message = e.Message }) }, Json,
            statusCode: StatusCodes.Status400BadRequest);
}
