using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Customers;
using AriSuTotalService.Domain.Evaluations;
using AriSuTotalService.Domain.Integrations;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Surges;
using AriSuTotalService.Infrastructure.Import;
using AriSuTotalService.Infrastructure.Surges;
using Microsoft.Extensions.DependencyInjection;
using AriSuTotalService.Web.Tests.Infrastructure;

namespace AriSuTotalService.Web.Tests.Api;

/// <summary>
/// The names of CONTRACTS.md that other systems depend on, each held here as the contract writes it — literally, so
/// that renaming a constant in the code fails a test instead of a client.
/// </summary>
public partial class ContractTests(TwoOfficeFactory factory) : IClassFixture<TwoOfficeFactory>
{
    private HttpClient Api() => TestClient.Keyed(factory);

    private static HttpContent Csv(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    private static HttpRequestMessage AsyncPost(string url, string csv)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Csv(csv) };
        request.Headers.Add("Prefer", "respond-async");
        return request;
    }

    private static async Task<JsonElement> FinishedAsync(HttpClient api, Uri location)
    {
        for (var i = 0; i < 400; i++)
        {
            var run = await api.GetFromJsonAsync<JsonElement>(location);
            if (run.GetProperty("state").GetString() is not ("queued" or "running")) return run;
            await Task.Delay(50);
        }
        throw new TimeoutException("the run did not finish");
    }

    private static void HasFields(JsonElement json, params string[] names)
    {
        foreach (var name in names) Assert.True(json.TryGetProperty(name, out _), $"the answer has no '{name}': {json}");
    }

    private const string CustomerHeader = "account_number,holder_name,phone,address,district,use_type,meter_size_mm";

    [Fact]
    public async Task Import_runs_end_completed_or_failed_as_scans_do_with_every_field_of_the_contract()
    {
        _ = factory.B;
        var api = Api();
        var accepted = await api.SendAsync(AsyncPost("/api/v1/customers/import",
            $"{CustomerHeader}\n66-1000001,계약시험,010-1234-6601,서울특별시 관악구 관악로 66,관악구,가정용,15\n"));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var first = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        HasFields(first, "id", "state");
        Assert.Contains(first.GetProperty("state").GetString(), new[] { "queued", "running", "completed" });
        var run = await FinishedAsync(api, accepted.Headers.Location!);
        Assert.Equal("completed", run.GetProperty("state").GetString());
        HasFields(run, "id", "kind", "state", "rowsChecked", "rowsWritten", "imported", "updated", "errors", "warnings", "startedAt", "finishedAt");
        Assert.Equal("customers", run.GetProperty("kind").GetString());

        var refused = await api.SendAsync(AsyncPost("/api/v1/customers/import", $"{CustomerHeader}\n66-1000002,,010-1234-6602,주소,관악구,가정용,15\n"));
        var failed = await FinishedAsync(api, refused.Headers.Location!);
        Assert.Equal("failed", failed.GetProperty("state").GetString());
        var error = Assert.Single(failed.GetProperty("errors").EnumerateArray());
        HasFields(error, "line", "column", "message");
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Equal("holder_name", error.GetProperty("column").GetString());
    }

    [Fact]
    public async Task The_states_of_background_work_are_the_four_of_the_contract()
    {
        Assert.Equal(["queued", "running", "completed", "failed"], RunStates.All);
        var period = $"{ArisuFactory.Now.AddMonths(-1):yyyy-MM}";
        var scans = await Api().PostAsync($"/api/v1/surge-scans?period={period}", null);
        Assert.Equal(HttpStatusCode.Accepted, scans.StatusCode);
        var queued = await scans.Content.ReadFromJsonAsync<JsonElement>();
        HasFields(queued, "id", "state");
        Assert.Equal("queued", queued.GetProperty("state").GetString());
        // The job as the job server runs it (the test host runs none).
        using (var scope = factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<SurgeScanJob>().RunAsync(queued.GetProperty("id").GetInt64(), default);
        var scan = await FinishedAsync(Api(), scans.Headers.Location!);
        Assert.Equal("completed", scan.GetProperty("state").GetString());
        HasFields(scan, "id", "period", "state", "startedAt", "finishedAt", "compared", "surges", "notices", "newUse", "anomalies", "skipped");

        var cases = await Api().GetFromJsonAsync<JsonElement>($"/api/v1/surge-cases?period={period}");
        Assert.NotEmpty(cases.EnumerateArray());
        foreach (var c in cases.EnumerateArray())
        {
            HasFields(c, "accountNumber", "kind", "onDiagnosisList", "onNoticeList", "previousUsageM3", "previousDays", "currentUsageM3",
                "currentDays", "increasePercent", "status");
            Assert.Contains(c.GetProperty("kind").GetString(), new[] { "surge", "newUse", "anomaly" });
            Assert.Contains(c.GetProperty("status").GetString(), new[] { "open", "explained", "unexplained", "unreachable", "closed" });
        }
    }

    [Fact]
    public async Task A_synchronous_import_answers_imported_updated_and_warnings()
    {
        var response = await Api().PostAsync("/api/v1/customers/import",
            Csv($"{CustomerHeader}\n66-2000001,동기시험,010-1234-6611,서울특별시 관악구 관악로 67,관악구,가정용,15\n"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        HasFields(body, "imported", "updated", "warnings");
        Assert.Equal(JsonValueKind.Array, body.GetProperty("warnings").ValueKind);
    }

    [Fact]
    public async Task The_catalogue_holds_every_code_of_the_contract_in_its_field()
    {
        var types = (await Api().GetFromJsonAsync<JsonElement>("/api/v1/complaint-types")).EnumerateArray()
            .ToDictionary(t => t.GetProperty("code").GetString()!, t => t.GetProperty("field").GetString());
        foreach (var code in new[] { "NAME_CHANGE", "AUTO_PAYMENT", "LEAK_FEE_REDUCTION", "E_BILLING", "SUPPLY_TERMINATION", "BILLING_OTHER" })
            Assert.Equal("billing", types[code]);
        foreach (var code in new[] { "LEAK_DIAGNOSIS", "OUTDOOR_LEAK", "SUPPLY_INCONVENIENCE", "METER_REPLACEMENT", "WATER_QUALITY_TEST",
                     "SUPPLY_WORKS", "INDOOR_PIPING", "WORKS_OTHER" })
            Assert.Equal("works", types[code]);
        Assert.Equal(["LEAK_DIAGNOSIS", "LEAK_FEE_REDUCTION", "SUPPLY_INCONVENIENCE", "WATER_QUALITY_TEST"], ComplaintTypeCodes.TotalService.Order());
    }

    [Fact]
    public void The_values_are_the_contracts_words()
    {
        Assert.Equal(["IntakeClerk", "FieldStaff", "BillingClerk", "SectionChief", "Administrator"], Roles.All);
        Assert.Equal(["행정지원과", "현장민원과", "요금과", "급수운영과", "시설관리과", "수질팀"], Divisions.All);
        Assert.Equal(["가정용", "일반용", "욕탕용"], UseTypes.All);
        Assert.Equal(["phone", "visit", "web", "proactive", "derived"], Channels.All);
        Assert.Equal(["phone", "visit", "web"], Channels.CitizenApplied);
        Assert.Equal(["received", "scheduled", "visited", "transferred", "resolved", "cancelled"], ComplaintStatuses.All);
        Assert.Equal(["surge", "newUse", "anomaly"], SurgeKinds.All);
        Assert.Equal(["open", "explained", "unexplained", "unreachable", "closed"], SurgeCaseStatuses.All);
        Assert.Equal(["very_satisfied", "satisfied", "neutral", "dissatisfied", "very_dissatisfied", "na"], PanelAnswers.All);
        Assert.Equal(["import", "scans", "reports", "open311"], ApiKeyScopes.All.Take(4));
    }

    [Fact]
    public void Every_import_takes_the_header_of_the_contract()
    {
        Assert.Equal("account_number,holder_name,phone,address,district,use_type,meter_size_mm", string.Join(',', CustomerImport.Required));
        Assert.Equal("dong,meter_serial,postal_code,address_detail,meter_installed_on", string.Join(',', CustomerImport.Optional));
        Assert.Equal("account_number,period_start,period_end,reading_m3,usage_m3", string.Join(',', MeterReadingImport.Required));
        Assert.Equal("reception_number,received_at,type_code,channel,account_number,status,closed_at,division",
            string.Join(',', ComplaintHistoryImport.Required));
        Assert.Equal("round,reception_number,item,answer,comment", string.Join(',', PanelAnswerImport.Required.Concat(PanelAnswerImport.Optional)));
    }

    [GeneratedRegex(@"^\d{4}-남부-\d{6}$")]
    private static partial Regex ReceptionShape();

    [Fact]
    public async Task A_reception_number_is_year_office_short_name_and_six_digits()
    {
        var customer = TestData.Customer(factory);
        var complaint = await TestData.ComplaintAsync(factory, ComplaintTypeCodes.LeakDiagnosis, customer.Id);
        Assert.Matches(ReceptionShape(), complaint.Reception);
        Assert.StartsWith($"{ArisuFactory.Now.AddHours(9).Year}-", complaint.Reception);
    }

    [Fact]
    public async Task The_api_answers_401_without_a_key_403_without_the_scope_and_400_with_errors_for_bad_input()
    {
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/complaint-types")).StatusCode);
        factory.With(db =>
        {
            db.ApiKeys.Add(new ApiKey(db.Office, "보고서만", "contract-reports-only-key", [ApiKeyScopes.Reports], "test", DateTime.UtcNow));
            return db.SaveChanges();
        });
        var reportsOnly = TestClient.Keyed(factory, "contract-reports-only-key");
        Assert.Equal(HttpStatusCode.Forbidden, (await reportsOnly.PostAsync("/api/v1/customers/import", Csv(CustomerHeader + "\n"))).StatusCode);
        var bad = await Api().GetAsync("/api/v1/surge-cases?period=2026-13");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var error = Assert.Single((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        HasFields(error, "line", "column", "message");
    }

    [Theory]
    [InlineData("proactive")]
    [InlineData("derived")]
    public async Task A_client_cannot_register_a_complaint_the_office_did_not_open_itself(string channel)
    {
        var response = await Api().PostAsJsonAsync("/api/v1/complaints", new
        {
            typeCode = "OUTDOOR_LEAK", channel, location = "관악로 앞 보도", callerPhone = "010-2345-6789",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal("channel", error.GetProperty("field").GetString());
        foreach (var citizen in new[] { "phone", "visit", "web" })
        {
            var created = await Api().PostAsJsonAsync("/api/v1/complaints", new
            {
                typeCode = "OUTDOOR_LEAK", channel = citizen, location = "관악로 앞 보도", callerPhone = "010-2345-6789",
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
    }

    [Fact]
    public async Task The_performance_report_answers_every_field_of_the_contract()
    {
        var r = await Api().GetFromJsonAsync<JsonElement>("/api/v1/reports/performance?from=2026-10&to=2026-10");
        HasFields(r, "from", "to", "total", "byType", "fourTypes", "derivedByType", "deadlineCompliance", "fields", "indoorEntries", "reduction");
        HasFields(r.GetProperty("byType").EnumerateArray().First(), "typeCode", "field", "total", "citizenApplied", "proactive", "proactiveRate");
        HasFields(r.GetProperty("fourTypes"), "total", "citizenApplied", "proactive", "proactiveRate");
        HasFields(r.GetProperty("deadlineCompliance"), "closed", "closedOnTime", "rate");
        HasFields(r.GetProperty("fields").EnumerateArray().First(), "field", "total", "share");
        HasFields(r.GetProperty("indoorEntries"), "total", "byType");
        HasFields(r.GetProperty("reduction"), "previousYearTotal", "rate", "supplyInconvenience");
        HasFields(r.GetProperty("reduction").GetProperty("supplyInconvenience"), "total", "previousYearTotal", "rate");
    }
}
