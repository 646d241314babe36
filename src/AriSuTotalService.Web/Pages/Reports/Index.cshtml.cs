using AriSuTotalService.Domain.Reports;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Reports;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Reports;

/// <summary>The frozen reports to headquarters: monthly (made on the 6th) and year-end; any can be regenerated as a new version.</summary>
[Authorize(Roles = RoleSets.PanelCoordinator)]
public class IndexModel(ArisuDbContext db, MonthlyReportJob reports, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ReportSnapshot> Snapshots { get; private set; } = [];
    [BindProperty] public string? Month { get; set; }
    [BindProperty] public int? Year { get; set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostMonthlyAsync(CancellationToken ct)
    {
        var today = SeoulTime.Today(clock);
        if (!Api.ApiEndpoints.TryMonth(Month, out var month) || month > new DateOnly(today.Year, today.Month, 1))
        {
            Error = "보고할 달을 yyyy-MM 형식으로 고르세요 (이번 달까지).";
            await LoadAsync(ct);
            return Page();
        }
        var s = await reports.CreateAsync(User.OfficeId(), ReportSnapshot.Monthly, month, User.Identity!.Name!, ct);
        return RedirectToPage("View", new { id = s.Id });
    }

    public async Task<IActionResult> OnPostYearlyAsync(CancellationToken ct)
    {
        if (Year is not { } y || y < 2000 || y > SeoulTime.Today(clock).Year)
        {
            Error = "연도를 확인하세요.";
            await LoadAsync(ct);
            return Page();
        }
        var s = await reports.CreateAsync(User.OfficeId(), ReportSnapshot.Yearly, new DateOnly(y, 1, 1), User.Identity!.Name!, ct);
        return RedirectToPage("View", new { id = s.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Snapshots = await db.ReportSnapshots.AsNoTracking().OrderByDescending(s => s.Period).ThenByDescending(s => s.Version).Take(100).ToListAsync(ct);
        var today = SeoulTime.Today(clock);
        Month ??= new DateOnly(today.Year, today.Month, 1).AddMonths(-1).ToString("yyyy-MM");
        Year ??= today.Year - 1;
    }
}
