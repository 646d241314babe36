using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Reductions;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Privacy;
using AriSuTotalService.Infrastructure.Reductions;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Reductions;

/// <summary>The notice to the citizen (누수요금 감면 안내): the whole working on one A4 page, addressed by name — printing it is recorded.</summary>
[Authorize(Roles = RoleSets.Reductions)]
public class NoticeModel(ArisuDbContext db, PersonalDataLog log, TimeProvider clock) : PageModel
{
    public LeakReduction Reduction { get; private set; } = null!;
    public ReductionWorking Working { get; private set; } = null!;
    public string Account { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string Reception { get; private set; } = "";
    public string OfficeName { get; private set; } = "";
    /// <summary>The notice's date: the day of the approval once approved, else the day it is printed.</summary>
    public DateOnly Date { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var r = await db.LeakReductions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || ReductionCalculation.Deserialize(r.WorkingJson) is not { } working) return NotFound();
        (Reduction, Working) = (r, working);
        var c = await db.Customers.AsNoTracking().Where(x => x.Id == r.CustomerId).Select(x => new { x.AccountNumber, x.HolderName, x.Address }).SingleAsync(ct);
        (Account, Name, Address) = (c.AccountNumber, c.HolderName, c.Address);
        Reception = await db.Complaints.AsNoTracking().Where(x => x.Id == r.ComplaintId).Select(x => x.ReceptionNumber).SingleAsync(ct);
        OfficeName = await db.Offices.AsNoTracking().Where(o => o.Id == r.OfficeId).Select(o => o.Name).SingleAsync(ct);
        Date = r.Status == ReductionStatuses.Approved && r.DecidedAtUtc is { } decided ? DateOnly.FromDateTime(SeoulTime.ToLocal(decided)) : SeoulTime.Today(clock);
        await log.RecordAsync(r.OfficeId, "customer", Account, PersonalDataActions.Print, $"누수요금 감면 안내문 {Reception}", ct);
        return Page();
    }
}
