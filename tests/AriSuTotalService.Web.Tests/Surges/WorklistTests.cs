using AriSuTotalService.Domain.Privacy;
using System.Net;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Surges;
using AriSuTotalService.Infrastructure.Privacy;
using AriSuTotalService.Infrastructure.Surges;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace AriSuTotalService.Web.Tests.Surges;

public class WorklistTests(WorklistTests.Factory factory) : IClassFixture<WorklistTests.Factory>
{
    /// <summary>Enough meters for a month to have several surges.</summary>
    public sealed class Factory : ArisuFactory
    {
        protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?> { ["Demo:Customers"] = "600" };
    }

    private static readonly DateOnly October = new(2026, 10, 1);

    private void EnsureScanned() => factory.With(db =>
    {
        if (!db.SurgeCases.Any(c => c.Period == October))
            SurgeScan.RunAsync(db, db.Offices.Single().Id, October, SurgeThresholds.Default, DateTime.UtcNow).GetAwaiter().GetResult();
        return 0;
    });

    private SurgeCase OpenCase(int skip) => factory.With(db =>
        db.SurgeCases.AsNoTracking().Where(c => c.Period == October && c.OnDiagnosisList && c.Status == SurgeCaseStatuses.Open)
            .OrderBy(c => c.Id).Skip(skip).First());

    [Fact]
    public async Task Field_staff_see_the_worklist_masked_and_an_unexplained_rise_opens_a_proactive_diagnosis()
    {
        EnsureScanned();
        var c = OpenCase(0);
        var customer = factory.With(db => db.Customers.AsNoTracking().Single(x => x.Id == c.CustomerId));
        var field = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        var list = await field.GetPageAsync("/Surges?period=2026-10");
        Assert.Contains(customer.AccountNumber, list);
        Assert.DoesNotContain(customer.HolderName, list);

        var page = await field.GetPageAsync($"/Surges/Case/{c.Id}");
        Assert.Contains("<svg", page);
        var response = await field.PostFormAsync($"/Surges/Case/{c.Id}?handler=Unexplained", new()
        {
            ["Version"] = c.Version.ToString(), ["PreferredDate"] = "2026-11-27", ["PreferredWindow"] = "13-15", ["Note"] = "누수 의심",
        }, formPage: $"/Surges/Case/{c.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Complaints/Detail/", response.Headers.Location!.OriginalString);
        factory.With(db =>
        {
            var worked = db.SurgeCases.AsNoTracking().Single(x => x.Id == c.Id);
            Assert.Equal(SurgeCaseStatuses.Unexplained, worked.Status);
            var diagnosis = db.Complaints.AsNoTracking().Include(x => x.Type).Single(x => x.Id == worked.DiagnosisComplaintId);
            Assert.Equal(ComplaintTypeCodes.LeakDiagnosis, diagnosis.Type!.Code);
            Assert.Equal(Channels.Proactive, diagnosis.Channel);
            Assert.Equal(c.CustomerId, diagnosis.CustomerId);
            Assert.Equal(new DateOnly(2026, 11, 27), diagnosis.PreferredVisitDate);
            Assert.Equal("13-15", diagnosis.PreferredVisitWindow);
            return 0;
        });
    }

    [Fact]
    public async Task Three_unanswered_calls_flag_the_case_for_a_letter_and_an_explained_rise_closes_it()
    {
        EnsureScanned();
        var c = OpenCase(1);
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var url = $"/Surges/Case/{c.Id}";
        for (var i = 0; i < 3; i++)
        {
            var version = factory.With(db => db.SurgeCases.AsNoTracking().Single(x => x.Id == c.Id).Version);
            Assert.Equal(HttpStatusCode.Redirect, (await chief.PostFormAsync(url + "?handler=Unreachable", new() { ["Version"] = version.ToString() }, formPage: url)).StatusCode);
        }
        var flagged = factory.With(db => db.SurgeCases.AsNoTracking().Single(x => x.Id == c.Id));
        Assert.True(flagged.NeedsLetter);
        Assert.Equal(3, flagged.ContactAttempts);

        var explained = await chief.PostFormAsync(url + "?handler=Explained", new() { ["Version"] = flagged.Version.ToString(), ["Reason"] = "guests", ["Note"] = "명절 손님" }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, explained.StatusCode);
        Assert.Equal(SurgeCaseStatuses.Explained, factory.With(db => db.SurgeCases.AsNoTracking().Single(x => x.Id == c.Id).Status));

        // A stale form on a closed case changes nothing and says why.
        var stale = await chief.PostFormAsync(url + "?handler=Unreachable", new() { ["Version"] = flagged.Version.ToString() }, formPage: url);
        Assert.Contains("다른 직원이 먼저 이 건을 처리했습니다", await stale.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_billing_clerk_downloads_the_notice_list_as_xlsx_with_full_names_and_the_download_is_recorded()
    {
        EnsureScanned();
        var billing = await TestClient.SignedInAsync(factory, "billing@arisu.local");
        var page = await billing.GetPageAsync("/Surges/Notices?period=2026-10");
        var notices = factory.With(db => db.SurgeCases.Count(x => x.Period == October && x.OnNoticeList));
        Assert.Contains($"{notices}건", page);

        var response = await billing.GetAsync("/Surges/Notices?handler=Xlsx&period=2026-10");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(notices, rows.Count);
        var names = factory.With(db => db.Customers.Select(x => x.HolderName).ToHashSet());
        Assert.All(rows, r => Assert.Contains((string)r["성명"], names));
        Assert.True(factory.With(db => db.PersonalDataAccesses.Any(a => a.SubjectKind == "surge_notices" && a.Action == PersonalDataActions.Download)));

        var field = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await field.GetAsync("/Surges/Notices")).StatusCode);
    }

    [Fact]
    public async Task The_readings_page_refuses_a_file_with_a_bad_line_in_the_middle_and_stores_nothing()
    {
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var account = factory.With(db => db.Customers.OrderBy(c => c.Id).Select(c => c.AccountNumber).First());
        var before = factory.With(db => db.MeterReadings.Count());
        var page = await chief.GetPageAsync("/Surges/Readings");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var csv = "account_number,period_start,period_end,reading_m3,usage_m3\n" +
                  $"{account},2026-11-01,2026-11-20,99000,10\n{account},2026-11-20,2026-11-10,99010,10\n{account},2026-11-21,2026-11-25,99020,-3\n";
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "readings.csv" },
        };
        var html = await (await chief.Http.PostAsync("/Surges/Readings", form)).Content.ReadAsStringAsync();
        Assert.Contains("<td>3</td><td>period_end</td>", html);
        Assert.Contains("<td>4</td><td>usage_m3</td>", html);
        Assert.Equal(before, factory.With(db => db.MeterReadings.Count()));
    }

    [Fact]
    public async Task Exported_names_and_addresses_that_look_like_formulas_stay_text_and_numbers_stay_numbers()
    {
        EnsureScanned();
        var c = factory.With(db => db.SurgeCases.AsNoTracking().Where(x => x.Period == October && x.OnNoticeList).OrderByDescending(x => x.Id).First());
        var original = factory.With(db => db.Customers.AsNoTracking().Where(x => x.Id == c.CustomerId).Select(x => new { x.HolderName, x.Address }).Single());
        const string name = "=HYPERLINK(\"http://evil.example\",\"x\")";
        const string address = "@SUM(A1) 관악구";
        factory.With(db => db.Customers.Where(x => x.Id == c.CustomerId)
            .ExecuteUpdate(s => s.SetProperty(x => x.HolderName, name).SetProperty(x => x.Address, address)));
        try
        {
            var billing = await TestClient.SignedInAsync(factory, "billing@arisu.local");
            var csv = await (await billing.GetAsync("/Surges/Notices?handler=Csv&period=2026-10")).Content.ReadAsStringAsync();
            var line = csv.Split('\n').Single(l => l.Contains("evil.example", StringComparison.Ordinal));
            Assert.Contains("\"'=HYPERLINK(", line);
            Assert.Contains(",'@SUM(A1) 관악구,", line);
            Assert.Contains($",{c.CurrentUsageM3},", line);

            var xlsx = await (await billing.GetAsync("/Surges/Notices?handler=Xlsx&period=2026-10")).Content.ReadAsByteArrayAsync();
            var row = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object?>>()
                .Single(r => r["성명"]?.ToString()?.Contains("evil.example", StringComparison.Ordinal) == true);
            Assert.Equal("'" + name, row["성명"]);
            Assert.Equal("'" + address, row["주소"]);
            Assert.Equal((double)c.CurrentUsageM3, Convert.ToDouble(row["이번 사용량(m³)"], System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            factory.With(db => db.Customers.Where(x => x.Id == c.CustomerId)
                .ExecuteUpdate(s => s.SetProperty(x => x.HolderName, original.HolderName).SetProperty(x => x.Address, original.Address)));
        }
    }

    [Fact]
    public async Task An_administrator_reads_the_worklist_from_the_dashboard_without_the_cases_it_may_not_open()
    {
        EnsureScanned();
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        Assert.Contains("/Surges/Case/", await chief.GetPageAsync("/Surges?period=2026-10&list=all"));
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var worklist = await admin.GetPageAsync("/Surges?period=2026-10&list=all");
        var account = factory.With(db => db.Customers.Single(c => c.Id == db.SurgeCases.Where(x => x.Period == October).OrderBy(x => x.Id).First().CustomerId).AccountNumber);
        Assert.Contains(account, worklist);
        Assert.DoesNotContain("/Surges/Case/", worklist);
        var id = factory.With(db => db.SurgeCases.Where(x => x.Period == October).OrderBy(x => x.Id).First().Id);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await admin.GetAsync($"/Surges/Case/{id}")).StatusCode);
    }
}
