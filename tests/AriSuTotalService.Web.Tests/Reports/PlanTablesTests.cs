using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Reports;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Reports;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using C = AriSuTotalService.Domain.Complaints.ComplaintTypeCodes;

namespace AriSuTotalService.Web.Tests.Reports;

/// <summary>
/// The office's history imported exactly as the plan's tables give it (2014–2016: the opening series, the four types'
/// proactive tables of 2015 and 2016, the 2016 type table, its derived complaints), then read back as a section chief
/// and headquarters read it: the year-end report, the dashboard and the API give the plan's own numbers.
/// </summary>
public class PlanTablesTests(PlanTablesTests.Factory factory) : IClassFixture<PlanTablesTests.Factory>
{
    /// <summary>The office with the plan's three years imported once for the class (and a second office beside it).</summary>
    public sealed class Factory : TwoOfficeFactory
    {
        private readonly Lazy<Task> _imported;

        public Factory() => _imported = new(ImportAsync);

        public Task Imported => _imported.Value;

        /// <summary>(type, channel, count) of a year; derived rows are the plan's 추가 파생 민원.</summary>
        private static IEnumerable<(string Type, string Channel, int Count)> Year2016() =>
        [
            (C.NameChange, Channels.Phone, 20_666 - 72), (C.NameChange, Channels.Derived, 72),
            (C.AutoPayment, Channels.Phone, 24_108), (C.LeakFeeReduction, Channels.Phone, 2_929), (C.LeakFeeReduction, Channels.Proactive, 3_552),
            (C.EBilling, Channels.Web, 1_898), (C.SupplyTermination, Channels.Visit, 3_385),
            (C.BillingOther, Channels.Phone, 7_603 - 198), (C.BillingOther, Channels.Derived, 198),
            // The four-type table's 4,488 diagnoses (the type table prints 4,486; the four types and indoor entries add up with 4,488).
            (C.LeakDiagnosis, Channels.Phone, 1_585), (C.LeakDiagnosis, Channels.Proactive, 2_903),
            (C.OutdoorLeak, Channels.Phone, 1_447), (C.SupplyInconvenience, Channels.Phone, 2_489), (C.SupplyInconvenience, Channels.Proactive, 505),
            (C.MeterReplacement, Channels.Phone, 1_383 - 12), (C.MeterReplacement, Channels.Derived, 12),
            (C.WaterQualityTest, Channels.Phone, 610), (C.WaterQualityTest, Channels.Proactive, 44), (C.SupplyWorks, Channels.Visit, 2_125),
            (C.IndoorPiping, Channels.Phone, 3_703 - 790), (C.IndoorPiping, Channels.Derived, 790), (C.WorksOther, Channels.Phone, 83),
        ];

        private static IEnumerable<(string Type, string Channel, int Count)> Year2015() =>
        [
            (C.LeakDiagnosis, Channels.Phone, 1_417), (C.LeakDiagnosis, Channels.Proactive, 5_050),
            (C.SupplyInconvenience, Channels.Phone, 2_002), (C.SupplyInconvenience, Channels.Proactive, 759),
            (C.LeakFeeReduction, Channels.Phone, 1_547), (C.LeakFeeReduction, Channels.Proactive, 5_123),
            (C.WaterQualityTest, Channels.Phone, 477), (C.WaterQualityTest, Channels.Proactive, 336),
            (C.NameChange, Channels.Phone, 75_387 - 16_711),
        ];

        private static IEnumerable<(string Type, string Channel, int Count)> Year2014() =>
        [
            (C.LeakDiagnosis, Channels.Phone, 5_000), (C.SupplyInconvenience, Channels.Phone, 2_500), (C.LeakFeeReduction, Channels.Phone, 5_000),
            (C.WaterQualityTest, Channels.Phone, 724), (C.NameChange, Channels.Phone, 62_249 - 13_224),
        ];

        private async Task ImportAsync()
        {
            var csv = new StringBuilder("reception_number,received_at,type_code,channel,account_number,status,closed_at,division\n");
            foreach (var (year, rows) in new[] { (2014, Year2014()), (2015, Year2015()), (2016, Year2016()) })
            {
                var n = 0;
                foreach (var (type, channel, count) in rows)
                {
                    for (var i = 0; i < count; i++)
                    {
                        n++;
                        var day = new DateOnly(year, 1 + n % 12, 1 + n % 28);
                        csv.Append($"{year}-남부-{n:D6},{day:yyyy-MM-dd}T10:00:00,{type},{channel},,resolved,{day.AddDays(1):yyyy-MM-dd}T10:00:00,현장민원과\n");
                    }
                }
            }
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ArisuDbContext>();
            db.ActFor(await db.Offices.Where(o => o.ShortName == "남부").Select(o => o.Id).SingleAsync());
            var import = scope.ServiceProvider.GetRequiredService<AriSuTotalService.Infrastructure.Import.ComplaintHistoryImport>();
            await AriSuTotalService.Infrastructure.Import.CsvImportExtensions.RunAsync(import, db.Office, Encoding.UTF8.GetBytes(csv.ToString()));
        }
    }

    private async Task<ReportContent> YearEndAsync(int year)
    {
        await factory.Imported;
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArisuDbContext>();
        var office = await db.Offices.Where(o => o.ShortName == "남부").Select(o => o.Id).SingleAsync();
        db.ActFor(office);
        var snapshot = await scope.ServiceProvider.GetRequiredService<MonthlyReportJob>().CreateAsync(office, ReportSnapshot.Yearly, new DateOnly(year, 1, 1), "test", default);
        return ReportContent.FromJson(snapshot.Content);
    }

    private static TypeFigures Column(ReportContent r, string code) => r.Columns.Single(c => c.TypeCode == code);

    [Fact]
    public async Task The_four_types_of_2015_and_2016_are_the_plans_tables_rates_truncated()
    {
        var y2016 = await YearEndAsync(2016);
        Assert.Equal((4_488, 1_585, 2_903, 64.6m), (Column(y2016, C.LeakDiagnosis).Total, Column(y2016, C.LeakDiagnosis).CitizenApplied, Column(y2016, C.LeakDiagnosis).Proactive, Column(y2016, C.LeakDiagnosis).ProactiveRate!.Value));
        Assert.Equal(16.8m, Column(y2016, C.SupplyInconvenience).ProactiveRate);
        Assert.Equal(54.8m, Column(y2016, C.LeakFeeReduction).ProactiveRate);
        Assert.Equal(6.7m, Column(y2016, C.WaterQualityTest).ProactiveRate);
        Assert.Equal((14_617, 7_613, 7_004, 47.9m), (y2016.FourTypes.Total, y2016.FourTypes.CitizenApplied, y2016.FourTypes.Proactive, y2016.FourTypes.ProactiveRate!.Value));

        var y2015 = await YearEndAsync(2015);
        // 5,050 ÷ 6,467 = 78.09…: the plan prints 78.0.
        Assert.Equal(78.0m, Column(y2015, C.LeakDiagnosis).ProactiveRate);
        Assert.Equal(27.4m, Column(y2015, C.SupplyInconvenience).ProactiveRate);
        Assert.Equal(76.8m, Column(y2015, C.LeakFeeReduction).ProactiveRate);
        Assert.Equal(41.3m, Column(y2015, C.WaterQualityTest).ProactiveRate);
        Assert.Equal((16_711, 11_268, 67.4m), (y2015.FourTypes.Total, y2015.FourTypes.Proactive, y2015.FourTypes.ProactiveRate!.Value));
    }

    [Fact]
    public async Task The_2016_fields_shares_are_rounded_indoor_entries_and_derived_complaints_counted_as_the_plan_counts_them()
    {
        var r = await YearEndAsync(2016);
        var billing = r.Fields.Single(f => f.Field == ComplaintFields.Billing);
        var works = r.Fields.Single(f => f.Field == ComplaintFields.Works);
        // 64,141 ÷ 81,018 = 79.17 → 79.2 (rounded, as the plan prints its shares); 20.83 → 20.8.
        Assert.Equal((64_141, 79.2m), (billing.Total, billing.Share!.Value));
        Assert.Equal(20.8m, works.Share);
        // 8,926 = 4,488 + 2,994 + 654 + 790: of indoor piping's 3,703 only the 790 advised on site.
        Assert.Equal(8_926, r.IndoorEntriesTotal);
        Assert.Equal(790, r.IndoorEntries!.Single(e => e.TypeCode == PlanTable.IndoorAdviceColumn).Complaints);
        // 1,072 = 72 + 790 + 12 + 198.
        Assert.Equal(1_072, r.DerivedTotal);
    }

    [Fact]
    public async Task The_reduction_is_of_all_complaints_and_of_supply_inconvenience_the_one_headquarters_scores()
    {
        var r = await YearEndAsync(2016);
        // (75,387 − 81,018) ÷ 75,387 = −7.47 → −7.4; supply inconvenience (2,761 − 2,994) ÷ 2,761 = −8.43 → −8.4.
        Assert.Equal((75_387, -7.4m), (r.PreviousYearTotal!.Value, r.ReductionFromPreviousYear!.Value));
        Assert.Equal((2_761, 2_994, -8.4m), (r.PreviousYearSupplyInconvenience!.Value, r.SupplyInconvenienceTotal, r.ScoredReduction!.Value));
        // The year-end report carries the plan's opening series.
        Assert.Equal([(2014, 62_249, 13_224), (2015, 75_387, 16_711), (2016, 81_018, 14_617)], r.Years.Select(y => (y.Year, y.Total, y.FourTypes)));
    }

    [Fact]
    public async Task The_api_and_the_dashboard_give_the_same_figures_as_the_report()
    {
        await factory.Imported;
        var api = await TestClient.Keyed(factory).GetFromJsonAsync<JsonElement>("/api/v1/reports/performance?from=2016-01&to=2016-12");
        Assert.Equal(81_018, api.GetProperty("total").GetInt32());
        var fields = api.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("field").GetString()!, f => f.GetProperty("share").GetDecimal());
        Assert.Equal((79.2m, 20.8m), (fields["billing"], fields["works"]));
        Assert.Equal(8_926, api.GetProperty("indoorEntries").GetProperty("total").GetInt32());
        Assert.Equal(1_072, api.GetProperty("derivedTotal").GetInt32());
        var reduction = api.GetProperty("reduction");
        Assert.Equal((75_387, -7.4m), (reduction.GetProperty("previousYearTotal").GetInt32(), reduction.GetProperty("rate").GetDecimal()));
        Assert.Equal(-8.4m, reduction.GetProperty("supplyInconvenience").GetProperty("rate").GetDecimal());
        Assert.Equal(47.9m, api.GetProperty("fourTypes").GetProperty("proactiveRate").GetDecimal());

        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var dashboard = WebUtility.HtmlDecode(await chief.GetPageAsync("/Dashboard?from=2016-01&to=2016-12"));
        Assert.Contains("id=\"total-current\">81,018</a>", dashboard);
        Assert.Matches("(?s)data-field-subtotal=\"billing\">.*?64,141 \\(79\\.2%\\)", dashboard);
        Assert.Contains("실내 출입(계획의 집계) 8,926건", dashboard);
        Assert.Contains("id=\"reduction-scored\">-8.4%</span>", dashboard);
        Assert.Matches("id=\"derived-total\"><a [^>]*>1,072</a>", dashboard);
    }

    [Fact]
    public async Task A_figure_opens_a_list_of_exactly_what_it_counted_with_cancelled_complaints_present()
    {
        await factory.Imported;
        // A cancelled complaint of December 2016 and a paused overdue one: neither changes what the figures count.
        var cancelled = factory.With(db =>
        {
            var c = db.Complaints.First(x => x.ReceptionNumber == "2016-남부-000012");
            db.Database.ExecuteSql($"UPDATE \"Complaints\" SET \"Status\" = 'cancelled' WHERE \"Id\" = {c.Id}");
            return c.Id;
        });
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var dashboard = WebUtility.HtmlDecode(await chief.GetPageAsync("/Dashboard?from=2016-12&to=2016-12"));
        var total = System.Text.RegularExpressions.Regex.Match(dashboard, "id=\"total-current\" href=\"([^\"]+)\"|href=\"([^\"]+)\" id=\"total-current\">([0-9,]+)</a>");
        Assert.True(total.Success, "the total is a link");
        var link = WebUtility.HtmlDecode(total.Groups[2].Value);
        var count = int.Parse(total.Groups[3].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        var list = WebUtility.HtmlDecode(await chief.GetPageAsync(link));
        Assert.Contains($"id=\"list-total\">{count:N0}건</p>", list);
        Assert.Contains("counted=true", link);
        _ = cancelled;
    }
}
