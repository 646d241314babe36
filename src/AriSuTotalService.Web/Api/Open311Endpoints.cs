using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using System.Xml.Linq;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Infrastructure.ApiKeys;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Api;

/// <summary>
/// Open311 GeoReport v2 at <c>/open311/v2</c> for the city's web portal and call centre: the services (complaint
/// types), their attributes, service requests in (into the normal intake, channel <c>web</c>) and out (status, the
/// division responsible, the legal deadline; address masked to the dong; never the citizen's contact details).
/// JSON or XML by the format suffix; errors as the specification's list of <c>{code, description}</c>.
/// </summary>
public static partial class Open311Endpoints
{
    public const string RateLimit = "open311";
    public const int MaxDescription = 4000;
    /// <summary>The intake page's limits (the complaint's columns): address 300, caller's name 100.</summary>
    public const int MaxAddress = 300;
    public const int MaxName = 100;

    public static void AddOpen311RateLimit(RateLimiterOptions o) =>
        o.AddPolicy(RateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
            ctx.Request.Headers[ApiKeyAuthenticationHandler.HeaderName].ToString() is { Length: > 0 } key ? ApiKey.HashOf(key)
                : ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 120, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public static string JurisdictionOf(int officeId) => $"arisu-{officeId.ToString(CultureInfo.InvariantCulture)}";

    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup("/open311/v2").DisableAntiforgery()
            .RequireAuthorization(ApiPolicies.ForScope(ApiKeyScopes.Open311)).RequireRateLimiting(RateLimit);

        v2.MapGet("/discovery.{format}", (string format, HttpContext http) => Respond(format, http, () =>
        {
            var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}/open311/v2";
            return new Dictionary<string, object?>
            {
                ["changeset"] = "2026-11-01T00:00:00+09:00",
                ["contact"] = "남부수도사업소 현장민원과",
                ["key_service"] = "관리 › API 키 (open311 권한)",
                ["jurisdiction_id"] = JurisdictionOf(http.User.OfficeId()),
                ["endpoints"] = new[]
                {
                    new Dictionary<string, object?>
                    {
                        ["specification"] = "http://wiki.open311.org/GeoReport_v2", ["url"] = baseUrl, ["changeset"] = "2026-11-01T00:00:00+09:00",
                        ["type"] = "production", ["formats"] = new[] { "application/json", "text/xml" },
                    },
                },
            };
        }, "discovery"));

        v2.MapGet("/services.{format}", async (string format, string? jurisdiction_id, HttpContext http, ArisuDbContext db) =>
        {
            if (Check(format, jurisdiction_id, http) is { } error) return error;
            var types = await db.ComplaintTypes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder).ToListAsync(http.RequestAborted);
            return Respond(format, http, () => types.Select(t => new Dictionary<string, object?>
            {
                ["service_code"] = t.Code, ["service_name"] = t.NameKo,
                ["description"] = $"{t.NameKo} ({t.NameEn}) · 처리기한 {t.Period} · 담당 {t.HandlingDivision}",
                ["metadata"] = true, ["type"] = "realtime",
                ["keywords"] = string.Join(',', new[] { t.NameKo, t.NameEn, t.Field == ComplaintFields.Billing ? "요금" : "공사" }),
                ["group"] = t.Field == ComplaintFields.Billing ? "요금" : "공사",
            }).ToList(), "services", "service");
        });

        v2.MapGet("/services/{code}.{format}", async (string code, string format, string? jurisdiction_id, HttpContext http, ArisuDbContext db) =>
        {
            if (Check(format, jurisdiction_id, http) is { } error) return error;
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
        });

        v2.MapPost("/requests.{format}", async (string format, HttpContext http, ComplaintDesk desk, ArisuDbContext db) =>
        {
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
            string? F(string name) => form is not null && form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString().Trim() : null;
            if (Check(format, F("jurisdiction_id") ?? http.Request.Query["jurisdiction_id"], http) is { } error) return error;
            if (form is null) return Error(format, 400, "요청은 application/x-www-form-urlencoded 형식이어야 합니다.");
            var code = F("service_code");
            if (code is null) return Error(format, 400, "service_code가 필요합니다.");
            var type = await db.ComplaintTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Code == code && t.IsActive, http.RequestAborted);
            if (type is null) return Error(format, 404, $"알 수 없는 service_code입니다: {code}");
            var description = F("description");
            if (description?.Length > MaxDescription) return Error(format, 400, $"description은 {MaxDescription}자 이내여야 합니다.");
            var address = F("address_string");
            if (address?.Length > MaxAddress) return Error(format, 400, $"address_string은 {MaxAddress}자 이내여야 합니다.");
            foreach (var field in new[] { "first_name", "last_name", "email", "device_id", "account_id", "address_id", "attribute[account_number]", "lat", "long" })
                if (F(field)?.Length > MaxName) return Error(format, 400, $"{field}은(는) {MaxName}자 이내여야 합니다.");
            var lat = F("lat");
            var lon = F("long");
            var addressId = F("address_id");
            if (address is null && addressId is null && (lat is null || lon is null))
                return Error(format, 400, "위치가 필요합니다: address_string, lat와 long, 또는 address_id 중 하나를 보내세요.");
            if ((lat is not null || lon is not null) && (!double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var la)
                || !double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var lo) || la is < -90 or > 90 || lo is < -180 or > 180))
                return Error(format, 400, "lat와 long은 위도·경도 숫자여야 합니다.");
            var account = F("attribute[account_number]") ?? addressId;
            long? customerId = null;
            if (account is not null)
            {
                customerId = await db.Customers.Where(c => c.AccountNumber == account).Select(c => (long?)c.Id).SingleOrDefaultAsync(http.RequestAborted);
                if (customerId is null) return Error(format, 400, $"이 사업소의 수용가번호가 아닙니다: {account}");
            }
            var phone = F("phone");
            if (phone is not null && !PhonePattern().IsMatch(phone)) return Error(format, 400, "phone은 전화번호 형식이어야 합니다.");
            if (customerId is null && phone is null) return Error(format, 400, "수용가번호가 없으면 연락받을 phone이 필요합니다.");
            DateOnly? preferred = null;
            if (F("attribute[preferred_date]") is { } pd)
            {
                if (!DateOnly.TryParseExact(pd, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    return Error(format, 400, "attribute[preferred_date]는 yyyy-MM-dd 형식이어야 합니다.");
                preferred = d;
            }
            var window = F("attribute[preferred_window]");
            if (window is not null && !http.RequestServices.GetRequiredService<VisitWindows>().All.Contains(window))
                return Error(format, 400, "attribute[preferred_window]는 서비스 정의의 값 중 하나여야 합니다.");
            var name = string.Join(' ', new[] { F("last_name"), F("first_name") }.Where(n => n is not null));
            if (name.Length > MaxName) return Error(format, 400, $"last_name과 first_name은 합쳐 {MaxName}자 이내여야 합니다.");
            var location = address ?? (lat is not null ? $"위도 {lat}, 경도 {lon}" : null);
            try
            {
                var result = await desk.RegisterAsync(http.User.OfficeId(), new IntakeRequest(customerId, type.Code, Channels.Web,
                    description, location, name.Length == 0 ? (phone is null ? null : "신청인") : name, phone,
                    customerId is null ? null : CallerRelations.Other, preferred, window, []), http.RequestAborted);
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
            catch (DomainException ex)
            {
                return Error(format, 400, ex.Message);
            }
        });

        v2.MapGet("/tokens/{token}.{format}", async (string token, string format, string? jurisdiction_id, HttpContext http, ArisuDbContext db) =>
        {
            if (Check(format, jurisdiction_id, http) is { } error) return error;
            // Requests are registered at once, so a request's token is its reception number.
            var found = await db.Complaints.AsNoTracking().AnyAsync(c => c.ReceptionNumber == token, http.RequestAborted);
            return found
                ? Respond(format, http, () => new[] { new Dictionary<string, object?> { ["service_request_id"] = token, ["token"] = token } }.ToList(), "service_requests", "request")
                : Error(format, 404, $"알 수 없는 token입니다: {token}");
        });

        v2.MapGet("/requests/{id}.{format}", async (string id, string format, string? jurisdiction_id, HttpContext http, ArisuDbContext db) =>
        {
            if (Check(format, jurisdiction_id, http) is { } error) return error;
            var rows = await Requests(db, db.Complaints.AsNoTracking().Where(c => c.ReceptionNumber == id), http.RequestAborted);
            return rows.Count == 0 ? Error(format, 404, $"알 수 없는 service_request_id입니다: {id}") : Respond(format, http, () => rows, "service_requests", "request");
        });

        v2.MapGet("/requests.{format}", async (string format, HttpContext http, ArisuDbContext db, TimeProvider clock) =>
        {
            var q = http.Request.Query;
            if (Check(format, q["jurisdiction_id"], http) is { } error) return error;
            var complaints = db.Complaints.AsNoTracking();
            if (q["service_request_id"].ToString() is { Length: > 0 } ids)
            {
                var list = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(200).ToList();
                complaints = complaints.Where(c => list.Contains(c.ReceptionNumber));
            }
            else
            {
                DateTime? Parse(string name) => DateTimeOffset.TryParse(q[name], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.UtcDateTime : null;
                var end = q["end_date"].Count > 0 ? Parse("end_date") : clock.GetUtcNow().UtcDateTime;
                var start = q["start_date"].Count > 0 ? Parse("start_date") : end?.AddDays(-90);
                if (start is null || end is null) return Error(format, 400, "start_date와 end_date는 W3C 날짜 형식이어야 합니다 (예: 2026-11-01T00:00:00+09:00).");
                if (end < start) return Error(format, 400, "end_date가 start_date보다 앞섭니다.");
                if (end.Value - start.Value > TimeSpan.FromDays(90)) return Error(format, 400, "조회 기간은 90일 이내여야 합니다.");
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
            var page = int.TryParse(q["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : 1;
            var size = int.TryParse(q["page_size"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= 200 ? s : 50;
            if (q["page"].Count > 0 && page.ToString(CultureInfo.InvariantCulture) != q["page"]) return Error(format, 400, "page는 1 이상의 정수여야 합니다.");
            if (q["page_size"].Count > 0 && size.ToString(CultureInfo.InvariantCulture) != q["page_size"]) return Error(format, 400, "page_size는 1~200의 정수여야 합니다.");
            var rows = await Requests(db, complaints.OrderByDescending(c => c.ReceivedAtUtc).ThenByDescending(c => c.Id).Skip((page - 1) * size).Take(size), http.RequestAborted);
            return Respond(format, http, () => rows, "service_requests", "request");
        });
        return app;
    }

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
                c.DeadlineAtUtc, c.Location, Customer = k == null ? null : new { k.Address, k.Dong, k.District },
            }).ToListAsync(ct);
        return rows.Select(c => new Dictionary<string, object?>
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
            ["address"] = c.Customer is { } k ? Masking.Address(k.Address, k.Dong, k.District) : Masking.Address(c.Location, null, null),
            ["address_id"] = null,
            ["zipcode"] = null,
            ["lat"] = null,
            ["long"] = null,
            ["media_url"] = null,
        }).ToList();
    }

    private static string Seoul(DateTime utc) =>
        new DateTimeOffset(SeoulTime.ToLocal(utc), TimeSpan.FromHours(9)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The format and the jurisdiction every call may name.</summary>
    private static IResult? Check(string format, string? jurisdiction, HttpContext http)
    {
        if (format is not ("json" or "xml")) return Error("json", 404, "형식은 .json 또는 .xml이어야 합니다.");
        if (!string.IsNullOrEmpty(jurisdiction) && jurisdiction != JurisdictionOf(http.User.OfficeId()))
            return Error(format, 404, $"알 수 없는 jurisdiction_id입니다: {jurisdiction}");
        return null;
    }

    public static IResult Error(string format, int status, string description)
    {
        var errors = new[] { new Dictionary<string, object?> { ["code"] = status, ["description"] = description } }.ToList();
        return format == "xml"
            ? Results.Content(ToXml("errors", "error", errors).ToString(), "text/xml; charset=utf-8", statusCode: status)
            : Results.Json(errors, statusCode: status);
    }

    private static IResult Respond(string format, HttpContext http, Func<object> body, string root, string? item = null)
    {
        if (format is not ("json" or "xml")) return Error("json", 404, "형식은 .json 또는 .xml이어야 합니다.");
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

    [GeneratedRegex(@"^0\d{1,2}-?\d{3,4}-?\d{4}$")]
    private static partial Regex PhonePattern();
}
