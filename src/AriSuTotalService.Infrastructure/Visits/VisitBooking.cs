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

    /// <summary>How far ahead a citizen's preferred visit date, and a booking without a stated reason, may be (<c>Visits__HorizonDays</c>, days from today).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 90)]
    public int HorizonDays { get; set; } = 14;
}

/// <summary>
/// What booking, rescheduling and reassigning share (the use cases in <c>Features/Visits</c>): each field staff member's
/// load per day and window, who may take a visit, the window's place taken for the length of a booking's transaction,
/// and the placeholders of the citizen's visit messages.
/// </summary>
public sealed class VisitBooking(ArisuDbContext db, VisitOptions options, TimeProvider clock)
{
    public int PerWindow => options.PerWindow;

    public const string WindowBusy = "다른 예약이 같은 시간대를 처리하고 있습니다. 잠시 후 다시 예약하세요.";

    /// <summary>Active visits per staff member, day and window in a range of days.</summary>
    public async Task<Dictionary<(string Staff, DateOnly Date, string Window), int>> LoadAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        (await db.Visits.AsNoTracking().Where(v => v.Date >= from && v.Date <= to && VisitStatuses.Active.Contains(v.Status))
            .GroupBy(v => new { v.StaffId, v.Date, v.Window }).Select(g => new { g.Key.StaffId, g.Key.Date, g.Key.Window, Count = g.Count() })
            .ToListAsync(ct)).ToDictionary(x => (x.StaffId, x.Date, x.Window), x => x.Count);

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
    /// <returns>The staff member, or the refusal's key when they may not take visits.</returns>
    public async Task<(StaffMember? Staff, string? Refusal)> FieldStaffAsync(int officeId, string staffId, CancellationToken ct)
    {
        var staff = await db.Users.AsNoTracking().Where(u => u.Id == staffId && u.OfficeId == officeId)
            .Select(u => new { u.Id, u.DisplayName, u.Division, u.PhoneNumber, u.LockoutEnd }).SingleOrDefaultAsync(ct);
        if (staff is null || staff.LockoutEnd > clock.GetUtcNow()) return (null, "같은 사업소의 직원을 고르세요.");
        var isField = await db.UserRoles.AnyAsync(ur => ur.UserId == staff.Id && db.Roles.Any(x => x.Id == ur.RoleId && x.Name == Roles.FieldStaff), ct);
        if (!isField) return (null, "현장 직원에게만 방문을 배정할 수 있습니다.");
        return (new StaffMember(staff.Id, staff.DisplayName, staff.Division, staff.PhoneNumber), null);
    }

    /// <summary>
    /// Takes a staff member's window for the rest of the current transaction, so bookings of the same window run one
    /// after another. SQLite's transaction already holds the single writer from its start; SQL Server takes an
    /// application lock on the staff member, day and window.
    /// </summary>
    public async Task TakeWindowAsync(string staffId, DateOnly date, string window, CancellationToken ct)
    {
        await ApplicationLock.TakeAsync(db, $"visit-window:{staffId}:{date:yyyy-MM-dd}:{window}", WindowBusy, ct);
    }

    /// <summary>Active visits of a staff member in one window of one day.</summary>
    public Task<int> CountAsync(string staffId, DateOnly date, string window, CancellationToken ct) =>
        db.Visits.CountAsync(v => v.StaffId == staffId && v.Date == date && v.Window == window && VisitStatuses.Active.Contains(v.Status), ct);
}
