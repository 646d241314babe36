using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Reports;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Reports;
using AriSuTotalService.Infrastructure.Surges;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AriSuTotalService.Web.Tests.Reports;

/// <summary>Each figure defined once: every page, report and API gives the same number, and its list holds what it counted.</summary>
public partial class OneDefinitionTests(TwoOfficeFactory factory) : IClassFixture<TwoOfficeFactory>
{
    private static int _sequence;

    /// <summary>A complaint of the demo office received at <paramref name="atUtc"/> with a deadline of its own.</summary>
    private long Receive(DateTime atUtc, DateTime deadlineUtc, string code = ComplaintTypeCodes.OutdoorLeak, Action<Complaint>? then = null) => factory.With(db =>
    {
        var type = db.ComplaintTypes.Single(x => x.Code == code);
        var local = SeoulTime.ToLocal(atUtc);
        var c = Complaint.Receive(db.Office, ReceptionNumber.Format(local.Year, "남부", 870000 + Interlocked.Increment(ref _sequence)),
            atUtc, type, Channels.Phone, null, "시험", "관악구", deadlineUtc, "test");
        then?.Invoke(c);
        db.Complaints.Add(c);
        db.SaveChanges();
        return c.Id;
    });

    [GeneratedRegex(@"id=""home-overdue"">([0-9,]+)<")]
    private static partial Regex HomeOverdue();

    [GeneratedRegex(@"지금 기한 초과 ([0-9,]+)건")]
    private static partial Regex DashboardOverdue();

    [GeneratedRegex(@"id=""list-total"">([0-9,]+)건")]
    private static partial Regex ListTotal();

    private static int Number(Regex pattern, string html)
    {
        var m = pattern.Match(html);
        Assert.True(m.Success, $"no {pattern} in the page");
        return int.Parse(m.Groups[1].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Overdue_is_one_figure_on_the_home_page_the_dashboard_and_its_list_with_paused_and_cancelled_complaints_present()
    {
        _ = factory.B;
        var now = ArisuFactory.Now.UtcDateTime;
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        int Home() => Number(HomeOverdue(), chief.GetPageAsync("/").Result);
        var before = Home();
        // Past its deadline: one open (overdue), one paused (its clock stands still), one cancelled (counts nowhere).
        Receive(now.AddDays(-5), now.AddDays(-1));
        Receive(now.AddDays(-5), now.AddDays(-1), then: c => c.Pause("서류 보완 요청", now.AddDays(-2), "test"));
        Receive(now.AddDays(-5), now.AddDays(-1), then: c => c.Cancel("중복 접수", now.AddDays(-2), "test"));
        var home = Home();
        Assert.Equal(before + 1, home);
        Assert.Equal(home, Number(DashboardOverdue(), WebUtility.HtmlDecode(await chief.GetPageAsync("/Dashboard"))));
        Assert.Equal(home, Number(ListTotal(), await chief.GetPageAsync("/Complaints?overdue=true")));
    }

    [Fact]
    public async Task A_month_still_running_is_compared_with_the_same_days_a_year_earlier()
    {
        _ = factory.B;
        // Today is 2026-11-25. November 2025: two complaints up to the 25th, three after it.
        Receive(SeoulTime.ToUtc(new DateTime(2025, 11, 3, 10, 0, 0)), SeoulTime.ToUtc(new DateTime(2025, 11, 6, 10, 0, 0)), ComplaintTypeCodes.SupplyWorks);
        Receive(SeoulTime.ToUtc(new DateTime(2025, 11, 20, 10, 0, 0)), SeoulTime.ToUtc(new DateTime(2025, 11, 26, 10, 0, 0)), ComplaintTypeCodes.SupplyWorks);
        for (var i = 0; i < 3; i++)
            Receive(SeoulTime.ToUtc(new DateTime(2025, 11, 27, 10, 0, 0)), SeoulTime.ToUtc(new DateTime(2025, 11, 30, 10, 0, 0)), ComplaintTypeCodes.SupplyWorks);
        var api = await TestClient.Keyed(factory).GetFromJsonAsync<JsonElement>("/api/v1/reports/performance?from=2026-11&to=2026-11");
        Assert.Equal("2026-11-25", api.GetProperty("countedUntil").GetString());
        var whole = await TestClient.Keyed(factory).GetFromJsonAsync<JsonElement>("/api/v1/reports/performance?from=2025-11&to=2025-11");
        var sameDays = api.GetProperty("reduction").GetProperty("previousYearTotal").GetInt32();
        var (from, to) = (SeoulTime.ToUtc(new DateTime(2025, 11, 1)), SeoulTime.ToUtc(new DateTime(2025, 11, 26)));
        Assert.Equal(factory.With(db => db.Complaints.Count(c => c.ReceivedAtUtc >= from && c.ReceivedAtUtc < to && c.Status != ComplaintStatuses.Cancelled)), sameDays);
        Assert.True(whole.GetProperty("total").GetInt32() - sameDays >= 3, "the days after the 25th of last November are left out");
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        Assert.Contains("id=\"like-for-like\"", await chief.GetPageAsync("/Dashboard?from=2026-11&to=2026-11"));
    }

    [Fact]
    public async Task A_report_frozen_before_its_months_scan_says_so_and_the_scan_adds_the_version_with_its_surges()
    {
        _ = factory.B;
        var month = new DateOnly(2026, 9, 1);
        var office = factory.With(db => db.Office);
        factory.With(db =>
        {
            db.ReportSnapshots.Where(s => s.Period == month).ExecuteDelete();
            return db.ScanRuns.Where(r => r.Period == month).ExecuteDelete();
        });
        long run;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ArisuDbContext>().ActFor(office);
            // The month's scan queued (the catch-up at start), the report frozen before it ran.
            run = (await scope.ServiceProvider.GetRequiredService<SurgeScanJob>().QueueAsync(office, month, "startup", "system", default)).Id;
            await scope.ServiceProvider.GetRequiredService<MonthlyReportJob>().CreateAsync(office, ReportSnapshot.Monthly, month, "system", default);
        }
        ReportContent Latest() => factory.With(db => ReportContent.FromJson(db.ReportSnapshots.AsNoTracking()
            .Where(s => s.Period == month && s.Kind == ReportSnapshot.Monthly).OrderByDescending(s => s.Version).First().Content));
        Assert.True(Latest().ScanPending);
        using (var scope = factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<SurgeScanJob>().RunAsync(run, default);
        var after = Latest();
        Assert.False(after.ScanPending);
        var scanned = factory.With(db => db.ScanRuns.AsNoTracking().Single(r => r.Id == run));
        Assert.Equal((scanned.Compared, scanned.Surges), (after.SurgesCompared, after.SurgesFlagged));
        Assert.Equal(2, factory.With(db => db.ReportSnapshots.Count(s => s.Period == month && s.Kind == ReportSnapshot.Monthly)));
    }

    [Fact]
    public async Task The_api_refuses_to_scan_a_month_that_has_not_begun_as_the_page_does()
    {
        var response = await TestClient.Keyed(factory).PostAsync("/api/v1/surge-scans?period=2026-12", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("period", Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray())
            .GetProperty("column").GetString());
        Assert.False(factory.With(db => db.ScanRuns.Any(r => r.Period == new DateOnly(2026, 12, 1))));
    }

    private static HttpContent Csv(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    [Fact]
    public async Task The_citys_catalogue_is_imported_and_a_type_the_plan_does_not_name_is_counted_in_its_fields_other_column()
    {
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        const string header = "code,name_ko,name_en,field,division,period_unit,period_value,report_column,enters_home";
        var refused = await admin.PostMultipartAsync("/Admin/Imports?handler=Catalogue", new Dictionary<string, string>(), "file",
            Encoding.UTF8.GetBytes($"{header}\nWATER_METER_FREEZE,계량기 동파,Frozen meter,works,현장민원과,days,3,,true\n"
                + "lower_case,이름,Name,billing,요금과,days,1,LEAK_DIAGNOSIS,false\n"), "catalogue.csv");
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("id=\"import-errors\"", page);
        Assert.False(factory.With(db => db.ComplaintTypes.Any(t => t.Code == "WATER_METER_FREEZE")));

        var saved = await admin.PostMultipartAsync("/Admin/Imports?handler=Catalogue", new Dictionary<string, string>(), "file",
            Encoding.UTF8.GetBytes($"{header}\nWATER_METER_FREEZE,계량기 동파,Frozen meter,works,현장민원과,days,3,,true\n"
                + "RATE_INQUIRY,요금 문의,Rate inquiry,billing,요금과,days,1,BILLING_OTHER,false\n"
                + "NAME_CHANGE,명의변경,Owner/user name change,billing,요금과,days,1,NAME_CHANGE,false\n"), "catalogue.csv");
        Assert.True(saved.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect);
        Assert.Equal(PlanTable.OtherOf(ComplaintFields.Works), factory.With(db => db.ComplaintTypes.Single(t => t.Code == "WATER_METER_FREEZE").ReportColumn));

        // A complaint of the new type counts in the works' 기타 column of the plan's table, which keeps its fourteen columns.
        var at = SeoulTime.ToUtc(new DateTime(2031, 6, 10, 10, 0, 0));
        Receive(at, at.AddDays(3), "WATER_METER_FREEZE");
        var api = await TestClient.Keyed(factory).GetFromJsonAsync<JsonElement>("/api/v1/reports/performance?from=2031-06&to=2031-06");
        var row = api.GetProperty("byType").EnumerateArray().Single(t => t.GetProperty("typeCode").GetString() == "WATER_METER_FREEZE");
        Assert.Equal(ComplaintTypeCodes.WorksOther, row.GetProperty("reportColumn").GetString());
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArisuDbContext>().ActFor(factory.With(d => d.Office));
        var figures = await PerformanceFigures.ComputeAsync(db, db.Office, new ReportPeriod(new DateOnly(2031, 6, 1), new DateOnly(2031, 6, 1)), null);
        Assert.Equal(14, figures.Columns.Count);
        Assert.Equal(1, figures.Columns.Single(c => c.TypeCode == ComplaintTypeCodes.WorksOther).Total);
    }
}
