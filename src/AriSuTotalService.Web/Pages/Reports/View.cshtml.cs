using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Reports;
using System.Globalization;
using System.Text;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Reports;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace AriSuTotalService.Web.Pages.Reports;

/// <summary>One frozen report: printable on A4, downloadable as XLSX laid out like the plan's tables, or as CSV.</summary>
[Authorize(Roles = RoleSets.PanelCoordinator)]
public class ViewModel(ArisuDbContext db) : PageModel
{
    public ReportSnapshot Snapshot { get; private set; } = null!;
    public ReportContent Report { get; private set; } = null!;
    public string OfficeName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        static Dictionary<string, object?> Row(string name, int total, int citizen, int proactive, decimal? rate) => new()
        {
            ["구분"] = name, ["계"] = total, ["시민신청"] = citizen, ["선제적"] = proactive, ["선제 처리율(%)"] = rate,
        };
        var four = Report.Columns.Where(t => t.TotalService).Select(t => Row(t.Name, t.Total, t.CitizenApplied, t.Proactive, t.ProactiveRate))
            .Append(Row("4대 시민불편 민원 계", Report.FourTypes.Total, Report.FourTypes.CitizenApplied, Report.FourTypes.Proactive, Report.FourTypes.ProactiveRate)).ToList();
        var byType = Report.Columns.Select(t => new Dictionary<string, object?>
        {
            ["분야"] = ComplaintFields.Korean(t.Field), ["유형"] = t.Name, ["계"] = t.Total, ["시민신청"] = t.CitizenApplied,
            ["선제적·연계"] = t.Proactive, ["연계(파생)"] = t.Derived,
        }).ToList();
        var summary = new List<Dictionary<string, object?>>
        {
            new() { ["항목"] = "기간", ["값"] = $"{Report.From} ~ {Report.To}" },
            new() { ["항목"] = "접수 민원(취소 제외)", ["값"] = Report.Total },
            new() { ["항목"] = "처리 완료", ["값"] = Report.Compliance.Closed },
            new() { ["항목"] = "기한 내 처리", ["값"] = Report.Compliance.ClosedOnTime },
            new() { ["항목"] = "처리기한 준수율(%)", ["값"] = Report.Compliance.Rate },
            new() { ["항목"] = "시민평가단 만족도(%)", ["값"] = Report.Satisfaction },
            new() { ["항목"] = "만족도 목표(%)", ["값"] = Report.SatisfactionTarget },
            new() { ["항목"] = "격증 비교 계량기", ["값"] = Report.SurgesCompared },
            new() { ["항목"] = "격증(진단 대상)", ["값"] = Report.SurgesFlagged },
            new() { ["항목"] = "방문", ["값"] = Report.Visited },
            new() { ["항목"] = "약속 시간 준수", ["값"] = Report.VisitsKept },
            new() { ["항목"] = "댁내 진입 방문", ["값"] = Report.VisitsEnteredHome },
            new() { ["항목"] = "실내 출입(계획의 집계)", ["값"] = Report.IndoorEntriesTotal },
            new() { ["항목"] = "연계(파생) 민원", ["값"] = Report.DerivedTotal },
            new() { ["항목"] = "전년 동기 접수", ["값"] = Report.PreviousYearTotal },
            new() { ["항목"] = "전년 동기 대비 민원 감축률(%)", ["값"] = Report.ReductionFromPreviousYear },
            new() { ["항목"] = "급수불편 민원", ["값"] = Report.SupplyInconvenienceTotal },
            new() { ["항목"] = "전년 동기 급수불편 민원", ["값"] = Report.PreviousYearSupplyInconvenience },
            new() { ["항목"] = "급수불편 민원 감소실적(%)", ["값"] = Report.ScoredReduction },
            new() { ["항목"] = "4대 민원 선제 처리율(%)", ["값"] = Report.FourTypes.ProactiveRate },
            new() { ["항목"] = "우수사례(건)", ["값"] = (Report.BestPractices ?? []).Count },
        };
        foreach (var field in Report.Fields)
        {
            var name = ComplaintFields.Korean(field.Field);
            summary.Add(new() { ["항목"] = $"{name} 분야 소계 ({field.Field})", ["값"] = field.Total });
            summary.Add(new() { ["항목"] = $"{name} 분야 비율(%) ({field.Field})", ["값"] = field.Share });
        }
        summary.AddRange(Report.Years.Select(y => new Dictionary<string, object?> { ["항목"] = $"{y.Year}년 민원 (4대 {y.FourTypes:N0})", ["값"] = y.Total }));
        summary.AddRange((Report.IndoorEntries ?? []).Select(e => new Dictionary<string, object?> { ["항목"] = $"실내 출입: {e.Type} ({e.TypeCode})", ["값"] = e.Complaints }));
        var sheets = new Dictionary<string, object>
        {
            ["4대 민원 선제 처리"] = four.Select(Csv.SafeRow).ToList(), ["유형별 접수"] = byType.Select(Csv.SafeRow).ToList(),
            ["요약"] = summary.Select(Csv.SafeRow).ToList(),
        };
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"performance-{Snapshot.Label}-v{Snapshot.Version}.xlsx");
    }

    public async Task<IActionResult> OnGetCsvAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        // Korean headers as the office's tables name them; each type's code beside its name, so a sheet can be matched to the catalogue.
        var csv = new StringBuilder(string.Join(',', CsvHeader) + "\r\n"); // RFC 4180: CRLF after each record
        static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        foreach (var t in Report.Columns.Append(Report.FourTypes))
            csv.Append(string.Join(',', Csv.Quote(t.TypeCode), Csv.Quote(t.Name), Csv.Quote(ComplaintFields.Korean(t.Field)), N(t.Total), N(t.CitizenApplied),
                N(t.Proactive), t.ProactiveRate?.ToString("0.0", CultureInfo.InvariantCulture) ?? "", N(t.Derived))).Append("\r\n");
        return File(Csv.Utf8WithBom(csv.ToString()), "text/csv; charset=utf-8",
            $"performance-{Snapshot.Label}-v{Snapshot.Version}.csv");
    }

    /// <summary>The CSV's columns: the type's code, then its name, the field, and the plan's figures.</summary>
    public static readonly string[] CsvHeader = ["유형 코드", "유형", "분야", "계", "시민신청", "선제적·연계", "선제 처리율(%)", "연계(파생)"];

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var s = await db.ReportSnapshots.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return false;
        Snapshot = s;
        Report = ReportContent.FromJson(s.Content);
        OfficeName = await db.Offices.AsNoTracking().Where(o => o.Id == s.OfficeId).Select(o => o.Name).SingleAsync(ct);
        return true;
    }
}
