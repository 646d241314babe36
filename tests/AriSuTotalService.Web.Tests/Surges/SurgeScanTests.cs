using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AriSuTotalService.Domain.Surges;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Infrastructure.Surges;
using Microsoft.Extensions.DependencyInjection;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Surges;

/// <summary>The scan through the API, on the app with its job server running.</summary>
public class SurgeScanTests(SurgeScanTests.Factory factory) : IClassFixture<SurgeScanTests.Factory>
{
    public sealed class Factory : ArisuFactory
    {
        protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
        {
            ["Jobs:Server"] = "true",
            ["Demo:Customers"] = "600",
        };
    }

    private HttpClient Api()
    {
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", DemoData.ApiKey);
        return http;
    }

    private async Task<JsonElement> ScanAsync(string period)
    {
        var started = await Api().PostAsync($"/api/v1/surge-scans?period={period}", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var body = await started.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("queued", body.GetProperty("state").GetString());
        var location = started.Headers.Location!.OriginalString;
        Assert.Equal($"/api/v1/surge-scans/{body.GetProperty("id").GetInt64()}", location);
        for (var i = 0; i < 300; i++)
        {
            var run = await Api().GetFromJsonAsync<JsonElement>(location);
            var state = run.GetProperty("state").GetString();
            if (state is "completed" or "failed") return run;
            await Task.Delay(100);
        }
        throw new TimeoutException("scan did not finish");
    }

    [Fact]
    public async Task The_scan_finds_exactly_what_the_rule_says_and_a_rerun_adds_nothing()
    {
        var run = await ScanAsync("2026-10");
        Assert.Equal("completed", run.GetProperty("state").GetString());
        Assert.Equal("2026-10", run.GetProperty("period").GetString());
        Assert.EndsWith("+09:00", run.GetProperty("finishedAt").GetString());
        // Progress: every meter of the office judged.
        var meters = factory.With(db => db.Customers.Count());
        Assert.Equal(meters, run.GetProperty("toJudge").GetInt32());
        Assert.Equal(meters, run.GetProperty("judged").GetInt32());

        // The same judgement made in C# with the rule class over the same readings.
        var expected = factory.With(db =>
        {
            var from = new DateOnly(2026, 10, 1);
            var to = new DateOnly(2026, 11, 1);
            var readings = db.MeterReadings.AsNoTracking().Where(r => r.PeriodEnd < to).ToList().GroupBy(r => r.CustomerId);
            var verdicts = new List<(long Customer, SurgeVerdict Verdict)>();
            foreach (var meter in readings)
            {
                var ordered = meter.OrderByDescending(r => r.PeriodEnd).ToList();
                if (ordered[0].PeriodEnd < from) continue;
                var cur = new Period(ordered[0].ReadingM3, ordered[0].UsageM3, ordered[0].Days);
                Period? prev = ordered.Count > 1 ? new Period(ordered[1].ReadingM3, ordered[1].UsageM3, ordered[1].Days) : null;
                verdicts.Add((meter.Key, SurgeRule.Judge(prev, cur, SurgeThresholds.Default)));
            }
            return verdicts;
        });
        Assert.Equal(expected.Count(v => v.Verdict.Kind != SurgeKind.Skipped), run.GetProperty("compared").GetInt32());
        Assert.Equal(expected.Count(v => v.Verdict.OnDiagnosisList), run.GetProperty("surges").GetInt32());
        Assert.Equal(expected.Count(v => v.Verdict.OnNoticeList), run.GetProperty("notices").GetInt32());
        Assert.Equal(expected.Count(v => v.Verdict.Kind == SurgeKind.NewUse), run.GetProperty("newUse").GetInt32());
        Assert.Equal(expected.Count(v => v.Verdict.Kind == SurgeKind.Anomaly), run.GetProperty("anomalies").GetInt32());
        Assert.Equal(expected.Count(v => v.Verdict.Kind == SurgeKind.Skipped), run.GetProperty("skipped").GetInt32());
        Assert.True(run.GetProperty("surges").GetInt32() > 0, "the demo data has surges");

        var cases = await Api().GetFromJsonAsync<JsonElement>("/api/v1/surge-cases?period=2026-10");
        var flagged = expected.Where(v => v.Verdict.Kind is SurgeKind.Surge or SurgeKind.NewUse or SurgeKind.Anomaly).ToList();
        Assert.Equal(flagged.Count, cases.GetArrayLength());
        var byAccount = factory.With(db => db.Customers.AsNoTracking().ToDictionary(c => c.Id, c => c.AccountNumber));
        foreach (var (customer, verdict) in flagged)
        {
            var c = cases.EnumerateArray().Single(x => x.GetProperty("accountNumber").GetString() == byAccount[customer]);
            Assert.Equal(verdict.OnDiagnosisList, c.GetProperty("onDiagnosisList").GetBoolean());
            Assert.Equal(verdict.OnNoticeList, c.GetProperty("onNoticeList").GetBoolean());
            if (verdict.IncreasePercent is { } inc) Assert.Equal(inc, c.GetProperty("increasePercent").GetDecimal());
            else Assert.Equal(JsonValueKind.Null, c.GetProperty("increasePercent").ValueKind);
            Assert.Equal("open", c.GetProperty("status").GetString());
        }

        var rerun = await ScanAsync("2026-10");
        Assert.Equal("completed", rerun.GetProperty("state").GetString());
        Assert.Equal(flagged.Count, factory.With(db => db.SurgeCases.Count(c => c.Period == new DateOnly(2026, 10, 1))));
    }

    [Fact]
    public async Task A_worked_case_survives_a_rerun_and_a_new_reading_is_added_by_it()
    {
        await ScanAsync("2026-09");
        var worked = factory.With(db =>
        {
            var c = db.SurgeCases.First(x => x.Period == new DateOnly(2026, 9, 1) && x.OnDiagnosisList);
            c.RecordUnreachable("부재", DateTime.UtcNow);
            db.SaveChanges();
            return c.Id;
        });
        // A new meter, whose readings with a sharp rise arrive late for September.
        const string account = "21-9990001";
        var customers = new ByteArrayContent(Encoding.UTF8.GetBytes("account_number,holder_name,phone,address,district,use_type,meter_size_mm\n" +
            $"{account},신규수,010-2020-3030,서울특별시 관악구 관악로 9,관악구,가정용,15\n"));
        customers.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        Assert.Equal(HttpStatusCode.OK, (await Api().PostAsync("/api/v1/customers/import", customers)).StatusCode);
        var customerId = factory.With(db => db.Customers.Single(c => c.AccountNumber == account).Id);
        var csv = "account_number,period_start,period_end,reading_m3,usage_m3\n" +
                  $"{account},2026-08-01,2026-08-31,90000,30\n{account},2026-08-31,2026-09-30,90090,90\n";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        Assert.Equal(HttpStatusCode.OK, (await Api().PostAsync("/api/v1/meter-readings/import", content)).StatusCode);

        var rerun = await ScanAsync("2026-09");
        Assert.Equal("completed", rerun.GetProperty("state").GetString());
        factory.With(db =>
        {
            var c = db.SurgeCases.AsNoTracking().Single(x => x.Id == worked);
            Assert.Equal(SurgeCaseStatuses.Unreachable, c.Status);
            Assert.Equal(1, c.ContactAttempts);
            var added = db.SurgeCases.AsNoTracking().Single(x => x.CustomerId == customerId && x.Period == new DateOnly(2026, 9, 1));
            Assert.True(added.OnDiagnosisList);
            Assert.Equal(2000, added.IncreaseTenths); // 30 m³ in 30 days → 90 m³ in 30 days: +200.0%
            return 0;
        });
    }

    [Fact]
    public async Task A_scan_in_slices_reports_meters_judged_of_meters_to_judge_and_judges_exactly_as_in_one_statement()
    {
        var reports = new List<ScanProgress>();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AriSuTotalService.Infrastructure.Data.ArisuDbContext>();
        var office = db.Offices.Single().Id;
        db.ActFor(office);
        var before = db.SurgeCases.Count(c => c.Period == new DateOnly(2025, 9, 1));
        var sliced = await SurgeScan.RunAsync(db, office, new DateOnly(2025, 9, 1), SurgeThresholds.Default, DateTime.UtcNow, default,
            new Recorder(reports), sliceMeters: 70);
        var added = db.SurgeCases.Count(c => c.Period == new DateOnly(2025, 9, 1)) - before;
        var whole = await SurgeScan.RunAsync(db, office, new DateOnly(2025, 9, 1), SurgeThresholds.Default, DateTime.UtcNow);
        var meters = factory.With(db => db.Customers.Count());
        Assert.Equal(new ScanProgress(0, meters), reports[0]);
        Assert.Equal(new ScanProgress(meters, meters), reports[^1]);
        Assert.Equal(meters / 70 + 2, reports.Count); // the start, then one report per slice
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.Second.Judged > p.First.Judged));
        // The slices add up to the one-statement judgement; the second run adds nothing new.
        Assert.Equal(whole with { CasesAdded = sliced.CasesAdded }, sliced);
        Assert.True(sliced.Compared > 0 && sliced.CasesAdded > 0);
        Assert.Equal(added, sliced.CasesAdded);
        Assert.Equal(0, whole.CasesAdded);
    }

    private sealed class Recorder(List<ScanProgress> reports) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => reports.Add(value);
    }

    [Fact]
    public async Task A_bad_period_is_refused_with_400()
    {
        var response = await Api().PostAsync("/api/v1/surge-scans?period=2026-13", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api().GetAsync("/api/v1/surge-scans/999999")).StatusCode);
    }
}
