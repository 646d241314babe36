using AriSuTotalService.Domain.Privacy;
using System.Globalization;
using System.Text;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Reductions;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features.Reductions;
using AriSuTotalService.Infrastructure.Privacy;
using AriSuTotalService.Infrastructure.Reductions;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace AriSuTotalService.Web.Pages.Reductions;

/// <summary>
/// Reductions for the next bill: what the next export will hold, the export (marks every line exported in one batch so
/// nothing is sent twice) and each past batch as CSV or XLSX for the billing system.
/// </summary>
[Authorize(Roles = RoleSets.Reductions)]
public class ExportModel(ArisuDbContext db, LeakReductions reductions, ExportReductions.Handler export, PersonalDataLog log, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string CsvHeader = "entry,reduction_id,account_number,reception_number,leak_period_start,leak_period_end,leak_volume_m3,water_reduction_won,sewer_reduction_won,levy_reduction_won,total_reduction_won,decided_at";

    [BindProperty(SupportsGet = true)] public long? Batch { get; set; }
    public IReadOnlyList<ReductionExportLine> Pending { get; private set; } = [];
    public IReadOnlyList<ReductionExport> Batches { get; private set; } = [];
    public string? Error { get; private set; }
    public bool CanExport => User.IsInRole(Roles.BillingClerk);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanExport) return Forbid();
        try
        {
            var batch = await export.HandleAsync(new ExportReductions.Command(CanExport), ct);
            // What went out, and where it goes next: the billing system reads the file the clerk downloads below.
            TempData["Done"] = l["감면 {0}건, 취소 {1}건(합계 {2}원)을 내보내고 내보낸 것으로 표시했습니다. 아래에서 파일을 내려받아 요금 시스템에 올리세요.",
                batch.Reductions, batch.Cancellations, batch.NetWon.ToString("N0")].Value;
            return RedirectToPage(new { batch = batch.Id });
        }
        catch (DomainException ex)
        {
            Error = l.Text(ex);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(long batch, CancellationToken ct)
    {
        if (!await db.ReductionExports.AnyAsync(b => b.Id == batch, ct)) return NotFound();
        var lines = await reductions.BatchAsync(batch, ct);
        await log.RecordAsync(User.OfficeId(), "reduction_export", batch.ToString(CultureInfo.InvariantCulture), PersonalDataActions.Download, $"감면 내보내기 CSV {lines.Count}건", ct);
        var csv = new StringBuilder(CsvHeader).Append('\n');
        foreach (var l in lines)
            csv.AppendLine(string.Join(',', new[]
            {
                l.Entry, Inv(l.ReductionId), l.AccountNumber, l.ReceptionNumber, l.LeakPeriodStart?.ToString("yyyy-MM-dd") ?? "", l.LeakPeriodEnd?.ToString("yyyy-MM-dd") ?? "",
                Inv(l.LeakVolumeM3), Inv(l.WaterWon), Inv(l.SewerWon), Inv(l.LevyWon), Inv(l.TotalWon),
                l.DecidedAtUtc is { } d ? SeoulTime.ToLocal(d).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "",
            }.Select(Csv.Quote)));
        return File(Csv.Utf8WithBom(csv.ToString()), "text/csv; charset=utf-8", $"leak-reductions-{batch}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(long batch, CancellationToken ct)
    {
        if (!await db.ReductionExports.AnyAsync(b => b.Id == batch, ct)) return NotFound();
        var lines = await reductions.BatchAsync(batch, ct);
        await log.RecordAsync(User.OfficeId(), "reduction_export", batch.ToString(CultureInfo.InvariantCulture), PersonalDataActions.Download, $"감면 내보내기 XLSX {lines.Count}건", ct);
        var sheet = lines.Select(l => new Dictionary<string, object?>
        {
            ["구분"] = l.Entry == LeakReductions.EntryReduction ? "감면" : "감면 취소", ["감면번호"] = l.ReductionId, ["수용가번호"] = l.AccountNumber,
            ["접수번호"] = l.ReceptionNumber, ["누수 기간 시작"] = l.LeakPeriodStart?.ToString("yyyy-MM-dd"), ["누수 기간 끝"] = l.LeakPeriodEnd?.ToString("yyyy-MM-dd"),
            ["누수량(m³)"] = l.LeakVolumeM3, ["상수도요금 감면(원)"] = l.WaterWon, ["하수도요금 감면(원)"] = l.SewerWon, ["물이용부담금 감면(원)"] = l.LevyWon,
            ["감면액 합계(원)"] = l.TotalWon,
        }).Select(Csv.SafeRow).ToList();
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: $"감면 {batch}", cancellationToken: ct);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"leak-reductions-{batch}.xlsx");
    }

    private static string Inv(long v) => v.ToString(CultureInfo.InvariantCulture);

    private async Task LoadAsync(CancellationToken ct)
    {
        Pending = await reductions.PendingExportAsync(ct);
        Batches = await db.ReductionExports.AsNoTracking().OrderByDescending(b => b.Id).Take(50).ToListAsync(ct);
    }
}
