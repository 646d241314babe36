using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages;

[Authorize(Roles = RoleSets.AllStaff)]
public class IndexModel(ArisuDbContext db, TimeProvider clock, Infrastructure.Complaints.HolidayCalendar holidays) : PageModel
{
    public string OfficeName { get; private set; } = "";
    public DateTime NowLocal { get; private set; }
    public int ReceivedToday { get; private set; }
    public int Open { get; private set; }
    public int Overdue { get; private set; }
    public decimal? ComplianceThisMonth { get; private set; }
    /// <summary>For administrators: the holiday table ends before the coming 12 months do.</summary>
    public DateOnly? HolidaysCoveredUntil { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var officeId = User.OfficeId();
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        NowLocal = SeoulTime.ToLocal(nowUtc);
        var todayStartUtc = SeoulTime.ToUtc(NowLocal.Date);
        var monthStartUtc = SeoulTime.ToUtc(new DateTime(NowLocal.Year, NowLocal.Month, 1));
        OfficeName = await db.Offices.Where(o => o.Id == officeId).Select(o => o.Name).SingleAsync(ct);

        var complaints = db.Complaints.AsNoTracking().Where(c => c.OfficeId == officeId);
        ReceivedToday = await complaints.CountAsync(c => c.ReceivedAtUtc >= todayStartUtc && c.Status != ComplaintStatuses.Cancelled, ct);
        var open = complaints.Where(c => ComplaintStatuses.Open.Contains(c.Status));
        Open = await open.CountAsync(ct);
        Overdue = await open.CountAsync(c => c.DeadlineAtUtc < nowUtc, ct);
        var closed = complaints.Where(c => c.Status == ComplaintStatuses.Resolved && c.ClosedAtUtc >= monthStartUtc);
        var closedCount = await closed.CountAsync(ct);
        var onTime = await closed.CountAsync(c => c.ClosedAtUtc <= c.DeadlineAtUtc, ct);
        if (User.IsInRole(Domain.Offices.Roles.Administrator))
        {
            var covered = await holidays.CoveredUntilAsync(db, ct);
            if (covered < SeoulTime.Today(clock).AddMonths(12)) HolidaysCoveredUntil = covered;
        }
        ComplianceThisMonth = closedCount == 0 ? null : Math.Truncate(onTime * 1000m / closedCount) / 10m;
    }
}
