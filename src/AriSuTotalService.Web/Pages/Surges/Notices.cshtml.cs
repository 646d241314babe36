using System.Globalization;
using System.Text;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Privacy;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace AriSuTotalService.Web.Pages.Surges;

/// <summary>
/// The surge notice list (요금과 격증 안내문): every meter at or above the notice threshold. The page is masked; the
/// CSV and XLSX for the mail-merge hold full names and addresses, so each download is recorded in the access log.
/// </summary>
[Authorize(Roles = RoleSets.Notices)]
public class NoticesModel(ArisuDbContext db, PersonalDataLog log, TimeProvider clock) : PageModel
{
    public sealed record Row(string Account, string Name, string Address, string District, string UseType, long PrevUsage, int PrevDays,
        long CurUsage, int CurDays, decimal? Increase, bool Diagnosis, string PeriodEnd);

    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    public DateOnly Month { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await LoadAsync(ct);
        Rows = rows.Select(r => r with { Name = Masking.Name(r.Name), Address = Masking.Address(r.Address, null, r.District) }).ToList();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var rows = await LoadAsync(ct);
        await RecordAsync(rows.Count, "CSV", ct);
        var csv = new StringBuilder("account_number,holder_name,address,district,use_type,previous_usage_m3,previous_days,current_usage_m3,current_days,increase_percent,current_period_end\n");
        foreach (var r in rows)
            csv.AppendLine(string.Join(',', new[] { r.Account, r.Name, r.Address, r.District, r.UseType, r.PrevUsage.ToString(CultureInfo.InvariantCulture),
                r.PrevDays.ToString(CultureInfo.InvariantCulture), r.CurUsage.ToString(CultureInfo.InvariantCulture), r.CurDays.ToString(CultureInfo.InvariantCulture),
                r.Increase?.ToString("0.0", CultureInfo.InvariantCulture) ?? "", r.PeriodEnd }.Select(Csv.Quote)));
        return File(Csv.Utf8WithBom(csv.ToString()), "text/csv; charset=utf-8",
            $"surge-notices-{Month:yyyy-MM}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        var rows = await LoadAsync(ct);
        await RecordAsync(rows.Count, "XLSX", ct);
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            ["수용가번호"] = r.Account, ["성명"] = r.Name, ["주소"] = r.Address, ["구"] = r.District, ["용도"] = r.UseType,
            ["이전 사용량(m³)"] = r.PrevUsage, ["이전 일수"] = r.PrevDays, ["이번 사용량(m³)"] = r.CurUsage, ["이번 일수"] = r.CurDays,
            ["증가율(%)"] = r.Increase, ["검침일"] = r.PeriodEnd,
        }).Select(Csv.SafeRow).ToList();
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: $"격증 {Month:yyyy-MM}", cancellationToken: ct);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"surge-notices-{Month:yyyy-MM}.xlsx");
    }

    private Task RecordAsync(int count, string format, CancellationToken ct) =>
        log.RecordAsync(User.OfficeId(), "surge_notices", Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), PersonalDataActions.Download,
            $"격증 안내문 {format} {count}건 (성명·주소)", ct);

    private async Task<IReadOnlyList<Row>> LoadAsync(CancellationToken ct)
    {
        if (!Api.ApiEndpoints.TryMonth(Period, out var month))
        {
            var today = SeoulTime.Today(clock);
            month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        }
        Month = month;
        Period = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var rows = await db.SurgeCases.AsNoTracking().Where(c => c.Period == month && c.OnNoticeList)
            .Join(db.Customers, c => c.CustomerId, x => x.Id, (c, x) => new { c, x })
            .OrderBy(j => j.x.District).ThenBy(j => j.x.AccountNumber)
            .Select(j => new { j.x.AccountNumber, j.x.HolderName, j.x.Address, j.x.District, j.x.UseType, j.c.PreviousUsageM3, j.c.PreviousDays,
                j.c.CurrentUsageM3, j.c.CurrentDays, j.c.IncreaseTenths, j.c.OnDiagnosisList, j.c.CurrentPeriodEnd }).ToListAsync(ct);
        return rows.Select(r => new Row(r.AccountNumber, r.HolderName, r.Address, r.District, r.UseType, r.PreviousUsageM3, r.PreviousDays,
            r.CurrentUsageM3, r.CurrentDays, r.IncreaseTenths is { } t ? t / 10m : null, r.OnDiagnosisList,
            r.CurrentPeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).ToList();
    }

}
