using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Integrations;
using System.Globalization;
using System.Text.Json;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Infrastructure.Surges;
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
        v1.MapComplaintIntake();
        v1.MapPost("/customers/import", (HttpRequest request, CustomerImport import, ImportQueue queue, CancellationToken ct) =>
                RunImportAsync(request, import, queue, ct))
            .RequireAuthorization(ApiPolicies.ForScope(ApiKeyScopes.Import))
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes));
        v1.MapPost("/complaints/import", (HttpRequest request, ComplaintHistoryImport import, ImportQueue queue, CancellationToken ct) =>
                RunImportAsync(request, import, queue, ct))
            .RequireAuthorization(ApiPolicies.ForScope(ApiKeyScopes.Import))
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes));
        v1.MapPost("/meter-readings/import", (HttpRequest request, MeterReadingImport import, ImportQueue queue, CancellationToken ct) =>
                RunImportAsync(request, import, queue, ct))
            .RequireAuthorization(ApiPolicies.ForScope(ApiKeyScopes.Import))
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes));

        v1.MapGet("/reports/performance", async (string? from, string? to, HttpContext http, ArisuDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                if (!TryMonth(from, out var f)) return Errors(ImportError.Of(0, "from", "from은 yyyy-MM 형식이어야 합니다."));
                if (!TryMonth(to, out var t)) return Errors(ImportError.Of(0, "to", "to는 yyyy-MM 형식이어야 합니다."));
                if (t < f) return Errors(ImportError.Of(0, "to", "to가 from보다 앞섭니다."));
                // The figures' one definition, as the dashboard and the reports read it; a running month to today, the year
                // earlier to the same day.
                var period = Infrastructure.Reports.ReportPeriod.Of(f, t, SeoulTime.Today(clock));
                var r = await Infrastructure.Reports.PerformanceFigures.ComputeAsync(db, http.User.OfficeId(), period, null, ct);
                var earlier = await Infrastructure.Reports.PerformanceFigures.ComputeAsync(db, http.User.OfficeId(), period.YearEarlier, null, ct);
                var reduction = Infrastructure.Reports.ReductionFigures.Of(r, earlier);
                var four = r.FourTypes;
                return Results.Json(new
                {
                    from = f.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    to = t.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    countedUntil = period.Until?.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    total = r.Total,
                    byType = r.ByType.Select(x => new { typeCode = x.TypeCode, field = x.Field, total = x.Total, citizenApplied = x.CitizenApplied, proactive = x.Proactive, proactiveRate = x.ProactiveRate, reportColumn = x.ReportColumn }),
                    fourTypes = new { total = four.Total, citizenApplied = four.CitizenApplied, proactive = four.Proactive, proactiveRate = four.ProactiveRate },
                    derivedByType = r.ByType.Where(x => x.Derived > 0).Select(x => new { typeCode = x.TypeCode, count = x.Derived }),
                    derivedTotal = r.DerivedTotal,
                    deadlineCompliance = new { closed = r.Compliance.Closed, closedOnTime = r.Compliance.ClosedOnTime, rate = r.Compliance.Rate },
                    fields = r.Fields.Select(x => new { field = x.Field, total = x.Total, share = x.Share }),
                    indoorEntries = new { total = r.IndoorEntriesTotal, byType = r.IndoorEntries.Select(e => new { typeCode = e.TypeCode, count = e.Complaints }) },
                    reduction = new
                    {
                        previousYearTotal = reduction.All.PreviousYearTotal, rate = reduction.All.Rate,
                        supplyInconvenience = new
                        {
                            total = reduction.SupplyInconvenience.Total, previousYearTotal = reduction.SupplyInconvenience.PreviousYearTotal,
                            rate = reduction.SupplyInconvenience.Rate,
                        },
                    },
                }, Json);
            })
            .RequireAuthorization(ApiPolicies.ForScope(ApiKeyScopes.Reports));

        v1.MapPost("/panel-answers/import", (HttpRequest request, PanelAnswerImport import, ImportQueue queue, CancellationToken ct) =>
                RunImportAsync(request, import, queue, ct))
            .RequireAuthorization(ApiPolicies.ForScope(ApiKeyScopes.Import))
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes));

        v1.MapGet("/imports/{id:long}", async (long id, ArisuDbContext db, ImportQueue queue, CancellationToken ct) =>
                await ImportRunView.LoadAsync(db, queue, id, ct) is { } r
                    ? Results.Json(ImportJson(r), Json)
                    : Results.Json(new { errors = new[] { new { line = 0, column = "id", message = "가져오기 기록이 없습니다." } } }, Json, statusCode: 404))
            .RequireAuthorization(ApiPolicies.ForScope(ApiKeyScopes.Import));

        v1.MapPost("/surge-scans", async (string? period, HttpContext http, SurgeScanJob scans, TimeProvider clock, CancellationToken ct) =>
            {
                if (!TryMonth(period, out var month))
                    return Errors(ImportError.Of(0, "period", "period는 yyyy-MM 형식이어야 합니다."));
                // The page's rule, from the same place: a month that has not begun is not scanned.
                if (SurgeScanJob.Refusal(month, SeoulTime.Today(clock)) is { } refusal) return Errors(ImportError.Of(0, "period", refusal));
                var run = await scans.QueueAsync(http.User.OfficeId(), month, "api", http.User.Identity?.Name ?? "api", ct);
                return Results.Json(new { id = run.Id, state = run.State }, Json, statusCode: StatusCodes.Status202Accepted) is var result
                    ? new LocatedResult($"/api/v1/surge-scans/{run.Id}", result) : result;
            })
            .RequireAuthorization(ApiPolicies.ForScope(ApiKeyScopes.Scans));
        v1.MapGet("/surge-scans/{id:long}", async (long id, ArisuDbContext db, ScanProgressBoard board, CancellationToken ct) =>
            {
                var r = await db.ScanRuns.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
                return r is null
                    ? Results.Json(new { errors = new[] { new { line = 0, column = "id", message = "검사 기록이 없습니다." } } }, Json, statusCode: 404)
                    : Results.Json(new
                    {
                        id = r.Id, period = r.Period.ToString("yyyy-MM", CultureInfo.InvariantCulture), state = r.State,
                        startedAt = Seoul(r.StartedAtUtc), finishedAt = Seoul(r.FinishedAtUtc),
                        compared = r.Compared, surges = r.Surges, notices = r.Notices, newUse = r.NewUse, anomalies = r.Anomalies, skipped = r.Skipped, gaps = r.Gaps,
                        judged = board.Current(r).Judged, toJudge = board.Current(r).ToJudge,
                    }, Json);
            })
            .RequireAuthorization(ApiPolicies.ForScope(ApiKeyScopes.Scans));
        v1.MapGet("/surge-cases", async (string? period, ArisuDbContext db, CancellationToken ct) =>
            {
                if (!TryMonth(period, out var month))
                    return Errors(ImportError.Of(0, "period", "period는 yyyy-MM 형식이어야 합니다."));
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
    internal sealed class LocatedResult(string location, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }

    public const long MaxImportBytes = 1L << 30;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The file as the request body (text/csv) or as the multipart field "file", spooled to disk as it arrives.</summary>
    public static async Task<(CsvSource? File, string Name)> SpoolFileAsync(HttpRequest request, string kind, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.GetFile("file") is not { } file) return (null, "");
            await using var upload = file.OpenReadStream();
            return (await CsvSource.SpoolAsync(upload, ImportQueue.Folder, ct), file.FileName);
        }
        var name = Microsoft.Net.Http.Headers.ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var cd)
            && (cd.FileNameStar.Value ?? cd.FileName.Value) is { Length: > 0 } n ? n.Trim('"') : kind + ".csv";
        return (await CsvSource.SpoolAsync(request.Body, ImportQueue.Folder, ct), name);
    }

    /// <summary>RFC 7240: the client asked for an asynchronous answer (<c>Prefer: respond-async</c>).</summary>
    public static bool PrefersAsync(HttpRequest request) =>
        request.Headers["Prefer"].SelectMany(v => (v ?? "").Split(','))
            .Any(p => p.Split(';', 2)[0].Split('=', 2)[0].Trim().Equals("respond-async", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Runs an import for the key's office: <c>200 { imported, updated }</c> or <c>400 { errors }</c>; with
    /// <c>Prefer: respond-async</c>, <c>202 { id, state }</c> at once with a <c>Location</c> to follow.
    /// </summary>
    public static async Task<IResult> RunImportAsync(HttpRequest request, ICsvImport import, ImportQueue queue, CancellationToken ct)
    {
        if (request.ContentType is { Length: > 0 } contentType
            && !ImportMediaTypes.Any(t => contentType.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        CsvSource? file;
        string name;
        try
        {
            (file, name) = await SpoolFileAsync(request, import.Kind, ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Errors(ImportError.Of(0, null, "요청 본문을 읽을 수 없습니다: {0}", ex.Message));
        }
        if (file is null || file.Length == 0)
        {
            file?.Dispose();
            return Errors(ImportError.Of(0, null, "CSV 파일이 없습니다. 본문(text/csv) 또는 multipart의 'file' 필드로 보내세요."));
        }
        var user = request.HttpContext.User;
        var (run, done) = await queue.SubmitAsync(user.OfficeId(), import, file, name, user.Identity?.Name ?? "api", ct);
        if (PrefersAsync(request))
        {
            request.HttpContext.Response.Headers["Preference-Applied"] = "respond-async";
            return new LocatedResult($"/api/v1/imports/{run.Id}",
                Results.Json(new { id = run.Id, state = run.State }, Json, statusCode: StatusCodes.Status202Accepted));
        }
        // The import goes on if the client leaves; its run keeps the result.
        var finished = await done.WaitAsync(ct);
        if (finished.State == RunStates.Completed)
            return Results.Json(new
            {
                imported = finished.Imported, updated = finished.Updated,
                warnings = Problems(ImportError.FromJson(finished.Warnings)), warningCount = finished.WarningCount,
            }, Json);
        if (finished.Errors is { } errors)
            return Results.Text($"{{\"errors\":{errors}}}", "application/json; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        return Results.Problem(finished.Reason, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The import did not finish.");
    }

    /// <summary>GET /api/v1/imports/{id}.</summary>
    public static object ImportJson(ImportRunView r) => new
    {
        id = r.Id, kind = r.Kind, state = r.State, rowsChecked = r.RowsChecked, rowsWritten = r.RowsWritten,
        imported = r.Imported, updated = r.Updated,
        errors = Problems(r.Errors), warnings = Problems(r.Warnings), warningCount = r.WarningCount,
        startedAt = Seoul(r.StartedAtUtc), finishedAt = Seoul(r.FinishedAtUtc),
        fileName = r.FileName, fileRows = r.FileRows, reason = r.Reason, requestedAt = Seoul(r.RequestedAtUtc),
    };

    /// <summary>What an error outside the contract means, for the ProblemDetails of /api.</summary>
    public static string StatusDetail(int status) => status switch
    {
        StatusCodes.Status404NotFound => "No /api/v1 endpoint at this path (see /openapi/v1.json).",
        StatusCodes.Status405MethodNotAllowed => "The endpoint does not take this method (see /openapi/v1.json).",
        StatusCodes.Status415UnsupportedMediaType => "Imports take text/csv (or text/plain, application/octet-stream) in the body, or multipart/form-data with a 'file' field; POST /api/v1/complaints takes application/json.",
        StatusCodes.Status429TooManyRequests => "Too many requests: try again in a minute.",
        _ => "See /openapi/v1.json.",
    };

    /// <summary>The media types an import takes.</summary>
    private static readonly string[] ImportMediaTypes = ["text/csv", "text/plain", "application/octet-stream", "multipart/form-data", "application/vnd.ms-excel"];

    public static IResult Errors(params ImportError[] errors) =>
        Results.Json(new { errors = Problems(errors) }, Json, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>A file's problems or warnings as CONTRACTS.md writes them: <c>{ line, column, message }</c> (with the message's key and values).</summary>
    private static IEnumerable<object> Problems(IEnumerable<ImportError> problems) =>
        problems.Select(e => new { line = e.Line, column = e.Column, message = e.Message, key = e.Key, args = e.Args });
}
