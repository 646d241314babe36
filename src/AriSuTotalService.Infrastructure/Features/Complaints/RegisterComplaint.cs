using System.Net.Mail;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Notices;
using AriSuTotalService.Infrastructure.Visits;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Features.Complaints;

/// <summary>
/// Intake: a complaint and the linked complaints of every other problem named on the call. The intake page,
/// <c>POST /api/v1/complaints</c>, Open311's <c>POST requests</c> and the surge case's "원인 불명" send this one command;
/// the validator holds every rule of it, in one wording, by the command's field names.
/// </summary>
public static class RegisterComplaint
{
    /// <summary>The command is <see cref="IntakeRequest"/>: what the clerk, the citizen's system or the office recorded.</summary>
    public sealed class Validator(ArisuDbContext db, VisitWindows windows, VisitOptions visits, HolidayCalendar holidays, TimeProvider clock)
    {
        public const int MaxEmail = 254;

        /// <summary>The refusal's field when a way back is missing: a phone number or an e-mail address.</summary>
        public const string CallerContact = "CallerContact";

        public async Task<IReadOnlyList<FieldError>> ValidateAsync(IntakeRequest r, CancellationToken ct)
        {
            var refused = new Refusals();
            var codes = new[] { r.TypeCode }.Concat(r.OtherTypeCodes).Where(c => !string.IsNullOrEmpty(c)).Distinct().ToList();
            var types = await db.ComplaintTypes.AsNoTracking().Where(t => codes.Contains(t.Code) && t.IsActive).ToDictionaryAsync(t => t.Code, ct);
            if (string.IsNullOrWhiteSpace(r.TypeCode)) refused.Add(nameof(r.TypeCode), "민원 유형을 선택하세요.");
            else if (!types.ContainsKey(r.TypeCode)) refused.Add(nameof(r.TypeCode), "알 수 없는 민원 유형입니다: {0}", r.TypeCode);
            // What a citizen applied for comes by phone, visit or web; proactive is the office's own flow (the proactive
            // rate headquarters scores counts it), never something a client or a form can claim.
            if (r.Channel == Channels.Proactive && !r.OfficeInitiated)
                refused.Add(nameof(r.Channel), "선제 처리(proactive)는 사업소가 스스로 연 민원에만 쓰입니다. 전화·방문·인터넷 중에서 고르세요.");
            else if (r.Channel != Channels.Proactive && !Channels.CitizenApplied.Contains(r.Channel))
                refused.Add(nameof(r.Channel), "접수 경로를 선택하세요.");
            foreach (var other in r.OtherTypeCodes.Where(o => !types.ContainsKey(o ?? "")).Distinct())
                refused.Add(nameof(r.OtherTypeCodes), "알 수 없는 민원 유형입니다: {0}", other);

            if (r.CustomerId is { } customerId && !await db.Customers.AnyAsync(c => c.Id == customerId, ct))
                refused.Add(nameof(r.CustomerId), "수용가를 찾을 수 없습니다.");
            var noContact = string.IsNullOrWhiteSpace(r.CallerPhone) && string.IsNullOrWhiteSpace(r.CallerEmail);
            if (r.CustomerId is null)
            {
                if (string.IsNullOrWhiteSpace(r.Location) && r.Latitude is null) refused.Add(nameof(r.Location), "수용가가 없으면 위치를 입력하세요.");
                if (noContact) refused.Add(CallerContact, "수용가가 없으면 신고인 연락처를 입력하세요.");
            }
            else if (r.CallerRelation is not null)
            {
                // Someone other than the holder called: who, how they relate to the account, and how to reach them.
                if (string.IsNullOrWhiteSpace(r.CallerName)) refused.Add(nameof(r.CallerName), "전화하신 분의 성명을 입력하세요.");
                if (!CallerRelations.All.Contains(r.CallerRelation)) refused.Add(nameof(r.CallerRelation), "수용가와의 관계를 선택하세요.");
                if (noContact) refused.Add(CallerContact, "회신할 연락처를 입력하세요.");
            }
            // A number of a Korean number's shape is taken even when the numbering plan does not know it yet (kept as
            // written, never texted): the citizen is on the line and knows their own number.
            if (!string.IsNullOrWhiteSpace(r.CallerPhone) && !KoreanPhone.IsPossible(r.CallerPhone))
                refused.Add(nameof(r.CallerPhone), "전화번호 형식이 아닙니다 (예: 010-1234-5678, 02-2600-0002, 1588-1234).");
            if (r.CallerEmail is { Length: > 0 } email
                && (email.Length > MaxEmail || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
                refused.Add(nameof(r.CallerEmail), "전자우편 주소는 {0}자 이내의 올바른 주소여야 합니다.", MaxEmail);
            if (r.Latitude is null != r.Longitude is null) refused.Add(nameof(r.Latitude), "위도와 경도는 함께 있어야 합니다.");
            else if (r.Latitude is < -90 or > 90 || r.Longitude is < -180 or > 180) refused.Add(nameof(r.Latitude), "위도·경도의 범위를 벗어났습니다.");

            if (types.TryGetValue(r.TypeCode ?? "", out var type) && type.NeedsVisit)
            {
                if (r.PreferredDate is { } date) await PreferredDateAsync(refused, date, type.Period, ct);
                if (r.PreferredWindow is not null && !windows.All.Contains(r.PreferredWindow))
                    refused.Add(nameof(r.PreferredWindow), "시간대를 목록에서 고르세요.");
            }
            return refused.Errors;
        }

        /// <summary>
        /// A preferred visit date the office can keep: from today, within the booking horizon, and not after the deadline
        /// the complaint gets (a later visit needs the deadline extended first, with the citizen told why).
        /// </summary>
        private async Task PreferredDateAsync(Refusals refused, DateOnly date, Domain.Calendar.ProcessingPeriod period, CancellationToken ct)
        {
            var today = SeoulTime.Today(clock);
            var last = today.AddDays(visits.HorizonDays);
            if (date < today) refused.Add(nameof(IntakeRequest.PreferredDate), "희망 방문일은 오늘 이후여야 합니다.");
            else if (date > last) refused.Add(nameof(IntakeRequest.PreferredDate), "희망 방문일은 {0}일 안({1}까지)에서 고르세요.", visits.HorizonDays, last.ToString("yyyy-MM-dd"));
            else
            {
                var calendar = await holidays.GetAsync(db, ct);
                var deadline = DateOnly.FromDateTime(calendar.Deadline(SeoulTime.ToLocal(clock.GetUtcNow().UtcDateTime), period));
                if (date > deadline)
                    refused.Add(nameof(IntakeRequest.PreferredDate), "희망 방문일이 처리기한({0}) 뒤입니다. 기한 안의 날을 고르세요.", deadline.ToString("yyyy-MM-dd"));
            }
        }
    }

    /// <summary>Validates, then registers the complaint and its linked ones in one transaction for the caller's office.</summary>
    public sealed class Handler(Validator validator, ComplaintDesk desk, ArisuDbContext db)
    {
        public async Task<IntakeResult> HandleAsync(IntakeRequest request, CancellationToken ct)
        {
            var errors = await validator.ValidateAsync(request, ct);
            if (errors.Count > 0) throw new ValidationFailedException(errors);
            // The number as the office writes it; the gateway gets E.164 when it sends.
            var phone = string.IsNullOrWhiteSpace(request.CallerPhone) ? null : KoreanPhone.National(request.CallerPhone);
            return await desk.RegisterAsync(db.Office, request with
            {
                CallerPhone = phone,
                CallerEmail = string.IsNullOrWhiteSpace(request.CallerEmail) ? null : request.CallerEmail.Trim(),
                OtherTypeCodes = request.OtherTypeCodes.Where(o => o != request.TypeCode).Distinct().ToList(),
            }, ct);
        }
    }
}
