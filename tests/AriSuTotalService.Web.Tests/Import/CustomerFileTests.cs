using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Import;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AriSuTotalService.Web.Tests.Import;

/// <summary>Customer files as the billing system really exports them: its record is kept as written, with warnings.</summary>
public class CustomerFileTests(TwoOfficeFactory factory) : IClassFixture<TwoOfficeFactory>
{
    private const string Header = "account_number,holder_name,phone,address,district,use_type,meter_size_mm";

    private static HttpContent Csv(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    private static List<(int Line, string Column)> Problems(JsonElement body, string name) =>
        body.GetProperty(name).EnumerateArray().Select(w => (w.GetProperty("line").GetInt32(), w.GetProperty("column").GetString()!)).ToList();

    [Fact]
    public async Task A_number_the_numbering_plan_does_not_know_is_kept_as_written_with_a_warning_and_shown_as_not_textable()
    {
        _ = factory.B;
        var csv = $"{Header}\n55-1000001,번호모름,010-5970-3970,서울특별시 관악구 관악로 55,관악구,가정용,15\n"
                  + "55-1000002,번호없음,,서울특별시 관악구 관악로 56,관악구,가정용,15\n"
                  + "55-1000003,번호있음,010-2345-5503,서울특별시 관악구 관악로 57,관악구,가정용,15\n";
        var response = await TestClient.Keyed(factory).PostAsync("/api/v1/customers/import", Csv(csv));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, body.GetProperty("imported").GetInt32());
        Assert.Equal([(2, "phone"), (3, "phone")], Problems(body, "warnings"));
        var customer = factory.With(db => db.Customers.AsNoTracking().Single(c => c.AccountNumber == "55-1000001"));
        Assert.Equal("010-5970-3970", customer.Phone);
        Assert.Equal("", factory.With(db => db.Customers.AsNoTracking().Single(c => c.AccountNumber == "55-1000002").Phone));

        // The clerk sees at intake that no text can reach the customer's number.
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var intake = WebUtility.HtmlDecode(await clerk.Http.GetStringAsync($"/Intake?customerId={customer.Id}"));
        Assert.Contains("id=\"customer-no-text\"", intake);
        Assert.Contains("번호 체계에 없는 번호라 문자를 보낼 수 없습니다", intake);
        var other = factory.With(db => db.Customers.AsNoTracking().Single(c => c.AccountNumber == "55-1000003").Id);
        Assert.DoesNotContain("customer-no-text", await clerk.Http.GetStringAsync($"/Intake?customerId={other}"));

        // A booked visit's notice to that number stays in the history as not sent; the field worker's card says so.
        var complaint = await TestData.ComplaintAsync(factory, ComplaintTypeCodes.LeakDiagnosis, customer.Id);
        await VisitSteps.BookExistingAsync(factory, clerk, complaint.Id);
        var notice = factory.With(db => db.OutboxMessages.AsNoTracking().Single(m => m.ComplaintId == complaint.Id));
        Assert.NotNull(notice.SkippedAtUtc);
        Assert.Null(notice.SentAtUtc);
        var field = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        var visits = await field.Http.GetStringAsync("/Visits/Mine");
        Assert.Contains("data-no-text", visits);
    }

    [Fact]
    public async Task Warnings_are_answered_by_an_asynchronous_import_too()
    {
        var csv = $"{Header}\n55-2000001,번호모름,010-5970-3971,서울특별시 관악구 관악로 58,관악구,가정용,15\n";
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers/import") { Content = Csv(csv) };
        request.Headers.Add("Prefer", "respond-async");
        var api = TestClient.Keyed(factory);
        var accepted = await api.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        JsonElement run;
        var tries = 0;
        do
        {
            await Task.Delay(50);
            run = await api.GetFromJsonAsync<JsonElement>(accepted.Headers.Location!);
        } while (run.GetProperty("state").GetString() is "queued" or "running" && ++tries < 400);
        Assert.Equal("completed", run.GetProperty("state").GetString());
        Assert.Equal([(2, "phone")], Problems(run, "warnings"));
        Assert.Equal(1, run.GetProperty("warningCount").GetInt32());
    }

    [Fact]
    public async Task The_optional_columns_are_kept_an_old_postal_code_is_a_warning_and_a_meter_installed_tomorrow_refuses_the_file()
    {
        var header = Header + ",postal_code,address_detail,meter_installed_on";
        var csv = $"{header}\n55-3000001,우편,010-2345-5511,서울특별시 관악구 관악로 59,관악구,가정용,15,08826,101동 1001호,2016-03-02\n"
                  + "55-3000002,옛우편,010-2345-5512,서울특별시 관악구 관악로 60,관악구,가정용,15,151-801,,\n";
        var response = await TestClient.Keyed(factory).PostAsync("/api/v1/customers/import", Csv(csv));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([(3, "postal_code")], Problems(await response.Content.ReadFromJsonAsync<JsonElement>(), "warnings"));
        var kept = factory.With(db => db.Customers.AsNoTracking().Single(c => c.AccountNumber == "55-3000001"));
        Assert.Equal(("08826", "101동 1001호", new DateOnly(2016, 3, 2)), (kept.PostalCode, kept.AddressDetail, kept.MeterInstalledOn!.Value));
        Assert.Equal("151-801", factory.With(db => db.Customers.AsNoTracking().Single(c => c.AccountNumber == "55-3000002").PostalCode));

        var tomorrow = DateOnly.FromDateTime(ArisuFactory.Now.AddHours(9).AddDays(1).DateTime).ToString("yyyy-MM-dd");
        var refused = await TestClient.Keyed(factory).PostAsync("/api/v1/customers/import",
            Csv($"{header}\n55-3000003,미래,010-2345-5513,서울특별시 관악구 관악로 61,관악구,가정용,15,08826,,{tomorrow}\n"
                + "55-3000004,우편틀림,010-2345-5514,서울특별시 관악구 관악로 62,관악구,가정용,15,88,,\n"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal([(2, "meter_installed_on"), (3, "postal_code")], Problems(await refused.Content.ReadFromJsonAsync<JsonElement>(), "errors"));
        Assert.False(factory.With(db => db.Customers.Any(c => c.AccountNumber == "55-3000003" || c.AccountNumber == "55-3000004")));
    }

    [Fact]
    public async Task A_re_import_of_an_unchanged_customer_writes_nothing_of_it()
    {
        var csv = $"{Header}\n55-4000001,그대로,010-2345-5521,서울특별시 관악구 관악로 63,관악구,가정용,15\n";
        Assert.Equal(HttpStatusCode.OK, (await TestClient.Keyed(factory).PostAsync("/api/v1/customers/import", Csv(csv))).StatusCode);
        var second = await (await TestClient.Keyed(factory).PostAsync("/api/v1/customers/import", Csv(csv))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 1), (second.GetProperty("imported").GetInt32(), second.GetProperty("updated").GetInt32()));
        Assert.Null(factory.With(db => db.Customers.AsNoTracking().Single(c => c.AccountNumber == "55-4000001").UpdatedAtUtc));
        var changed = csv.Replace("그대로", "바뀜");
        Assert.Equal(HttpStatusCode.OK, (await TestClient.Keyed(factory).PostAsync("/api/v1/customers/import", Csv(changed))).StatusCode);
        var c = factory.With(db => db.Customers.AsNoTracking().Single(x => x.AccountNumber == "55-4000001"));
        Assert.Equal("바뀜", c.HolderName);
        Assert.NotNull(c.UpdatedAtUtc);
    }

    private sealed class Recorder : IProgress<ImportProgress>
    {
        public List<ImportProgress> Reports { get; } = [];
        public void Report(ImportProgress value) => Reports.Add(value);
    }

    [Fact]
    public async Task A_customer_file_is_written_as_it_is_read_not_collected_first()
    {
        var rows = 25_000;
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < rows; i++) csv.Append($"56-{i:D7},흐름{i},010-2345-{i % 10000:D4},서울특별시 관악구 관악로 {i},관악구,가정용,15\n");
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArisuDbContext>();
        db.ActFor(await db.Offices.Where(o => o.ShortName == AriSuTotalService.Infrastructure.Demo.DemoData.OfficeShortName).Select(o => o.Id).SingleAsync());
        var progress = new Recorder();
        var result = await scope.ServiceProvider.GetServices<ICsvImport>().Single(i => i.Kind == "customers")
            .RunAsync(db.Office, Encoding.UTF8.GetBytes(csv.ToString()), progress);
        Assert.Equal(rows, result.Imported);
        // Rows were being written while the file was still being read.
        Assert.Contains(progress.Reports, p => p.RowsWritten > 0 && p.RowsChecked < rows);
    }

    [Fact]
    public async Task A_complaint_history_is_written_as_it_is_read_and_the_sequence_continues_after_it()
    {
        var rows = 25_000;
        var csv = new StringBuilder("reception_number,received_at,type_code,channel,account_number,status,closed_at,division\n");
        for (var i = 1; i <= rows; i++)
            csv.Append($"2024-남부-{500_000 + i:D6},2024-{1 + i % 12:D2}-{1 + i % 28:D2}T10:00:00,OUTDOOR_LEAK,phone,,resolved,2024-12-31T18:00:00,급수운영과\n");
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArisuDbContext>();
        var office = await db.Offices.Where(o => o.ShortName == AriSuTotalService.Infrastructure.Demo.DemoData.OfficeShortName).Select(o => o.Id).SingleAsync();
        db.ActFor(office);
        var progress = new Recorder();
        var result = await scope.ServiceProvider.GetServices<ICsvImport>().Single(i => i.Kind == "complaints")
            .RunAsync(office, Encoding.UTF8.GetBytes(csv.ToString()), progress);
        Assert.Equal(rows, result.Imported);
        Assert.Contains(progress.Reports, p => p.RowsWritten > 0 && p.RowsChecked < rows);
        Assert.Equal(500_000 + rows, factory.With(d => d.OfficeSequences.AsNoTracking().Single(x => x.OfficeId == office && x.Year == 2024).Last));
    }
}
