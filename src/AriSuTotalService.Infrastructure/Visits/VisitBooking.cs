using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Notices;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Visits;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AriSuTotalService.Infrastructure.Visits;

/// <summary><c>Visits__PerWindow</c>: how many visits one staff member takes in one window (default 3).</summary>
public sealed class VisitOptions
{
    [System.ComponentModel.DataAnnotations.Range(1, 20)]
    public int PerWindow { get; set; } = 3;

    /// <summary>How far ahead a citizen's preferred visit date may be (<c>Visits__HorizonDays</c>, days from today).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 90)]
    public int HorizonDays { get; set; } = 14;
}

public sealed record BookingRequest(long ComplaintId, Guid ComplaintVersion, string StaffId, DateOnly Date, string Window, bool EntersHome, string? ForceReason,
    string? ChangeReason = null, string? ChangeAskedBy = null);

/// <summary>
/// Books visits: refuses weekends and public holidays and a staff member's full window unless forced with a reason,
/// marks the complaint scheduled and assigned, and queues the visit notice to the complaint's contact number
/// (visitor's name, division and phone, date and window, purpose, reception number: 방문정보 사전안내·실명제).
/// </summary>
public sealed class VisitBooking(ArisuDbContext db, HolidayCalendar holidays, ComplaintDesk desk, VisitOptions options,
    ICurrentUser user, TimeProvider clock)
{
    public int PerWindow => options.PerWindow;

    /// <summary>Held until the booking's transaction ends; a wait of more than 10 s refuses the booking.</summary>
    public const string SqlServerWindowLock = """
        DECLARE @result int;
        EXEC @result = sp_getapplock @Resource = {0}, @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 10000;
        IF @result < 0 THROW 50001, N'다른 예약이 같은 시간대를 처리하고 있습니다. 잠시 후 다시 예약하세요.', 1;
        """;

    /// <summary>Active visits per staff member, day and window in a range of days.</summary>
    public async Task<Dictionary<(string Staff, DateOnly Date, string Window), int>> LoadAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        (await db.Visits.AsNoTracking().Where(v => v.Date >= from && v.Date <= to && VisitStatuses.Active.Contains(v.Status))
            .GroupBy(v => new { v.StaffId, v.Date, v.Window }).Select(g => new { g.Key.StaffId, g.Key.Date, g.Key.Window, Count = g.Count() })
            .ToListAsync(ct)).ToDictionary(x => (x.StaffId, x.Date, x.Window), x => x.Count);

    /// <summary>Cancels the booked visit of a complaint with a reason; the complaint waits for a new booking; the citizen is told.</summary>
    public async Task CancelAsync(long complaintId, Guid complaintVersion, string reason, CancellationToken ct)
    {
        var complaint = await desk.ForChangeAsync(complaintId, complaintVersion, ct);
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("방문 취소 사유를 입력하세요.");
        var current = await db.Visits.Where(v => v.ComplaintId == complaintId && VisitStatuses.Active.Contains(v.Status)).ToListAsync(ct);
        if (current.Count == 0) throw new DomainException("취소할 방문이 없습니다.");
        foreach (var v in current) v.Cancel(reason);
        var now = clock.GetUtcNow().UtcDateTime;
        complaint.MarkUnscheduled(now, user.Name, reason.Trim());
        await desk.QueueNoticeAsync(complaint, "cancelled", new Dictionary<string, string?> { ["reception"] = complaint.ReceptionNumber, ["reason"] = reason.Trim() }, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Moves visits to another field staff member (leave, absence) and tells each citizen the new visitor's name.</summary>
    public async Task<int> ReassignAsync(IReadOnlyCollection<long> visitIds, string toStaffId, CancellationToken ct)
    {
        var staff = await FieldStaffAsync(db.Office, toStaffId, ct);
        var visits = await db.Visits.Where(v => visitIds.Contains(v.Id) && v.Status == VisitStatuses.Booked).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var v in visits)
        {
            if (await db.StaffLeaves.AnyAsync(l => l.StaffId == toStaffId && l.From <= v.Date && l.To >= v.Date, ct))
                throw new DomainException("{0}님도 {1}에 휴가·부재입니다.", staff.DisplayName, v.Date.ToString("MM-dd"));
            v.Reassign(toStaffId);
            var complaint = await db.Complaints.Include(c => c.Type).Include(c => c.Events).SingleAsync(c => c.Id == v.ComplaintId, ct);
            complaint.AssignTo(toStaffId, now, user.Name);
            await desk.QueueNoticeAsync(complaint, "rebooked", VisitValues(v, complaint, staff.DisplayName, staff.Division, staff.PhoneNumber), ct);
        }
        await db.SaveChangesAsync(ct);
        return visits.Count;
    }

    /// <summary>The placeholders of a visit message (방문정보 사전안내: visitor's name, division and phone, date, window, purpose, reception number).</summary>
    public static Dictionary<string, string?> VisitValues(Visit v, Complaint c, string? visitor, string? division, string? phone) => new()
    {
        ["date"] = $"{v.Date:M월 d일}", ["window"] = v.Window.Replace("-", "~", StringComparison.Ordinal) + (v.Window.Contains('-') ? "시" : ""),
        ["purpose"] = c.Type?.NameKo, ["visitor"] = visitor, ["division"] = division, ["phone"] = phone, ["reception"] = c.ReceptionNumber,
    };

    public sealed record StaffMember(string Id, string DisplayName, string Division, string? PhoneNumber);

    /// <summary>
    /// Who may take a visit: field staff of the same office whose account is not locked. Booking and reassigning
    /// both ask here, so another office's staff member (or a locked one) is refused whatever the form sent.
    /// </summary>
    private async Task<StaffMember> FieldStaffAsync(int officeId, string staffId, CancellationToken ct)
    {
        var staff = await db.Users.AsNoTracking().Where(u => u.Id == staffId && u.OfficeId == officeId)
            .Select(u => new { u.Id, u.DisplayName, u.Division, u.PhoneNumber, u.LockoutEnd }).SingleOrDefaultAsync(ct);
        if (staff is null || staff.LockoutEnd > clock.GetUtcNow()) throw new DomainException("같은 사업소의 직원을 고르세요.");
        var isField = await db.UserRoles.AnyAsync(ur => ur.UserId == staff.Id && db.Roles.Any(x => x.Id == ur.RoleId && x.Name == Roles.FieldStaff), ct);
        if (!isField) throw new DomainException("현장 직원에게만 방문을 배정할 수 있습니다.");
        return new StaffMember(staff.Id, staff.DisplayName, staff.Division, staff.PhoneNumber);
    }

    public async Task<Visit> BookAsync(int officeId, BookingRequest r, CancellationToken ct)
    {
        return await db.InTransactionAsync(async () =>
        {
            var complaint = await desk.ForChangeAsync(r.ComplaintId, r.ComplaintVersion, ct);
            if (!complaint.Type!.NeedsVisit) throw new DomainException("이 유형은 방문이 필요하지 않습니다.");
            var staff = await FieldStaffAsync(officeId, r.StaffId, ct);
            if (r.Date < SeoulTime.Today(clock)) throw new DomainException("지난 날짜에는 예약할 수 없습니다.");
            if (await db.StaffLeaves.AnyAsync(l => l.StaffId == r.StaffId && l.From <= r.Date && l.To >= r.Date, ct))
                throw new DomainException("{0}님은 {1}에 휴가·부재입니다. 다른 직원을 고르세요.", staff.DisplayName, r.Date.ToString("MM-dd"));
            var forced = !string.IsNullOrWhiteSpace(r.ForceReason);
            var calendar = await holidays.GetAsync(db, ct);
            if (!calendar.IsWorkingDay(r.Date) && !forced)
                throw new DomainException("주말이나 공휴일입니다. 꼭 필요하면 사유를 적고 예약하세요.");
            // The window's count and the new visit in one transaction, and bookings of the same window one after another:
            // two clerks taking its last place at the same instant cannot both get it. SQLite's transaction takes the single
            // writer at its start; SQL Server takes an application lock on the staff member, day and window.
            if (db.Database.IsSqlServer())
                await db.Database.ExecuteSqlRawAsync(SqlServerWindowLock, [$"visit-window:{r.StaffId}:{r.Date:yyyy-MM-dd}:{r.Window}"], ct);
            var booked = await db.Visits.CountAsync(v => v.StaffId == r.StaffId && v.Date == r.Date && v.Window == r.Window && VisitStatuses.Active.Contains(v.Status), ct);
            if (booked >= options.PerWindow && !forced)
                throw new DomainException("{0}님의 {1} {2} 시간대는 이미 {3}건으로 찼습니다. 다른 시간대를 고르거나 사유를 적으세요.", staff.DisplayName, r.Date.ToString("MM-dd"), r.Window, booked);

            var now = clock.GetUtcNow().UtcDateTime;
            // Rescheduling: the booked visit is cancelled with who asked and why, and stays in the history.
            var current = await db.Visits.Where(v => v.ComplaintId == complaint.Id && VisitStatuses.Active.Contains(v.Status)).ToListAsync(ct);
            if (current.Count > 0)
            {
                if (string.IsNullOrWhiteSpace(r.ChangeReason)) throw new DomainException("이미 예약된 방문이 있습니다. 일정을 바꾸려면 변경 사유를 입력하세요.");
                foreach (var old in current) old.Cancel($"일정 변경 ({r.ChangeAskedBy ?? "직원"} 요청): {r.ChangeReason.Trim()}");
            }
            var visit = new Visit(officeId, complaint.Id, staff.Id, r.Date, r.Window, r.EntersHome, r.ForceReason);
            db.Visits.Add(visit);
            complaint.MarkScheduled(now, user.Name, $"{r.Date:yyyy-MM-dd} {r.Window} {staff.DisplayName}");
            complaint.AssignTo(staff.Id, now, user.Name);
            await desk.QueueNoticeAsync(complaint, current.Count > 0 ? "rebooked" : "booked",
                VisitValues(visit, complaint, staff.DisplayName, staff.Division, staff.PhoneNumber), ct);
            await db.SaveChangesAsync(ct);
            return visit;
        }, ct);
    }
}
