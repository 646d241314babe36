using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Visits;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Visits;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Features.Visits;

/// <summary>
/// Books (or reschedules) the visit of a complaint: a field staff member of the office, a working day within the
/// booking horizon and the complaint's deadline, a window with a free place. A weekend or holiday, a full window, a
/// day past the horizon or the deadline is taken only with a reason (<see cref="Command.ForceReason"/>). Rescheduling
/// needs who asked and why; the old visit stays in the history as cancelled. The complaint is marked scheduled and
/// assigned and the citizen's notice queued (방문정보 사전안내·실명제) in the same transaction as the visit.
/// </summary>
public static class BookVisit
{
    public const int MaxForceReason = 500;
    public const int MaxChangeReason = 400;

    public static class AskedBy
    {
        public const string Citizen = "citizen";
        public const string Staff = "staff";
    }

    /// <param name="ExactTime">An exact time (HH:mm) instead of a window, when the citizen asks for one.</param>
    /// <param name="ChangeAskedBy"><see cref="AskedBy.Citizen"/> or <see cref="AskedBy.Staff"/> (who asked to reschedule).</param>
    public sealed record Command(long ComplaintId, Guid Version, string? StaffId, DateOnly? Date, string? Window, bool EntersHome,
        string? ForceReason = null, string? ChangeReason = null, string? ChangeAskedBy = null, string? ExactTime = null)
    {
        /// <summary>The time the visit is booked for: the exact time when one is given, else the window.</summary>
        public string? Slot => string.IsNullOrWhiteSpace(ExactTime) ? Window : ExactTime.Trim();
        public bool Forced => !string.IsNullOrWhiteSpace(ForceReason);
    }

    public sealed class Validator(ArisuDbContext db, VisitBooking scheduling, HolidayCalendar holidays, VisitOptions options, VisitWindows windows, TimeProvider clock)
    {
        /// <summary>The rules the form alone decides: something chosen in each field, an exact time as HH:mm, reasons' lengths.</summary>
        public IReadOnlyList<FieldError> ValidateInput(Command c)
        {
            var refused = new Refusals();
            if (string.IsNullOrEmpty(c.StaffId)) refused.Add(nameof(c.StaffId), "직원을 고르세요.");
            if (c.Date is null) refused.Add(nameof(c.Date), "날짜를 고르세요.");
            if (!string.IsNullOrWhiteSpace(c.ExactTime))
            {
                if (!TimeOnly.TryParseExact(c.ExactTime.Trim(), "HH:mm", out _)) refused.Add(nameof(c.ExactTime), "정확한 시각은 HH:mm 형식으로 입력하세요.");
            }
            else if (string.IsNullOrEmpty(c.Window) || !windows.All.Contains(c.Window)) refused.Add(nameof(c.Window), "시간대를 고르세요.");
            if (c.ForceReason?.Trim().Length > MaxForceReason) refused.Add(nameof(c.ForceReason), "사유는 {0}자 이내로 입력하세요.", MaxForceReason);
            if (c.ChangeReason?.Trim().Length > MaxChangeReason) refused.Add(nameof(c.ChangeReason), "사유는 {0}자 이내로 입력하세요.", MaxChangeReason);
            if (c.ChangeAskedBy is not (null or "" or AskedBy.Citizen or AskedBy.Staff)) refused.Add(nameof(c.ChangeAskedBy), "누구의 요청인지 고르세요.");
            return refused.Errors;
        }

        /// <summary>
        /// The rules that need the complaint and the office's data, for a command whose input passed
        /// <see cref="ValidateInput"/>. Called inside the booking's transaction, after the window is taken, so the count of
        /// the window is the one the booking is written against.
        /// </summary>
        public async Task<(IReadOnlyList<FieldError> Errors, VisitBooking.StaffMember? Staff, IReadOnlyList<Visit> Current)> ValidateAsync(
            Command c, Complaint complaint, CancellationToken ct)
        {
            var refused = new Refusals();
            if (!complaint.Type!.NeedsVisit) refused.Add("", "이 유형은 방문이 필요하지 않습니다.");
            var (staff, refusal) = await scheduling.FieldStaffAsync(complaint.OfficeId, c.StaffId!, ct);
            if (refusal is not null) refused.Add(nameof(c.StaffId), refusal);
            if (c.Date is { } date)
            {
                var today = SeoulTime.Today(clock);
                var deadline = DateOnly.FromDateTime(SeoulTime.ToLocal(complaint.DeadlineAtUtc));
                var calendar = await holidays.GetAsync(db, ct);
                if (date < today) refused.Add(nameof(c.Date), "지난 날짜에는 예약할 수 없습니다.");
                else if (!calendar.IsWorkingDay(date) && !c.Forced) refused.Add(nameof(c.Date), "주말이나 공휴일입니다. 꼭 필요하면 사유를 적고 예약하세요.");
                else if (date > deadline && !c.Forced)
                    refused.Add(nameof(c.Date), "처리기한({0}) 뒤의 날짜입니다. 기한 안의 날짜를 고르거나, 기한을 연장하거나, 사유를 적고 예약하세요.", deadline.ToString("yyyy-MM-dd"));
                else if (date > today.AddDays(options.HorizonDays) && !c.Forced)
                    refused.Add(nameof(c.Date), "예약은 오늘부터 {0}일 안의 날짜로 잡습니다. 더 뒤의 날짜는 사유를 적고 예약하세요.", options.HorizonDays);
                if (staff is not null && await db.StaffLeaves.AnyAsync(l => l.StaffId == staff.Id && l.From <= date && l.To >= date, ct))
                    refused.Add(nameof(c.StaffId), "{0}님은 {1}에 휴가·부재입니다. 다른 직원을 고르세요.", staff.DisplayName, date.ToString("MM-dd"));
                if (staff is not null && c.Slot is { } slot && !refused.Any && !c.Forced)
                {
                    var booked = await scheduling.CountAsync(staff.Id, date, slot, ct);
                    if (booked >= options.PerWindow)
                        refused.Add(nameof(c.Window), "{0}님의 {1} {2} 시간대는 이미 {3}건으로 찼습니다. 다른 시간대를 고르거나 사유를 적으세요.",
                            staff.DisplayName, date.ToString("MM-dd"), slot, booked);
                }
            }
            var current = await db.Visits.Where(v => v.ComplaintId == complaint.Id && VisitStatuses.Active.Contains(v.Status)).ToListAsync(ct);
            if (current.Count > 0 && string.IsNullOrWhiteSpace(c.ChangeReason))
                refused.Add(nameof(c.ChangeReason), "이미 예약된 방문이 있습니다. 일정을 바꾸려면 변경 사유를 입력하세요.");
            return (refused.Errors, staff, current);
        }
    }

    /// <param name="Visitor">The staff member's name.</param>
    /// <param name="CitizenTold">Whether the visit notice was queued (false when the complaint has no number to text).</param>
    public sealed record Result(Visit Visit, string Visitor, bool Rescheduled, bool CitizenTold);

    public sealed class Handler(ArisuDbContext db, Validator validator, VisitBooking scheduling, ComplaintDesk desk, ICurrentUser user, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Command c, CancellationToken ct)
        {
            // The form's own rules first: nothing is read or locked for a form that is not filled in.
            var input = validator.ValidateInput(c);
            if (input.Count > 0) throw new ValidationFailedException(input);
            return await db.InTransactionAsync(async () =>
            {
                var complaint = await desk.ForChangeAsync(c.ComplaintId, c.Version, ct);
                // The window's count and the new visit in one transaction, and bookings of the same window one after
                // another: two clerks taking its last place at the same instant cannot both get it.
                await scheduling.TakeWindowAsync(c.StaffId!, c.Date!.Value, c.Slot!, ct);
                var (errors, staff, current) = await validator.ValidateAsync(c, complaint, ct);
                if (errors.Count > 0) throw new ValidationFailedException(errors);

                var now = clock.GetUtcNow().UtcDateTime;
                var askedBy = c.ChangeAskedBy == AskedBy.Citizen ? "민원인" : "직원";
                foreach (var old in current) old.Cancel($"일정 변경 ({askedBy} 요청): {c.ChangeReason!.Trim()}");
                var visit = new Visit(complaint.OfficeId, complaint.Id, staff!.Id, c.Date.Value, c.Slot!, c.EntersHome,
                    c.Forced ? c.ForceReason!.Trim() : null);
                db.Visits.Add(visit);
                complaint.MarkScheduled(now, user.Name, $"{c.Date:yyyy-MM-dd} {c.Slot} {staff.DisplayName}");
                complaint.AssignTo(staff.Id, now, user.Name);
                var told = await desk.QueueNoticeAsync(complaint, current.Count > 0 ? "rebooked" : "booked",
                    VisitBooking.VisitValues(visit, complaint, staff.DisplayName, staff.Division, staff.PhoneNumber), ct);
                await db.SaveChangesAsync(ct);
                return new Result(visit, staff.DisplayName, current.Count > 0, told);
            }, ct);
        }
    }
}
