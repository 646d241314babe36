using AriSuTotalService.Domain.Common;
using System.Globalization;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Domain.Surges;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Surges;

/// <summary>The diagnosis worklist of a month's scan (현장민원과): surges ≥ the diagnosis threshold, new use and anomalies.</summary>
[Authorize(Roles = RoleSets.SurgeReaders)]
public class IndexModel(ArisuDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(long Id, string Account, string Name, string Area, string Kind, decimal? Increase, long PrevUsage, int PrevDays,
        long CurUsage, int CurDays, string Status, int Attempts, bool NeedsLetter, string? Assignee);

    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    /// <summary>diagnosis (default), newUse, anomaly, all.</summary>
    [BindProperty(SupportsGet = true)] public string? List { get; set; }
    [BindProperty(SupportsGet = true)] public int? MinIncrease { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }

    public DateOnly Month { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<string> Districts { get; private set; } = [];
    public IReadOnlyList<string> Months { get; private set; } = [];

    /// <summary>The cases open for the surge work; the administrator reads the worklist from the dashboard, without them.</summary>
    public bool CanOpenCases => User.IsInAny(RoleSets.SurgeWork);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var officeId = User.OfficeId();
        Months = (await db.ScanRuns.AsNoTracking().Where(r => r.State == RunStates.Completed).Select(r => r.Period).Distinct()
            .OrderByDescending(p => p).Take(24).ToListAsync(ct)).Select(p => p.ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToList();
        if (!Api.ApiEndpoints.TryMonth(Period, out var month))
        {
            var today = SeoulTime.Today(clock);
            month = Months.Count > 0 && Api.ApiEndpoints.TryMonth(Months[0], out var latest) ? latest : new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        }
        Month = month;
        Period = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Districts = (await db.Offices.AsNoTracking().Where(o => o.Id == officeId).Select(o => o.Districts).SingleAsync(ct)).Split(',');

        var q = db.SurgeCases.AsNoTracking().Where(c => c.Period == month);
        q = List switch
        {
            "newUse" => q.Where(c => c.Kind == SurgeKinds.NewUse),
            "anomaly" => q.Where(c => c.Kind == SurgeKinds.Anomaly),
            "all" => q,
            _ => q.Where(c => c.OnDiagnosisList),
        };
        if (!string.IsNullOrEmpty(Status)) q = q.Where(c => c.Status == Status);
        if (!string.IsNullOrEmpty(District)) q = q.Where(c => db.Customers.Any(x => x.Id == c.CustomerId && x.District == District));
        if (MinIncrease is { } min) q = q.Where(c => c.IncreaseTenths >= min * 10);
        if (Mine) { var me = User.UserId(); q = q.Where(c => c.AssigneeId == me); }
        var rows = await (
            from c in q
            join k in db.Customers on c.CustomerId equals k.Id
            orderby (c.Status == SurgeCaseStatuses.Open ? 0 : c.Status == SurgeCaseStatuses.Unreachable ? 1 : 2), c.IncreaseTenths descending
            select new
            {
                c.Id, c.Kind, c.IncreaseTenths, c.PreviousUsageM3, c.PreviousDays, c.CurrentUsageM3, c.CurrentDays, c.Status, c.ContactAttempts, c.NeedsLetter,
                Customer = new { k.AccountNumber, k.HolderName, k.Address, k.Dong, k.District },
                Assignee = db.Users.Where(u => u.Id == c.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(),
            }).Take(500).ToListAsync(ct);
        Rows = rows.Select(c => new Row(c.Id, c.Customer.AccountNumber, Masking.Name(c.Customer.HolderName),
            Masking.Address(c.Customer.Address, c.Customer.Dong, c.Customer.District), c.Kind, c.IncreaseTenths is { } t ? t / 10m : null,
            c.PreviousUsageM3, c.PreviousDays, c.CurrentUsageM3, c.CurrentDays, c.Status, c.ContactAttempts, c.NeedsLetter, c.Assignee)).ToList();
    }

    public static string PerDay(long usage, int days) => days == 0 ? "-" : (usage / (decimal)days).ToString("0.00", CultureInfo.InvariantCulture);

    public static string StatusLabel(string status) => status switch
    {
        "open" => "확인 전",
        "explained" => "사유 확인(종결)",
        "unexplained" => "원인 불명 → 진단",
        "unreachable" => "연락 안 됨",
        "closed" => "종결",
        _ => status,
    };

    public static string KindLabel(string kind) => kind switch
    {
        "surge" => "격증",
        "newUse" => "신규 사용",
        "anomaly" => "이상값(교체·오검침)",
        _ => kind,
    };
}
