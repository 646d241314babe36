using AriSuTotalService.Domain.Reports;
using System.Net;
using System.Text.RegularExpressions;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Infrastructure.Reports;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace AriSuTotalService.Web.Tests.Reports;

public partial class ReportSnapshotTests(PerformanceReportTests.Factory factory) : IClassFixture<PerformanceReportTests.Factory>
{
    private static int _sequence;

    private void AddDiagnosis(string channel) => factory.With(db =>
    {
        var t = db.ComplaintTypes.Single(x => x.Code == ComplaintTypeCodes.LeakDiagnosis);
        var at = SeoulTime.ToUtc(new DateTime(2026, 10, 7, 11, 0, 0));
        db.Complaints.Add(Complaint.Receive(db.Offices.Single().Id, ReceptionNumber.Format(2026, "남부", 800000 + Interlocked.Increment(ref _sequence)),
            at, t, channel, null, "시험", "관악구", at.AddDays(3), "test"));
        return db.SaveChanges();
    });

    [Fact]
    public async Task A_frozen_report_keeps_its_figures_when_later_data_arrives_and_regenerating_adds_a_version()
    {
        // October as before the schedule of the 6th froze it (the start's catch-up already did).
        factory.With(db => db.ReportSnapshots.Where(s => s.Period == new DateOnly(2026, 10, 1)).ExecuteDelete());
        AddDiagnosis(Channels.Proactive);
        AddDiagnosis(Channels.Phone);
        using (var scope = factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<MonthlyReportJob>().RunScheduledAsync(CancellationToken.None);
        var first = factory.With(db => db.ReportSnapshots.AsNoTracking().Single(s => s.Period == new DateOnly(2026, 10, 1)));
        Assert.Equal(1, first.Version);

        // A late import for October, and the schedule running again: the frozen report does not move.
        AddDiagnosis(Channels.Proactive);
        using (var scope = factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<MonthlyReportJob>().RunScheduledAsync(CancellationToken.None);
        Assert.Equal(1, factory.With(db => db.ReportSnapshots.Count(s => s.Period == new DateOnly(2026, 10, 1))));

        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var frozen = await chief.GetPageAsync($"/Reports/View/{first.Id}");
        Assert.Matches(DiagnosisRow("2", "1", "1", "50.0%"), frozen);
        Assert.Contains("id=\"report-visits\">방문 기록 기준: 방문 0건 중 약속 시간 준수 0건 (–)", frozen);

        var regenerated = await chief.PostFormAsync("/Reports?handler=Monthly", new() { ["Month"] = "2026-10" }, formPage: "/Reports");
        Assert.Equal(HttpStatusCode.Redirect, regenerated.StatusCode);
        var v2 = factory.With(db => db.ReportSnapshots.AsNoTracking().Single(s => s.Period == new DateOnly(2026, 10, 1) && s.Version == 2));
        Assert.Matches(DiagnosisRow("3", "1", "2", "66.6%"), await chief.GetPageAsync($"/Reports/View/{v2.Id}"));
        Assert.Matches(DiagnosisRow("2", "1", "1", "50.0%"), await chief.GetPageAsync($"/Reports/View/{first.Id}"));

        // The XLSX holds the page's numbers.
        var xlsx = await chief.GetAsync($"/Reports/View/{v2.Id}?handler=Xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        await using var stream = await xlsx.Content.ReadAsStreamAsync();
        var ms = new MemoryStream();
        await stream.CopyToAsync(ms);
        ms.Position = 0;
        var rows = ms.Query(useHeaderRow: true, sheetName: "4대 민원 선제 처리").Cast<IDictionary<string, object>>().ToList();
        var diagnosis = rows.Single(r => (string)r["구분"] == "옥내누수진단");
        Assert.Equal(3d, Convert.ToDouble(diagnosis["계"]));
        Assert.Equal(66.6d, Convert.ToDouble(diagnosis["선제 처리율(%)"]), 3);

        // So does the CSV, under Korean headers, each type's code beside its name.
        var csv = (await chief.Http.GetStringAsync($"/Reports/View/{v2.Id}?handler=Csv")).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("유형 코드,유형,분야,계,시민신청,선제적·연계,선제 처리율(%),연계(파생)", csv[0]);
        Assert.Contains("LEAK_DIAGNOSIS,옥내누수진단,공사,3,1,2,66.6,0", csv);

        var field = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await field.GetAsync($"/Reports/View/{v2.Id}")).StatusCode);
    }

    /// <summary>A phone complaint of the type received on the day, 10:00 Seoul (cancelled when asked).</summary>
    private void Receive(DateOnly day, string code, bool cancelled = false) => factory.With(db =>
    {
        var at = SeoulTime.ToUtc(day.ToDateTime(new TimeOnly(10, 0)));
        var type = db.ComplaintTypes.Single(x => x.Code == code);
        var c = Complaint.Receive(db.Offices.Single().Id, ReceptionNumber.Format(day.Year, "남부", 810000 + Interlocked.Increment(ref _sequence)),
            at, type, Channels.Phone, null, "시험", "관악구", at.AddDays(3), "test");
        if (cancelled) c.Cancel("중복 접수", at.AddHours(1), "test");
        db.Complaints.Add(c);
        return db.SaveChanges();
    });

    /// <summary>Freezes the month's report of the office as the schedule would; returns its id.</summary>
    private async Task<long> FreezeAsync(DateOnly month)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AriSuTotalService.Infrastructure.Data.ArisuDbContext>();
        var office = db.Offices.Single().Id;
        db.ActFor(office);
        return (await scope.ServiceProvider.GetRequiredService<MonthlyReportJob>().CreateAsync(office, ReportSnapshot.Monthly, month, "test", default)).Id;
    }

    [Fact]
    public async Task Indoor_entries_are_counted_as_the_plan_counts_them_by_type_beside_the_visit_based_figure()
    {
        // March 2031: no other data. Two diagnoses and a supply inconvenience enter the home; of indoor piping only the
        // advice given on site counts (the plan's 790), not an indoor-piping complaint; a water-quality test cancelled and
        // a name change do not count.
        var march = new DateOnly(2031, 3, 10);
        Receive(march, ComplaintTypeCodes.LeakDiagnosis);
        Receive(march, ComplaintTypeCodes.LeakDiagnosis);
        Receive(march, ComplaintTypeCodes.SupplyInconvenience);
        Receive(march, ComplaintTypeCodes.IndoorPiping);
        Receive(march, ComplaintTypeCodes.NameChange);
        Receive(march, ComplaintTypeCodes.WaterQualityTest, cancelled: true);
        var id = await FreezeAsync(new DateOnly(2031, 3, 1));
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var page = WebUtility.HtmlDecode(await chief.GetPageAsync($"/Reports/View/{id}"));
        Assert.Contains("id=\"report-indoor\">실내 출입(계획의 집계) 3건 = 옥내누수진단 2 + 급수불편 1 + 수질검사 0 + 옥내급수관 상담 0</p>", page);
        Assert.Contains("id=\"report-visits\">방문 기록 기준: 방문 0건", page);
    }

    [Fact]
    public async Task The_report_carries_what_headquarters_scores_and_the_plans_field_subtotals_with_their_shares()
    {
        // April 2030: five complaints; April 2031: four — one billing (25.0 %), three works (75.0 %): 20.0 % fewer.
        for (var i = 0; i < 5; i++) Receive(new DateOnly(2030, 4, 8), ComplaintTypeCodes.AutoPayment);
        Receive(new DateOnly(2031, 4, 8), ComplaintTypeCodes.AutoPayment);
        Receive(new DateOnly(2031, 4, 8), ComplaintTypeCodes.LeakDiagnosis);
        Receive(new DateOnly(2031, 4, 8), ComplaintTypeCodes.OutdoorLeak);
        Receive(new DateOnly(2031, 4, 8), ComplaintTypeCodes.OutdoorLeak);
        var id = await FreezeAsync(new DateOnly(2031, 4, 1));
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var page = WebUtility.HtmlDecode(await chief.GetPageAsync($"/Reports/View/{id}"));
        Assert.Contains("id=\"report-reduction\">20.0%</td><td class=\"small text-muted\">전년 동기 5건 → 4건</td>", page);
        Assert.Matches("data-field-subtotal=\"billing\"><td colspan=\"2\">요금 분야 소계</td><td class=\"text-end\">1 \\(25.0%\\)</td>", page);
        Assert.Matches("data-field-subtotal=\"works\"><td colspan=\"2\">공사 분야 소계</td><td class=\"text-end\">3 \\(75.0%\\)</td>", page);
        // The five fields, in the frozen report's table.
        var scored = page[page.IndexOf("id=\"report-scored\"", StringComparison.Ordinal)..];
        scored = scored[..scored.IndexOf("</table>", StringComparison.Ordinal)];
        foreach (var field in new[] { "시민평가단 만족도", "4대 민원 선제 처리율", "처리기한 준수율", "급수불편 민원 감소실적(전년 동기 대비)", "전체 민원 전년 동기 대비 감축률", "우수사례" })
            Assert.Contains($"<th scope=\"row\">{field}</th>", scored);
    }

    private static Regex DiagnosisRow(string total, string citizen, string proactive, string rate) =>
        new($"<th scope=\"row\">옥내누수진단</th><td class=\"text-end\">{total}</td><td class=\"text-end\">{citizen}</td><td class=\"text-end\">{proactive}</td><td class=\"text-end\">{Regex.Escape(rate)}</td>");
}

public class BestPracticeTests(PerformanceReportTests.Factory factory) : IClassFixture<PerformanceReportTests.Factory>
{
    [Fact]
    public async Task A_flagged_best_practice_is_listed_in_the_report_of_its_month_and_only_chiefs_flag()
    {
        var id = factory.With(db =>
        {
            var t = db.ComplaintTypes.Single(x => x.Code == ComplaintTypeCodes.SupplyInconvenience);
            var at = SeoulTime.ToUtc(new DateTime(2026, 10, 12, 10, 0, 0));
            var c = Complaint.Receive(db.Offices.Single().Id, "2026-남부-700001", at, t, Channels.Phone, null, "시험", "관악구", at.AddDays(1), "test");
            db.Complaints.Add(c);
            db.SaveChanges();
            return c.Id;
        });
        var url = $"/Complaints/Detail/{id}";
        var field = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await field.PostFormAsync(url + "?handler=BestPractice", new() { ["Text"] = "x" }, formPage: url)).StatusCode);

        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var empty = await chief.PostFormAsync(url + "?handler=BestPractice", new() { ["Text"] = " " }, formPage: url);
        Assert.Contains("우수사례 내용을 입력하세요.", await empty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await chief.PostFormAsync(url + "?handler=BestPractice",
            new() { ["Text"] = "야간 단수 민원을 30분 만에 현장 복구" }, formPage: url)).StatusCode);

        var made = await chief.PostFormAsync("/Reports?handler=Monthly", new() { ["Month"] = "2026-10" }, formPage: "/Reports");
        var report = await chief.GetPageAsync(made.Headers.Location!.OriginalString);
        Assert.Contains("2026-남부-700001 (급수불편): 야간 단수 민원을 30분 만에 현장 복구", report);
    }
}
