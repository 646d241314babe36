using AriSuTotalService.Domain.Integrations;
using AriSuTotalService.Infrastructure.Visits;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using System.Xml.Linq;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features;
using AriSuTotalService.Infrastructure.Features.Complaints;
using Microsoft.Extensions.Localization;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Api;

/// <summary>
/// Open311 GeoReport v2 at <c>/open311/v2</c> for the city's web portal and call centre: the services (complaint
/// types), their attributes, service requests in (into the normal intake, channel <c>web</c>) and out (status, the
/// division responsible, the legal deadline, the place to about 100 m: address masked to the dong, coordinates to
/// three decimals; never the citizen's contact details), and FixMyStreet's extension for updates. As the
/// specification says, reads need no key and name the office by <c>jurisdiction_id</c> (the ids discovery lists);
/// posting needs the office's key (<c>api_key</c>, or the <c>X-Api-Key</c> header) with the <c>open311</c> scope.
/// JSON or XML by the format suffix; every error, of every path, is the specification's list of
/// <c>{code, description}</c> in the format asked for.
/// </summary>
public static partial class Open311Endpoints
{
    public const string RateLimit = "open311";
    public const int MaxDescription = 4000;
    /// <summary>The intake page's limits (the complaint's columns): address 300, caller's name 100.</summary>
    public const int MaxAddress = 300;
    public const int MaxName = 100;
    /// <summary>The longest address RFC 5321 lets through (the column's length).</summary>
    public const int MaxEmail = RegisterComplaint.Validator.MaxEmail;
    private const string Changeset = "2026-12-01T00:00:00+09:00";
    private const string ReadsNeedNoKey = "No key is needed to read (GeoReport v2). jurisdiction_id names the office (discovery lists them); " +
        "it may be left out where the endpoint serves one office. A key sent anyway must be of that office.";

    /// <summary>The specification's error: its code (the HTTP status) and what was wrong.</summary>
    public sealed record Open311Error(int Code, string Description);

    public static void AddOpen311RateLimit(RateLimiterOptions o) =>
        o.AddPolicy(RateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
            ctx.Request.Headers[ApiKeyAuthenticationHandler.HeaderName].ToString() is { Length: > 0 } key ? ApiKey.HashOf(key)
                : ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 120, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public static string JurisdictionOf(int officeId) => $"arisu-{officeId.ToString(CultureInfo.InvariantCulture)}";

    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        // Authorisation is Open311's own (reads open, posts keyed), answered in the specification's format.
        var v2 = app.MapGroup("/open311/v2").DisableAntiforgery().AllowAnonymous().RequireRateLimiting(RateLimit)
            .WithTags("Open311 GeoReport v2");

        v2.MapGet("/discovery.{format}", async (string format, HttpContext http, ArisuDbContext db) =>
        {
            if (Check(format) is { } error) return error;
            var offices = await db.Offices.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Id, o.Name }).ToListAsync(http.RequestAborted);
            var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}/open311/v2";
            return Respond(format, http, () => new Dictionary<string, object?>
            {
                ["changeset"] = Changeset,
                ["contact"] = offices.Count == 1 ? offices[0].Name : "서울특별시 상수도사업본부",
                ["key_service"] = "관리 › API 키 (open311 권한): 요청 등록에만 필요합니다",
                ["jurisdiction_id"] = offices.Count == 1 ? JurisdictionOf(offices[0].Id) : null,
                ["jurisdictions"] = offices.Select(o => new Dictionary<string, object?> { ["jurisdiction_id"] = JurisdictionOf(o.Id), ["name"] = o.Name }).ToList(),
                ["endpoints"] = new[]
                {
                    new Dictionary<string, object?>
                    {
                        ["specification"] = "http://wiki.open311.org/GeoReport_v2", ["url"] = baseUrl, ["changeset"] = Changeset,
                        ["type"] = "production", ["formats"] = new[] { "application/json", "text/xml" },
                    },
                },
            }, "discovery");
        }).WithSummary("Discovery: the endpoint and the jurisdictions (offices) it serves").WithDescription(ReadsNeedNoKey)
            .Produces<Dictionary<string, object?>>(200, "application/json", "text/xml").Produces<List<Open311Error>>(404, "application/json", "text/xml");

        v2.MapGet("/services.{format}", async (string format, string? jurisdiction_id, HttpContext http, ArisuDbContext db) =>
        {
            if (await ReaderAsync(format, jurisdiction_id, http, db) is { Error: { } error }) return error;
            var types = await db.ComplaintTypes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder).ToListAsync(http.RequestAborted);
            return Respond(format, http, () => types.Select(t => new Dictionary<string, object?>
            {
                ["service_code"] = t.Code, ["service_name"] = t.NameKo,
                ["description"] = $"{t.NameKo} ({t.NameEn}) · 처리기한 {t.Period} · 담당 {t.HandlingDivision}",
                ["metadata"] = true, ["type"] = "realtime",
                ["keywords"] = string.Join(',', new[] { t.NameKo, t.NameEn, ComplaintFields.Korean(t.Field) }),
                ["group"] = ComplaintFields.Korean(t.Field),
            }).ToList(), "services", "service");
        }).WithSummary("The services (complaint types)").WithDescription(ReadsNeedNoKey).Open311Reads();

        v2.MapGet("/services/{code}.{format}", async (string code, string format, string? jurisdiction_id, HttpContext http, ArisuDbContext db) =>
        {
            if (await ReaderAsync(format, jurisdiction_id, http, db) is { Error: { } error }) return error;
            var type = await db.ComplaintTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Code == code && t.IsActive, http.RequestAborted);
            if (type is null) return Error(format, 404, $"알 수 없는 service_code입니다: {code}");
            var attributes = new List<Dictionary<string, object?>>
            {
                Attribute("account_number", "string", false, "수용가번호 (예: 12-3456789)", 1, "고지서에 있는 수용가번호", null),
            };
            if (type.NeedsVisit)
            {
                attributes.Add(Attribute("preferred_date", "datetime", false, "yyyy-MM-dd", 2, "방문 희망일", null));
                attributes.Add(Attribute("preferred_window", "singlevaluelist", false, "방문 희망 시간대", 3, "방문 희망 시간대",
                    http.RequestServices.GetRequiredService<VisitWindows>().All.Select(w => new Dictionary<string, object?> { ["key"] = w, ["name"] = VisitWindows.Label(w) }).ToList()));
            }
            return Respond(format, http, () => new Dictionary<string, object?> { ["service_code"] = type.Code, ["attributes"] = attributes }, "service_definition");
        }).WithSummary("A service's definition: its attributes, and which are required").WithDescription(ReadsNeedNoKey).Open311Reads();

        v2.MapPost("/requests.{format}", async (string format, HttpContext http, RegisterComplaint.Handler register, ArisuDbContext db) =>
        {
            var (F, refused) = await PostAsync(format, http, db);
            if (refused is not null) return refused;
            var code = F("service_code");
            if (code is null) return Error(format, 400, "service_code가 필요합니다.");
            var type = await db.ComplaintTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Code == code && t.IsActive, http.RequestAborted);
            if (type is null) return Error(format, 404, $"알 수 없는 service_code입니다: {code}");
            var description = F("description");
            if (description?.Length > MaxDescription) return Error(format, 400, $"description은 {MaxDescription}자 이내여야 합니다.");
            var address = F("address_string");
            if (address?.Length > MaxAddress) return Error(format, 400, $"address_string은 {MaxAddress}자 이내여야 합니다.");
            foreach (var field in new[] { "first_name", "last_name", "device_id", "account_id", "address_id", "attribute[account_number]", "lat", "long", "media_url" })
                if (F(field)?.Length > MaxName) return Error(format, 400, $"{field}은(는) {MaxName}자 이내여야 합니다.");
            var lat = F("lat");
            var lon = F("long");
            var addressId = F("address_id");
            if (address is null && addressId is null && (lat is null || lon is null))
                return Error(format, 400, "위치가 필요합니다: address_string, lat와 long, 또는 address_id 중 하나를 보내세요.");
            decimal? latitude = null, longitude = null;
            if (lat is not null || lon is not null)
            {
                if (!decimal.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var la)
                    || !decimal.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var lo) || la is < -90 or > 90 || lo is < -180 or > 180)
                    return Error(format, 400, "lat와 long은 위도·경도 숫자여야 합니다 (WGS 84, 예: lat=37.4783, long=126.9516).");
                (latitude, longitude) = (la, lo);
            }
            var account = F("attribute[account_number]") ?? addressId;
            long? customerId = null;
            if (account is not null)
            {
                customerId = await db.Customers.Where(c => c.AccountNumber == account).Select(c => (long?)c.Id).SingleOrDefaultAsync(http.RequestAborted);
                if (customerId is null) return Error(format, 400, $"이 사업소의 수용가번호가 아닙니다: {account}");
            }
            var phone = F("phone");
            var email = F("email");
            DateOnly? preferred = null;
            if (F("attribute[preferred_date]") is { } pd)
            {
                if (!DateOnly.TryParseExact(pd, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    return Error(format, 400, "attribute[preferred_date]는 yyyy-MM-dd 형식이어야 합니다.");
                preferred = d;
            }
            var window = F("attribute[preferred_window]");
            var name = string.Join(' ', new[] { F("last_name"), F("first_name") }.Where(n => n is not null));
            if (name.Length > MaxName) return Error(format, 400, $"last_name과 first_name은 합쳐 {MaxName}자 이내여야 합니다.");
            try
            {
                // The same command as the intake page and /api/v1/complaints: the same rules, the same refusals.
                // Someone who left a way back is the caller (the holder's details otherwise).
                var caller = phone is not null || email is not null || name.Length > 0;
                var result = await register.HandleAsync(new IntakeRequest(customerId, type.Code, Channels.Web,
                    description, address, name.Length == 0 ? (caller ? "신청인" : null) : name, phone,
                    customerId is not null && caller ? CallerRelations.Other : null, preferred, window, [], email, latitude, longitude), http.RequestAborted);
                return Respond(format, http, () => new[]
                {
                    new Dictionary<string, object?>
                    {
                        ["service_request_id"] = result.First.ReceptionNumber,
                        ["service_notice"] = $"처리기한 {Seoul(result.First.DeadlineAtUtc)}, 담당 {result.First.Division}",
                        ["account_id"] = null,
                    },
                }.ToList(), "service_requests", "request");
            }
            catch (ValidationFailedException ex)
            {
                var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                return Error(format, 400, string.Join(" ", ex.Errors.Select(e => $"{FormField(e.Field)}: {l.Text(e)}")));
            }
            catch (DomainException ex)
            {
                return Error(format, 400, Localized(http, ex));
            }
        }).WithSummary("Posts a service request (needs the office's api_key with the open311 scope)")
            .WithDescription("Form fields as GeoReport v2: service_code, a location (lat and long, address_string or address_id), and a way back " +
                "(email, phone or attribute[account_number]); what a service requires is stated in its definition. A missing or wrong key is 403.")
            .Open311Posts();

        v2.MapGet("/tokens/{token}.{format}", async (string token, string format, string? jurisdiction_id, HttpContext http, ArisuDbContext db) =>
        {
            if (await ReaderAsync(format, jurisdiction_id, http, db) is { Error: { } error }) return error;
            // Requests are registered at once, so a request's token is its reception number.
            var found = await db.Complaints.AsNoTracking().AnyAsync(c => c.ReceptionNumber == token, http.RequestAborted);
            return found
                ? Respond(format, http, () => new[] { new Dictionary<string, object?> { ["service_request_id"] = token, ["token"] = token } }.ToList(), "service_requests", "request")
                : Error(format, 404, $"알 수 없는 token입니다: {token}");
        }).WithSummary("The request a token stands for").WithDescription(ReadsNeedNoKey).Open311Reads();

        v2.MapGet("/requests/{id}.{format}", async (string id, string format, string? jurisdiction_id, HttpContext http, ArisuDbContext db) =>
        {
            if (await ReaderAsync(format, jurisdiction_id, http, db) is { Error: { } error }) return error;
            var rows = await Requests(db, db.Complaints.AsNoTracking().Where(c => c.ReceptionNumber == id), http.RequestAborted);
            return rows.Count == 0 ? Error(format, 404, $"알 수 없는 service_request_id입니다: {id}") : Respond(format, http, () => rows, "service_requests", "request");
        }).WithSummary("One service request").WithDescription(ReadsNeedNoKey).Open311Reads();

        v2.MapGet("/requests.{format}", async (string format, string? jurisdiction_id, string? service_request_id, string? service_code,
            string? start_date, string? end_date, string? status, string? page, string? page_size, HttpContext http, ArisuDbContext db, TimeProvider clock) =>
        {
            var q = http.Request.Query;
            if (await ReaderAsync(format, jurisdiction_id, http, db) is { Error: { } error }) return error;
            var complaints = db.Complaints.AsNoTracking();
            if (q["service_request_id"].ToString() is { Length: > 0 } ids)
            {
                var list = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(200).ToList();
                complaints = complaints.Where(c => list.Contains(c.ReceptionNumber));
            }
            else
            {
                var period = Period(format, q, clock, TimeSpan.FromDays(90), TimeSpan.FromDays(90));
                if (period.Error is { } wrong) return wrong;
                var (start, end) = (period.Start, period.End);
                complaints = complaints.Where(c => c.ReceivedAtUtc >= start && c.ReceivedAtUtc <= end);
            }
            if (q["service_code"].ToString() is { Length: > 0 } codes)
            {
                var list = codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                complaints = complaints.Where(c => list.Contains(c.Type!.Code));
            }
            switch (q["status"].ToString())
            {
                case "": break;
                case "open": complaints = complaints.Where(c => ComplaintStatuses.Open.Contains(c.Status)); break;
                case "closed": complaints = complaints.Where(c => !ComplaintStatuses.Open.Contains(c.Status)); break;
                default: return Error(format, 400, "status는 open 또는 closed여야 합니다.");
            }
            var number = int.TryParse(q["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : 1;
            var size = int.TryParse(q["page_size"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= 200 ? s : 50;
            if (q["page"].Count > 0 && number.ToString(CultureInfo.InvariantCulture) != q["page"]) return Error(format, 400, "page는 1 이상의 정수여야 합니다.");
            if (q["page_size"].Count > 0 && size.ToString(CultureInfo.InvariantCulture) != q["page_size"]) return Error(format, 400, "page_size는 1~200의 정수여야 합니다.");
            var rows = await Requests(db, complaints.OrderByDescending(c => c.ReceivedAtUtc).ThenByDescending(c => c.Id).Skip((number - 1) * size).Take(size), http.RequestAborted);
            return Respond(format, http, () => rows, "service_requests", "request");
        }).WithSummary("Service requests: by id, or received in a period (default the last 90 days), by service and status")
            .WithDescription(ReadsNeedNoKey).Open311Reads();

        MapUpdates(v2);

        // Any other path under /open311/v2: the specification's 404, in the format the path asks for.
        app.MapFallback("/open311/v2/{**path}", (HttpContext http) =>
                Error(http.Request.Path.Value?.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) == true ? "xml" : "json", 404,
                    $"없는 Open311 경로입니다: {http.Request.Path}"))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The timeline entries a citizen may read as updates, with what they say publicly.</summary>
    public const string CitizenComment = ComplaintEventKinds.CitizenComment;

    private static readonly string[] PublicKinds = [.. ComplaintEventKinds.Public];

    private static string PublicDescription(string kind, string? detail) => kind switch
    {
        ComplaintEventKinds.Received => "접수",
        ComplaintEventKinds.Scheduled => "방문 예약",
        ComplaintEventKinds.Visited => "방문 완료",
        ComplaintEventKinds.Transferred => "담당 부서로 이첩",
        ComplaintEventKinds.TransferResult => "이첩 부서의 처리 결과 회신",
        ComplaintEventKinds.Resolved => $"처리 완료: {Masking.FreeText(detail)}",
        ComplaintEventKinds.Cancelled => "취소",
        ComplaintEventKinds.Extended => "처리기한 연장",
        ComplaintEventKinds.Paused => "보완 요청으로 처리 일시 정지",
        ComplaintEventKinds.Resumed => "처리 재개",
        CitizenComment => $"민원인 의견: {Masking.FreeText(detail)}",
        _ => kind,
    };

    /// <summary>Updates of requests (FixMyStreet's GeoReport v2 extension): read by anyone, a citizen's comment posted with the key.</summary>
    private static void MapUpdates(RouteGroupBuilder v2)
    {
        v2.MapGet("/servicerequestupdates.{format}", async (string format, string? jurisdiction_id, string? start_date, string? end_date,
            string? service_request_id, HttpContext http, ArisuDbContext db, TimeProvider clock) =>
        {
            if (await ReaderAsync(format, jurisdiction_id, http, db) is { Error: { } error }) return error;
            var period = Period(format, http.Request.Query, clock, TimeSpan.FromDays(7), TimeSpan.FromDays(90));
            if (period.Error is { } wrong) return wrong;
            var (start, end) = (period.Start, period.End);
            var complaints = db.Complaints.AsNoTracking();
            if (!string.IsNullOrEmpty(service_request_id)) complaints = complaints.Where(c => c.ReceptionNumber == service_request_id);
            var rows = await (
                from e in db.ComplaintEvents.AsNoTracking()
                join c in complaints on e.ComplaintId equals c.Id
                where e.AtUtc >= start && e.AtUtc <= end && PublicKinds.Contains(e.Kind)
                orderby e.AtUtc, e.Id
                select new { e.Id, c.ReceptionNumber, e.Kind, e.Detail, e.AtUtc, c.Status }).Take(1000).ToListAsync(http.RequestAborted);
            return Respond(format, http, () => rows.Select(u => new Dictionary<string, object?>
            {
                ["update_id"] = u.Id.ToString(CultureInfo.InvariantCulture),
                ["service_request_id"] = u.ReceptionNumber,
                ["status"] = u.Kind is ComplaintEventKinds.Resolved or ComplaintEventKinds.Cancelled || (u.Kind == CitizenComment && !ComplaintStatuses.Open.Contains(u.Status)) ? "closed" : "open",
                ["updated_datetime"] = Seoul(u.AtUtc),
                ["description"] = PublicDescription(u.Kind, u.Detail),
                ["media_url"] = null,
            }).ToList(), "service_request_updates", "request_update");
        }).WithSummary("Updates of the office's requests in a period (default the last 7 days, at most 90): status changes and public notes")
            .WithDescription(ReadsNeedNoKey).Open311Reads();

        v2.MapPost("/servicerequestupdates.{format}", async (string format, HttpContext http, ArisuDbContext db, AddCitizenComment.Handler comments) =>
        {
            var (F, refused) = await PostAsync(format, http, db);
            if (refused is not null) return refused;
            var id = F("service_request_id");
            try
            {
                var eventId = await comments.HandleAsync(new AddCitizenComment.Command(id, F("description"), $"open311:{http.User.Identity?.Name}"), http.RequestAborted);
                return eventId is { } eid
                    ? Respond(format, http, () => new[] { new Dictionary<string, object?> { ["update_id"] = eid.ToString(CultureInfo.InvariantCulture) } }.ToList(),
                        "service_request_updates", "request_update")
                    : Error(format, 404, $"알 수 없는 service_request_id입니다: {id}");
            }
            catch (ValidationFailedException ex)
            {
                // Named by the specification's fields, as the request was sent.
                var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                return Error(format, 400, string.Join(" ", ex.Errors.Select(e =>
                    $"{(e.Field == nameof(AddCitizenComment.Command.ReceptionNumber) ? "service_request_id" : "description")}: {l.Text(e)}")));
            }
        }).WithSummary("Adds a citizen's comment to a request's timeline (needs the office's api_key with the open311 scope)")
            .Open311Posts();
    }

    /// <summary>A citizen's comment fits the timeline entry with its label.</summary>
    public const int MaxComment = AddCitizenComment.MaxComment;

    private static Dictionary<string, object?> Attribute(string code, string datatype, bool required, string datatypeDescription, int order,
        string description, List<Dictionary<string, object?>>? values) => new()
    {
        ["variable"] = true, ["code"] = code, ["datatype"] = datatype, ["required"] = required, ["datatype_description"] = datatypeDescription,
        ["order"] = order, ["description"] = description, ["values"] = values ?? [],
    };

    private static async Task<List<Dictionary<string, object?>>> Requests(ArisuDbContext db, IQueryable<Complaint> complaints, CancellationToken ct)
    {
        var rows = await (
            from c in complaints
            join k in db.Customers on c.CustomerId equals (long?)k.Id into ks
            from k in ks.DefaultIfEmpty()
            select new
            {
                c.ReceptionNumber, c.Status, c.Resolution, Name = c.Type!.NameKo, Code = c.Type.Code, c.Division, c.ReceivedAtUtc, c.UpdatedAtUtc,
                c.DeadlineAtUtc, c.Location, c.Latitude, c.Longitude, Customer = k == null ? null : new { k.Address, k.Dong, k.District },
            }).ToListAsync(ct);
        return rows.Select(c =>
        {
            var place = Position(c.Latitude, c.Longitude, c.Customer?.District ?? SeoulDistricts.In(c.Location));
            return new Dictionary<string, object?>
        {
            ["service_request_id"] = c.ReceptionNumber,
            ["status"] = ComplaintStatuses.Open.Contains(c.Status) ? "open" : "closed",
            ["status_notes"] = c.Status == ComplaintStatuses.Resolved ? Masking.FreeText(c.Resolution) : StatusLabels.Of(c.Status),
            ["service_name"] = c.Name,
            ["service_code"] = c.Code,
            ["description"] = null,
            ["agency_responsible"] = c.Division,
            ["service_notice"] = $"처리기한 {Seoul(c.DeadlineAtUtc)}",
            ["requested_datetime"] = Seoul(c.ReceivedAtUtc),
            ["updated_datetime"] = Seoul(c.UpdatedAtUtc ?? c.ReceivedAtUtc),
            ["expected_datetime"] = Seoul(c.DeadlineAtUtc),
            ["address"] = c.Customer is { } k ? Masking.Address(k.Address, k.Dong, k.District)
                : c.Location is null ? null : Masking.Address(c.Location, null, null),
            ["address_id"] = null,
            ["zipcode"] = null,
            // About 100 m, like the address masked to the dong; without coordinates, the district office's position.
            ["lat"] = place?.Latitude,
            ["long"] = place?.Longitude,
            ["media_url"] = null,
        };
        }).ToList();
    }

    private static (decimal Latitude, decimal Longitude)? Position(decimal? latitude, decimal? longitude, string? district) =>
        latitude is { } la && longitude is { } lo ? (Math.Round(la, 3), Math.Round(lo, 3))
        : district is not null && SeoulDistricts.OfficePositions.TryGetValue(district, out var p) ? p
        : null;

    private static string Seoul(DateTime utc) =>
        new DateTimeOffset(SeoulTime.ToLocal(utc), TimeSpan.FromHours(9)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static IResult? Check(string format) =>
        format is "json" or "xml" ? null : Error("json", 404, "형식은 .json 또는 .xml이어야 합니다.");

    private sealed record Caller(int Office, IResult? Error)
    {
        public static Caller Refused(IResult error) => new(0, error);
    }

    /// <summary>
    /// A reader: the office from <c>jurisdiction_id</c>, or from the key when one is sent, or the only office there is;
    /// a key sent on a read must be valid and of that office. The context then acts for the office.
    /// </summary>
    private static Task<Caller> ReaderAsync(string format, string? jurisdiction, HttpContext http, ArisuDbContext db) =>
        CallerAsync(format, jurisdiction, http, db, keyRequired: false);

    /// <summary>
    /// A post's form (a field's trimmed value, or null) once the format, the key and the jurisdiction are checked, or
    /// the error to answer.
    /// </summary>
    private static async Task<(Func<string, string?> Field, IResult? Error)> PostAsync(string format, HttpContext http, ArisuDbContext db)
    {
        static string? None(string _) => null;
        if (Check(format) is { } bad) return (None, bad);
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        string? F(string name) => form is not null && form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString().Trim() : null;
        if (await PosterAsync(format, F("jurisdiction_id") ?? http.Request.Query["jurisdiction_id"], http, db) is { Error: { } error }) return (None, error);
        if (form is null) return (None, Error(format, 400, "요청은 application/x-www-form-urlencoded 형식이어야 합니다."));
        return (F, null);
    }

    /// <summary>A poster: as a reader, with the office's key (open311 scope) required.</summary>
    private static Task<Caller> PosterAsync(string format, string? jurisdiction, HttpContext http, ArisuDbContext db) =>
        CallerAsync(format, jurisdiction, http, db, keyRequired: true);

    private static async Task<Caller> CallerAsync(string format, string? jurisdiction, HttpContext http, ArisuDbContext db, bool keyRequired)
    {
        if (Check(format) is { } bad) return Caller.Refused(bad);
        var key = await http.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
        int? keyOffice = null;
        if (key.Failure is not null) return Caller.Refused(Error(format, 403, "api_key가 올바르지 않거나 폐기된 키입니다."));
        if (key.Succeeded)
        {
            if (!key.Principal.HasClaim(ApiKeyAuthenticationHandler.ScopeClaim, ApiKeyScopes.Open311))
                return Caller.Refused(Error(format, 403, "이 api_key에는 open311 권한이 없습니다."));
            keyOffice = key.Principal.OfficeId();
            http.User = key.Principal;
        }
        else if (keyRequired)
        {
            return Caller.Refused(Error(format, 403, "요청 등록에는 api_key가 필요합니다."));
        }
        int office;
        if (!string.IsNullOrEmpty(jurisdiction))
        {
            // "arisu-{office id}", as discovery lists them.
            if (!(jurisdiction.StartsWith("arisu-", StringComparison.Ordinal)
                    && int.TryParse(jurisdiction.AsSpan("arisu-".Length), NumberStyles.None, CultureInfo.InvariantCulture, out office)
                    && JurisdictionOf(office) == jurisdiction
                    && await db.Offices.AnyAsync(o => o.Id == office, http.RequestAborted)))
                return Caller.Refused(Error(format, 404, $"알 수 없는 jurisdiction_id입니다: {jurisdiction}"));
        }
        else if (keyOffice is { } fromKey)
        {
            office = fromKey;
        }
        else
        {
            var offices = await db.Offices.AsNoTracking().Select(o => o.Id).Take(2).ToListAsync(http.RequestAborted);
            if (offices.Count != 1)
                return Caller.Refused(Error(format, 400, "jurisdiction_id가 필요합니다: discovery가 알려 주는 사업소 중 하나를 보내세요."));
            office = offices[0];
        }
        if (keyOffice is { } k && k != office)
            return Caller.Refused(Error(format, 403, "이 api_key는 다른 jurisdiction_id(사업소)의 키입니다."));
        db.ActFor(office);
        return new Caller(office, null);
    }

    private sealed record Range(DateTime Start, DateTime End, IResult? Error);

    /// <summary>start_date and end_date (W3C), each optional: the end defaults to now, the start to <paramref name="back"/> before it.</summary>
    private static Range Period(string format, IQueryCollection q, TimeProvider clock, TimeSpan back, TimeSpan longest)
    {
        DateTime? Parse(string name) => DateTimeOffset.TryParse(q[name], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.UtcDateTime : null;
        var end = q["end_date"].Count > 0 ? Parse("end_date") : clock.GetUtcNow().UtcDateTime;
        var start = q["start_date"].Count > 0 ? Parse("start_date") : end - back;
        if (start is null || end is null)
            return new Range(default, default, Error(format, 400, "start_date와 end_date는 W3C 날짜 형식이어야 합니다 (예: 2026-11-01T00:00:00+09:00)."));
        if (end < start) return new Range(default, default, Error(format, 400, "end_date가 start_date보다 앞섭니다."));
        if (end.Value - start.Value > longest)
            return new Range(default, default, Error(format, 400, $"조회 기간은 {longest.TotalDays:0}일 이내여야 합니다."));
        return new Range(start.Value, end.Value, null);
    }

    /// <summary>What a post takes (a form) and may answer, in either format.</summary>
    private static RouteHandlerBuilder Open311Posts(this RouteHandlerBuilder route) => route
        .Accepts<Dictionary<string, string>>("application/x-www-form-urlencoded")
        .Open311Reads();

    /// <summary>What every read may answer besides its result, in either format.</summary>
    private static RouteHandlerBuilder Open311Reads(this RouteHandlerBuilder route) => route
        .Produces<List<Dictionary<string, object?>>>(200, "application/json", "text/xml")
        .Produces<List<Open311Error>>(400, "application/json", "text/xml")
        .Produces<List<Open311Error>>(403, "application/json", "text/xml")
        .Produces<List<Open311Error>>(404, "application/json", "text/xml")
        .Produces<List<Open311Error>>(429, "application/json", "text/xml");

    /// <summary>The GeoReport field a refusal of the intake command is about, as the client sent it.</summary>
    private static string FormField(string field) => field switch
    {
        nameof(IntakeRequest.TypeCode) => "service_code",
        nameof(IntakeRequest.CustomerId) => "attribute[account_number]",
        nameof(IntakeRequest.Location) => "address_string",
        nameof(IntakeRequest.Latitude) or nameof(IntakeRequest.Longitude) => "lat/long",
        nameof(IntakeRequest.CallerName) => "first_name",
        nameof(IntakeRequest.CallerPhone) => "phone",
        nameof(IntakeRequest.CallerEmail) => "email",
        RegisterComplaint.Validator.CallerContact => "email/phone",
        nameof(IntakeRequest.PreferredDate) => "attribute[preferred_date]",
        nameof(IntakeRequest.PreferredWindow) => "attribute[preferred_window]",
        nameof(IntakeRequest.Description) => "description",
        _ => "request",
    };

    /// <summary>A refused rule in the request's language (Korean unless the client asks for English).</summary>
    private static string Localized(HttpContext http, DomainException ex) =>
        http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>().Text(ex);

    public static IResult Error(string format, int status, string description)
    {
        var errors = new[] { new Dictionary<string, object?> { ["code"] = status, ["description"] = description } }.ToList();
        return format == "xml"
            ? Results.Content(ToXml("errors", "error", errors).ToString(), "text/xml; charset=utf-8", statusCode: status)
            : Results.Json(errors, statusCode: status);
    }

    private static IResult Respond(string format, HttpContext http, Func<object> body, string root, string? item = null)
    {
        if (Check(format) is { } bad) return bad;
        var value = body();
        if (format == "json") return Results.Json(value);
        var xml = value switch
        {
            List<Dictionary<string, object?>> list => ToXml(root, item ?? root, list),
            Dictionary<string, object?> single => Element(root, single),
            _ => new XElement(root),
        };
        return Results.Content(new XDeclaration("1.0", "utf-8", null) + Environment.NewLine + xml, "text/xml; charset=utf-8");
    }

    private static XElement ToXml(string root, string item, List<Dictionary<string, object?>> list) =>
        new(root, list.Select(d => Element(item, d)));

    private static XElement Element(string name, Dictionary<string, object?> fields) =>
        new(name, fields.Select(kv => kv.Value switch
        {
            null => new XElement(kv.Key),
            bool b => new XElement(kv.Key, b ? "true" : "false"),
            IEnumerable<string> strings => new XElement(kv.Key, strings.Select(s => new XElement("format", s))),
            List<Dictionary<string, object?>> nested => new XElement(kv.Key, nested.Select(n => Element(kv.Key == "attributes" ? "attribute" : kv.Key == "values" ? "value" : "endpoint", n))),
            Dictionary<string, object?>[] nestedArray => new XElement(kv.Key, nestedArray.Select(n => Element("endpoint", n))),
            _ => new XElement(kv.Key, Convert.ToString(kv.Value, CultureInfo.InvariantCulture)),
        }));

}
