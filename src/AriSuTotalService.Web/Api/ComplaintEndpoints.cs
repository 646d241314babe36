using AriSuTotalService.Domain.Integrations;
using System.Globalization;
using System.Text.Json;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features;
using AriSuTotalService.Infrastructure.Features.Complaints;
using AriSuTotalService.Web.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AriSuTotalService.Web.Api;

/// <summary>
/// <c>POST /api/v1/complaints</c> (scope <c>complaints</c>): intake from another system, as JSON. It sends the same
/// command as the intake page and Open311, so a refusal is the same rule with the same key:
/// <c>400 { errors: [{ field, key, message }] }</c>.
/// </summary>
public static class ComplaintEndpoints
{
    /// <summary>The request body. <c>preferredDate</c> is <c>yyyy-MM-dd</c>; <c>channel</c> defaults to <c>web</c>.</summary>
    public sealed record IntakeJson(
        string? TypeCode, string? Channel, string? AccountNumber, string? Description, string? Location,
        string? CallerName, string? CallerPhone, string? CallerRelation, string? CallerEmail,
        string? PreferredDate, string? PreferredWindow, List<string>? OtherTypes, decimal? Latitude, decimal? Longitude);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapComplaintIntake(this RouteGroupBuilder v1)
    {
        v1.MapPost("/complaints", async (HttpContext http, RegisterComplaint.Handler register, ArisuDbContext db, CancellationToken ct) =>
            {
                var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                IntakeJson? body;
                try
                {
                    body = await JsonSerializer.DeserializeAsync<IntakeJson>(http.Request.Body, Json, ct);
                }
                catch (JsonException ex)
                {
                    return Refused(l, new FieldError("", "요청 본문이 JSON이 아닙니다: {0}", ex.Path ?? ex.Message));
                }
                if (body is null) return Refused(l, new FieldError("", "요청 본문이 JSON이 아닙니다: {0}", "null"));
                long? customerId = null;
                if (!string.IsNullOrWhiteSpace(body.AccountNumber))
                {
                    var account = body.AccountNumber.Trim();
                    customerId = await db.Customers.Where(c => c.AccountNumber == account).Select(c => (long?)c.Id).SingleOrDefaultAsync(ct);
                    if (customerId is null) return Refused(l, new FieldError("accountNumber", "수용가를 찾을 수 없습니다."));
                }
                DateOnly? preferred = null;
                if (!string.IsNullOrWhiteSpace(body.PreferredDate))
                {
                    if (!DateOnly.TryParseExact(body.PreferredDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                        return Refused(l, new FieldError("preferredDate", "날짜는 yyyy-MM-dd 형식이어야 합니다."));
                    preferred = d;
                }
                try
                {
                    var result = await register.HandleAsync(new IntakeRequest(customerId, body.TypeCode ?? "", body.Channel ?? Channels.Web,
                        body.Description, body.Location, body.CallerName, body.CallerPhone, customerId is null ? null : body.CallerRelation,
                        preferred, body.PreferredWindow, body.OtherTypes ?? [], body.CallerEmail, body.Latitude, body.Longitude), ct);
                    var first = result.First;
                    return new ApiEndpoints.LocatedResult($"/open311/v2/requests/{Uri.EscapeDataString(first.ReceptionNumber)}.json", Results.Json(new
                    {
                        receptionNumber = first.ReceptionNumber,
                        typeCode = first.Type!.Code,
                        status = first.Status,
                        division = first.Division,
                        deadline = Seoul(first.DeadlineAtUtc),
                        linked = result.Linked.Select(c => new { receptionNumber = c.ReceptionNumber, typeCode = c.Type!.Code, division = c.Division }),
                    }, Json, statusCode: StatusCodes.Status201Created));
                }
                catch (ValidationFailedException ex)
                {
                    return Refused(l, [.. ex.Errors.Select(e => e with { Field = JsonNamingPolicy.CamelCase.ConvertName(e.Field) })]);
                }
                catch (DomainException ex)
                {
                    return Refused(l, new FieldError("", ex.Key, ex.Args));
                }
            })
            .RequireAuthorization(ApiPolicies.ForScope(ApiKeyScopes.Complaints))
            .Accepts<IntakeJson>("application/json")
            .WithSummary("Registers a complaint (and a linked one for each of otherTypes), with the intake page's rules")
            .WithDescription("201 with the reception number, the deadline and the division; 400 { errors: [{ field, key, message }] } " +
                "naming each refused rule by the field of the body and the message's key.");
    }

    private static IResult Refused(IStringLocalizer l, params FieldError[] errors) =>
        Results.Json(new { errors = errors.Select(e => new { field = e.Field, key = e.Key, message = l.Text(e) }) }, Json,
            statusCode: StatusCodes.Status400BadRequest);

    private static string Seoul(DateTime utc) =>
        new DateTimeOffset(SeoulTime.ToLocal(utc), TimeSpan.FromHours(9)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
