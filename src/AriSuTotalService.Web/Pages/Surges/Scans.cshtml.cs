using System.Globalization;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Surges;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Surges;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Surges;

/// <summary>Scan runs (each recorded) and "run now" with its progress followed live.</summary>
[Authorize(Roles = RoleSets.ScanControl)]
public class ScansModel(ArisuDbContext db, SurgeScanJob scans, TimeProvider clock, ScanProgressBoard board) : PageModel
{
    [BindProperty] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public long? Follow { get; set; }

    public IReadOnlyList<ScanRun> Runs { get; private set; } = [];
    public SurgeThresholds Thresholds { get; private set; } = SurgeThresholds.Default;
    public string DefaultPeriod { get; private set; } = "";
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Api.ApiEndpoints.TryMonth(Period, out var month) || SurgeScanJob.Refusal(month, SeoulTime.Today(clock)) is not null)
        {
            Error = SurgeScanJob.MonthRefusal;
            await LoadAsync(ct);
            return Page();
        }
        var run = await scans.QueueAsync(User.OfficeId(), month, "manual", User.Identity!.Name!, ct);
        return RedirectToPage(new { follow = run.Id });
    }

    /// <summary>Progress for the page's poller: state and counts as JSON.</summary>
    public async Task<IActionResult> OnGetStatusAsync(long id, CancellationToken ct)
    {
        var r = await db.ScanRuns.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return NotFound();
        var p = board.Current(r);
        return new JsonResult(new { id = r.Id, state = r.State, judged = p.Judged, toJudge = p.ToJudge, percent = p.PercentFor(r.State), compared = r.Compared, surges = r.Surges, notices = r.Notices, newUse = r.NewUse,
            anomalies = r.Anomalies, skipped = r.Skipped, gaps = r.Gaps, added = r.CasesAdded, error = r.Error });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = SeoulTime.Today(clock);
        DefaultPeriod = new DateOnly(today.Year, today.Month, 1).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Runs = await db.ScanRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(50).ToListAsync(ct);
        Thresholds = await SurgeSettings.GetAsync(db, User.OfficeId(), ct);
    }

    public static string Local(DateTime? utc) => utc is { } u ? SeoulTime.ToLocal(u).ToString("yyyy-MM-dd HH:mm:ss") : "";

    public static string StateLabel(string state) => state switch
    {
        "queued" => "대기",
        "running" => "실행 중",
        "completed" => "완료",
        "failed" => "실패",
        _ => state,
    };
}
