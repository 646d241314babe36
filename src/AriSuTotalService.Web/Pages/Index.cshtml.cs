using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Reports;
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

    /// <summary>The lists behind the figures open for whoever may read complaints (the list counts what the figure counts).</summary>
    public bool CanOpenComplaints => User.IsInAny(RoleSets.ComplaintReaders);
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

        // The figures' one definition (ComplaintFigures): the same open, overdue and compliance the dashboard and reports show.
        var complaints = db.Complaints.AsNoTracking().Where(c => c.OfficeId == officeId);
        ReceivedToday = await complaints.Counted().CountAsync(c => c.ReceivedAtUtc >= todayStartUtc, ct);
        Open = await complaints.Open().CountAsync(ct);
        Overdue = await complaints.Overdue(nowUtc).CountAsync(ct);
        ComplianceThisMonth = (await ComplaintFigures.ComplianceAsync(complaints, monthStartUtc, nowUtc.AddDays(1), ct)).Rate;
        if (User.IsInRole(Domain.Offices.Roles.Administrator))
        {
            var covered = await holidays.CoveredUntilAsync(db, ct);
            if (covered < SeoulTime.Today(clock).AddMonths(12)) HolidaysCoveredUntil = covered;
        }
    }
}
