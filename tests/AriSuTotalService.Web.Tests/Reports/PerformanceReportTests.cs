using System.Net;
using System.Text.Json;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Infrastructure.Reports;
using AriSuTotalService.Web.Tests.Infrastructure;

namespace AriSuTotalService.Web.Tests.Reports;

/// <summary>The report's definitions on a small hand-made month whose every figure is known.</summary>
public class PerformanceReportTests(PerformanceReportTests.Factory factory) : IClassFixture<PerformanceReportTests.Factory>
{
    /// <summary>Demo accounts and meters, but no generated complaints.</summary>
    public sealed class Factory : ArisuFactory
    {
        protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?> { ["Demo:ComplaintsPerYear"] = "0" };
    }

    private static readonly DateTime October = SeoulTime.ToUtc(new DateTime(2026, 10, 6, 10, 0, 0));
    private static int _sequence;

    private void Add(string type, string channel, string? outcome = null, bool late = false) => factory.With(db =>
    {
        var t = db.ComplaintTypes.Single(x => x.Code == type);
        var c = Complaint.Receive(db.Offices.Single().Id, ReceptionNumber.Format(2026, "남부", 900000 + Interlocked.Increment(ref _sequence)), October, t,
            channel, null, "시험", "관악구", October.AddDays(3), "test");
        if (outcome == "resolved") c.Resolve("처리", late ? October.AddDays(5) : October.AddDays(1), "test");
        if (outcome == "cancelled") c.Cancel("중복", October.AddHours(1), "test");
        db.Complaints.Add(c);
        return db.SaveChanges();
    });

    private void Arrange()
    {
        if (factory.With(db => db.Complaints.Any())) return;
        Add(ComplaintTypeCodes.LeakDiagnosis, Channels.Proactive, "resolved");
        Add(ComplaintTypeCodes.LeakDiagnosis, Channels.Proactive, "resolved", late: true);
        Add(ComplaintTypeCodes.LeakDiagnosis, Channels.Proactive);
        Add(ComplaintTypeCodes.LeakDiagnosis, Channels.Phone, "resolved");
        Add(ComplaintTypeCodes.LeakDiagnosis, Channels.Proactive, "cancelled");
        Add(ComplaintTypeCodes.WaterQualityTest, Channels.Phone);
        Add(ComplaintTypeCodes.WaterQualityTest, Channels.Phone);
        Add(ComplaintTypeCodes.WaterQualityTest, Channels.Derived);
        Add(ComplaintTypeCodes.NameChange, Channels.Phone);
        Add(ComplaintTypeCodes.NameChange, Channels.Visit);
    }

    [Fact]
    public void Rates_are_truncated_as_in_the_plans_tables_and_absent_at_zero()
    {
        Assert.Equal(64.6m, Rate.Of(2903, 4488));
        Assert.Equal(47.9m, Rate.Of(7004, 14617));
        Assert.Null(Rate.Of(0, 0));
    }

    [Fact]
    public async Task The_api_gives_the_known_figures_of_the_month()
    {
        Arrange();
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", DemoData.ApiKey);
        var r = JsonDocument.Parse(await http.GetStringAsync("/api/v1/reports/performance?from=2026-10&to=2026-10")).RootElement;
        Assert.Equal("2026-10", r.GetProperty("from").GetString());
        Assert.Equal(9, r.GetProperty("total").GetInt32()); // the cancelled one never counts
        var diagnosis = r.GetProperty("byType").EnumerateArray().Single(t => t.GetProperty("typeCode").GetString() == "LEAK_DIAGNOSIS");
        Assert.Equal(4, diagnosis.GetProperty("total").GetInt32());
        Assert.Equal(1, diagnosis.GetProperty("citizenApplied").GetInt32());
        Assert.Equal(3, diagnosis.GetProperty("proactive").GetInt32());
        Assert.Equal(75.0m, diagnosis.GetProperty("proactiveRate").GetDecimal());
        var quality = r.GetProperty("byType").EnumerateArray().Single(t => t.GetProperty("typeCode").GetString() == "WATER_QUALITY_TEST");
        Assert.Equal(33.3m, quality.GetProperty("proactiveRate").GetDecimal());
        var reduction = r.GetProperty("byType").EnumerateArray().Single(t => t.GetProperty("typeCode").GetString() == "LEAK_FEE_REDUCTION");
        Assert.Equal(JsonValueKind.Null, reduction.GetProperty("proactiveRate").ValueKind);
        var four = r.GetProperty("fourTypes");
        Assert.Equal(7, four.GetProperty("total").GetInt32());
        Assert.Equal(4, four.GetProperty("proactive").GetInt32());
        Assert.Equal(57.1m, four.GetProperty("proactiveRate").GetDecimal());
        var derived = Assert.Single(r.GetProperty("derivedByType").EnumerateArray());
        Assert.Equal("WATER_QUALITY_TEST", derived.GetProperty("typeCode").GetString());
        Assert.Equal(1, derived.GetProperty("count").GetInt32());
        var compliance = r.GetProperty("deadlineCompliance");
        Assert.Equal(3, compliance.GetProperty("closed").GetInt32());
        Assert.Equal(2, compliance.GetProperty("closedOnTime").GetInt32());
        Assert.Equal(66.6m, compliance.GetProperty("rate").GetDecimal());

        var bad = await http.GetAsync("/api/v1/reports/performance?from=2026-10&to=2026-09");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_dashboard_shows_the_same_figures_as_the_api()
    {
        Arrange();
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var html = await chief.GetPageAsync("/Dashboard?from=2026-10&to=2026-10");
        Assert.Contains("id=\"four-rate\">57.1%", html);
        // The four's total is not a list of its own (each type's figure opens its complaints).
        Assert.Contains("<span>7</span> / 3 / 4 / 57.1%", html);
        // Drawn too, on the server (no script): the four types as citizen-applied and proactive parts with the same figures.
        var chart = System.Text.RegularExpressions.Regex.Match(html, "<svg id=\"four-types-chart\".*?</svg>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains(">7 · 57.1%</text>", chart);
        Assert.Contains("<svg id=\"surge-funnel-chart\"", html);
        Assert.Contains("data-trend=", html);
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/Dashboard")).StatusCode);
    }

    [Fact]
    public async Task Every_link_on_the_dashboard_opens_for_whoever_sees_it()
    {
        foreach (var email in new[] { "admin@arisu.local", "chief@arisu.local" })
        {
            var client = await TestClient.SignedInAsync(factory, email);
            var page = await client.GetPageAsync("/Dashboard");
            var links = System.Text.RegularExpressions.Regex.Matches(page, "href=\"(/(?:Complaints|Surges|Reductions|Visits|Evaluations|Reports)[^\"]*)\"")
                .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
            foreach (var link in links)
                Assert.True((await client.GetAsync(link)).StatusCode == HttpStatusCode.OK, $"{email}: {link}");
            // The administrator gets the drill-downs too (read-only: the complaints and the surge worklist).
            Assert.Contains(links, l => l.StartsWith("/Complaints", StringComparison.Ordinal));
            Assert.Contains(links, l => l.StartsWith("/Surges", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_four_type_table_names_the_months_each_column_counts()
    {
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var page = await chief.GetPageAsync("/Dashboard?from=2026-10&to=2026-11");
        var head = System.Text.RegularExpressions.Regex.Match(page, "id=\"four-types\">.*?</thead>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("2026-10~2026-11", head);
        Assert.Contains("전년 같은 기간 (2025-10~2025-11)", head);
        Assert.DoesNotContain("올해", head);
    }

    [Fact]
    public async Task Unasked_the_dashboard_shows_the_last_complete_month_and_a_running_month_is_marked_as_such()
    {
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        // Today is 2026-11-25: October is the last complete month.
        var page = System.Net.WebUtility.HtmlDecode(await chief.GetPageAsync("/Dashboard"));
        Assert.Contains("실적 현황 · 2026-10 ~ 2026-10", page);
        Assert.DoesNotContain("id=\"period-partial\"", page);
        // The trend runs to this month and names it as the one still running.
        Assert.Contains("\"partial\":23", page);
        Assert.Contains("\"labels\":[\"24.12\",", page);
        Assert.Contains("\"26.11\"],", page);

        var running = System.Net.WebUtility.HtmlDecode(await chief.GetPageAsync("/Dashboard?from=2026-11&to=2026-11"));
        Assert.Contains("id=\"period-partial\">진행 중인 달: 2026-11-25까지", running);
    }

    [Fact]
    public async Task An_administrator_sets_the_years_targets_and_the_dashboard_shows_each_beside_its_figure_and_whether_it_is_met()
    {
        Arrange();
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        // A value out of range is refused beside its field, with what was typed kept, and nothing is saved.
        var refused = await admin.PostFormAsync("/Admin/Targets?year=2026", new() { ["Year"] = "2026", ["Targets[proactive_rate]"] = "150",
            ["Targets[deadline_compliance]"] = "99.9", ["Targets[complaint_reduction]"] = "5" }, formPage: "/Admin/Targets?year=2026");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("id=\"target-proactive_rate-error\">목표는 0~100 사이의 숫자로, 소수 첫째 자리까지 입력하세요 (예: 60.5).</span>", form);
        Assert.Contains("value=\"150\"", form);
        Assert.Equal(0, factory.With(db => db.PerformanceTargets.Count()));

        var saved = await admin.PostFormAsync("/Admin/Targets?year=2026", new() { ["Year"] = "2026", ["Targets[proactive_rate]"] = "50",
            ["Targets[deadline_compliance]"] = "99.9", ["Targets[complaint_reduction]"] = "5" }, formPage: "/Admin/Targets?year=2026");
        Assert.Contains("id=\"targets-saved\"", await saved.Content.ReadAsStringAsync());

        // October: 57.1 % proactive against 50 (met), 66.6 % on time against 99.9 (missed), no October a year earlier to reduce from.
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var page = WebUtility.HtmlDecode(await chief.GetPageAsync("/Dashboard?from=2026-10&to=2026-10"));
        Assert.Contains("id=\"target-proactive\">목표 50.0% <span class=\"badge text-bg-success\">달성</span>", page);
        Assert.Contains("id=\"target-compliance\">목표 99.9% <span class=\"badge text-bg-danger\">미달</span>", page);
        Assert.Contains("id=\"target-reduction\">목표 5.0%</div>", page);
        // Another year has none of them.
        Assert.DoesNotContain("id=\"target-proactive\"", await chief.GetPageAsync("/Dashboard?from=2025-10&to=2025-10"));
    }

    [Fact]
    public async Task An_administrator_reads_the_complaints_behind_the_figures_and_changes_reveals_or_exports_nothing()
    {
        Arrange();
        var id = factory.With(db => db.Complaints.Where(c => c.Status == ComplaintStatuses.Received).OrderBy(c => c.Id).Select(c => c.Id).First());
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        Assert.Contains($"/Complaints/Detail/{id}\"", await admin.GetPageAsync("/Complaints?from=2026-10-01&to=2026-10-31"));
        var detail = await admin.GetPageAsync($"/Complaints/Detail/{id}");
        Assert.DoesNotContain("handler=Resolve", detail);
        Assert.DoesNotContain("handler=Reveal", detail);
        Assert.DoesNotContain("handler=Cancel", detail);
        var version = factory.With(db => db.Complaints.Single(c => c.Id == id).Version).ToString();
        foreach (var handler in new[] { "Resolve", "Cancel", "Reveal", "Assign" })
            Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostFormAsync($"/Complaints/Detail/{id}?handler={handler}",
                new() { ["Version"] = version, ["Text"] = "관리자" }, formPage: $"/Complaints/Detail/{id}")).StatusCode);
        Assert.Equal(ComplaintStatuses.Received, factory.With(db => db.Complaints.Single(c => c.Id == id).Status));
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/Complaints?handler=Export")).StatusCode);
        Assert.DoesNotContain("handler=Export", await admin.GetPageAsync("/Complaints"));
    }
}
