using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Surges;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Infrastructure.Surges;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.UseCases;

/// <summary>
/// One command per operation: the page, <c>/api/v1</c> and Open311 refuse the same intake with the same rule, and a
/// decision is saved whole or not at all — with a second office in the database.
/// </summary>
public class OnePathTests(OnePathTests.Factory factory) : IClassFixture<OnePathTests.Factory>
{
    public sealed class Factory : TwoOfficeFactory
    {
        protected override IDictionary<string, string?> Settings()
        {
            var s = base.Settings();
            s["Demo:Customers"] = "600";
            return s;
        }
    }

    private static readonly DateOnly October = new(2026, 10, 1);
    private const string PastDate = "희망 방문일은 오늘 이후여야 합니다.";

    private (long Id, string Account) Customer()
    {
        var c = TestData.Customer(factory);
        return (c.Id, c.Account);
    }

    private int Complaints() => factory.With(db => db.Complaints.Count());

    [Fact]
    public async Task The_same_invalid_intake_is_refused_with_the_same_rule_by_the_page_the_api_and_open311()
    {
        _ = factory.B;
        var (customerId, account) = Customer();
        var before = Complaints();

        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var page = await clerk.PostFormAsync("/Intake", new()
        {
            ["CustomerId"] = customerId.ToString(), ["Input.TypeCode"] = ComplaintTypeCodes.LeakDiagnosis, ["Input.Channel"] = Channels.Phone,
            ["Input.Description"] = "계량기가 돕니다", ["Input.PreferredDate"] = "2026-11-20", ["Input.PreferredWindow"] = "09-12",
        }, formPage: "/Intake");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"<span class=\"field-validation-error\">{PastDate}</span>", html);
        Assert.Contains("계량기가 돕니다", html);

        using var api = TestClient.Keyed(factory);
        var apiAnswer = await api.PostAsJsonAsync("/api/v1/complaints", new
        {
            typeCode = ComplaintTypeCodes.LeakDiagnosis, accountNumber = account, channel = "phone", description = "계량기가 돕니다",
            preferredDate = "2026-11-20", preferredWindow = "09-12",
        });
        Assert.Equal(HttpStatusCode.BadRequest, apiAnswer.StatusCode);
        var error = JsonDocument.Parse(await apiAnswer.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        Assert.Equal("preferredDate", error.GetProperty("field").GetString());
        Assert.Equal(PastDate, error.GetProperty("key").GetString());

        var open311 = await api.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["service_code"] = ComplaintTypeCodes.LeakDiagnosis, ["attribute[account_number]"] = account, ["address_id"] = account,
            ["description"] = "계량기가 돕니다", ["attribute[preferred_date]"] = "2026-11-20", ["attribute[preferred_window]"] = "09-12",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, open311.StatusCode);
        var refusal = JsonDocument.Parse(await open311.Content.ReadAsStringAsync()).RootElement[0];
        Assert.Equal($"attribute[preferred_date]: {PastDate}", refusal.GetProperty("description").GetString());

        Assert.Equal(before, Complaints());
    }

    [Theory]
    [InlineData("2099-12-31", "희망 방문일은 14일 안(2026-12-09까지)에서 고르세요.")]
    [InlineData("2026-12-02", "희망 방문일이 처리기한(2026-11-30) 뒤입니다. 기한 안의 날을 고르세요.")]
    public async Task A_preferred_visit_date_the_office_cannot_keep_is_refused_at_intake(string date, string refusal)
    {
        _ = factory.B;
        var (customerId, _) = Customer();
        var before = Complaints();
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var page = await clerk.PostFormAsync("/Intake", new()
        {
            ["CustomerId"] = customerId.ToString(), ["Input.TypeCode"] = ComplaintTypeCodes.LeakDiagnosis, ["Input.Channel"] = Channels.Phone,
            ["Input.PreferredDate"] = date, ["Input.ConfirmDuplicate"] = "true",
        }, formPage: "/Intake");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains($"<span class=\"field-validation-error\">{refusal}</span>", html);
        Assert.Contains($"value=\"{date}\"", html);
        Assert.Equal(before, Complaints());
    }

    [Fact]
    public async Task In_english_the_refusals_of_an_intake_are_english_beside_their_fields()
    {
        _ = factory.B;
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        await clerk.PostFormAsync("/Culture", new() { ["culture"] = "en-US", ["returnUrl"] = "/Intake" }, formPage: "/Intake");
        var page = await clerk.PostFormAsync("/Intake", new()
        {
            ["Input.TypeCode"] = ComplaintTypeCodes.LeakDiagnosis, ["Input.Channel"] = Channels.Phone,
            ["Input.CallerPhone"] = "12345", ["Input.PreferredDate"] = "2026-11-20",
        }, formPage: "/Intake");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("<span class=\"field-validation-error\">Without a customer, enter the location.</span>", html);
        Assert.Contains("Not a phone number (e.g. 010-1234-5678, 02-2600-0002, 1588-1234).", html);
        Assert.Contains("The preferred visit date must be today or later.", html);
        Assert.DoesNotContain(PastDate, html);
    }

    [Fact]
    public async Task A_lifecycle_action_is_refused_by_its_rule_in_the_users_language_and_nothing_changes()
    {
        _ = factory.B;
        var (id, version, _) = await TestData.ComplaintAsync(factory, ComplaintTypeCodes.SupplyInconvenience, TestData.Customer(factory).Id);
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var url = $"/Complaints/Detail/{id}";
        var korean = await clerk.PostFormAsync(url + "?handler=Transfer", new() { ["Version"] = version.ToString(), ["TargetDivision"] = "없는 부서" }, formPage: url);
        var html = WebUtility.HtmlDecode(await korean.Content.ReadAsStringAsync());
        Assert.Contains("알 수 없는 부서입니다.", html);
        Assert.Contains("이첩 사유를 입력하세요.", html);

        // The assignee select starts at whoever has the complaint now.
        var field1 = factory.With(db => db.Users.Single(u => u.Email == "field1@arisu.local").Id);
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostFormAsync(url + "?handler=Assign", new() { ["Version"] = version.ToString(), ["AssigneeId"] = field1 }, formPage: url)).StatusCode);
        version = factory.With(db => db.Complaints.AsNoTracking().Single(x => x.Id == id).Version);
        Assert.Contains($"<option value=\"{field1}\" selected=\"selected\">", await clerk.GetPageAsync(url));

        await clerk.PostFormAsync("/Culture", new() { ["culture"] = "en-US", ["returnUrl"] = url }, formPage: url);
        var english = await clerk.PostFormAsync(url + "?handler=Cancel", new() { ["Version"] = version.ToString(), ["Text"] = " " }, formPage: url);
        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        Assert.Contains("Enter the reason for cancelling.", WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync()));
        Assert.Equal(version, factory.With(db => db.Complaints.AsNoTracking().Single(x => x.Id == id).Version));
    }

    [Fact]
    public async Task A_panel_answer_is_refused_with_the_same_rule_on_the_round_page_and_in_the_answer_file()
    {
        _ = factory.B;
        var complaint = await TestData.ComplaintAsync(factory, ComplaintTypeCodes.SupplyInconvenience, TestData.Customer(factory).Id);
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        await chief.PostFormAsync("/Evaluations?handler=Create&year=2026", new() { ["Month"] = "9", ["Planned"] = "10" }, formPage: "/Evaluations");
        // The same month again is refused, and nothing is added.
        var twice = await chief.PostFormAsync("/Evaluations?handler=Create&year=2026", new() { ["Month"] = "9", ["Planned"] = "10" }, formPage: "/Evaluations");
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("같은 달의 회차가 이미 있습니다.", await twice.Content.ReadAsStringAsync());
        Assert.Single(factory.With(db => db.PanelRounds.Where(r => r.Year == 2026 && r.Month == 9).ToList()));
        var roundId = factory.With(db => db.PanelRounds.Single(r => r.Year == 2026 && r.Month == 9).Id);
        var url = $"/Evaluations/Round/{roundId}";
        await chief.PostFormAsync(url + "?handler=Open", [], formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, (await chief.PostFormAsync(url + "?handler=Mark", new() { ["Reception"] = complaint.Reception }, formPage: url)).StatusCode);
        var before = DataFingerprint.Of(factory);
        const string rule = "2번 문항의 의견은 1000자 이내로 입력하세요.";

        var page = await chief.PostFormAsync(url + "?handler=Answers", new()
        {
            ["ComplaintId"] = complaint.Id.ToString(), ["Answers[2]"] = "satisfied", ["Comments[2]"] = new string('가', 1001),
        }, formPage: url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(rule, WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));

        using var api = TestClient.Keyed(factory);
        var file = $"round,reception_number,item,answer,comment\n2026-09,{complaint.Reception},2,satisfied,{new string('가', 1001)}\n";
        var imported = await api.PostAsync("/api/v1/panel-answers/import", new StringContent(file, System.Text.Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, imported.StatusCode);
        var error = JsonDocument.Parse(await imported.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Equal("comment", error.GetProperty("column").GetString());
        Assert.Equal(rule, error.GetProperty("message").GetString());
        Assert.Equal(before, DataFingerprint.Of(factory));
    }

    [Fact]
    public async Task An_intake_from_another_system_registers_the_complaint_and_its_linked_one_as_the_page_does()
    {
        _ = factory.B;
        var (_, account) = Customer();
        using var api = TestClient.Keyed(factory);
        var answer = await api.PostAsJsonAsync("/api/v1/complaints", new
        {
            typeCode = ComplaintTypeCodes.LeakDiagnosis, accountNumber = account, channel = "phone", description = "계량기가 돕니다",
            callerName = "세입자", callerPhone = "+82 10-5555-1234", callerRelation = CallerRelations.Tenant,
            preferredDate = "2026-11-27", preferredWindow = "13-15", otherTypes = new[] { ComplaintTypeCodes.WaterQualityTest },
        });
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
        var number = body.GetProperty("receptionNumber").GetString()!;
        Assert.Matches(@"^2026-남부-\d{6}$", number);
        Assert.Equal($"/open311/v2/requests/{Uri.EscapeDataString(number)}.json", answer.Headers.Location!.OriginalString);
        Assert.Equal(ComplaintTypeCodes.WaterQualityTest, body.GetProperty("linked")[0].GetProperty("typeCode").GetString());
        factory.With(db =>
        {
            var c = db.Complaints.AsNoTracking().Single(x => x.ReceptionNumber == number);
            Assert.Equal("010-5555-1234", c.CallerPhone);
            Assert.Equal(new DateOnly(2026, 11, 27), c.PreferredVisitDate);
            Assert.Single(db.Complaints.AsNoTracking().Where(x => x.LinkedToId == c.Id));
            return 0;
        });

        // Another office's account is no account of this office.
        var foreign = await api.PostAsJsonAsync("/api/v1/complaints", new { typeCode = ComplaintTypeCodes.LeakDiagnosis, accountNumber = factory.B.Account });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal("수용가를 찾을 수 없습니다.",
            JsonDocument.Parse(await foreign.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0].GetProperty("key").GetString());

        // Nor is this office's account one of the other office's.
        using var officeB = TestClient.Keyed(factory, TwoOfficeFactory.KeyB);
        var across = await officeB.PostAsJsonAsync("/api/v1/complaints", new { typeCode = ComplaintTypeCodes.LeakDiagnosis, accountNumber = account });
        Assert.Equal(HttpStatusCode.BadRequest, across.StatusCode);
        Assert.Equal("accountNumber", JsonDocument.Parse(await across.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    private SurgeCase OpenSurgeCase(int skip) => factory.With(db =>
    {
        if (!db.SurgeCases.Any(c => c.Period == October))
            SurgeScan.RunAsync(db, db.Offices.Single(o => o.ShortName == DemoData.OfficeShortName).Id, October, SurgeThresholds.Default, DateTime.UtcNow)
                .GetAwaiter().GetResult();
        return db.SurgeCases.AsNoTracking().Where(c => c.Period == October && c.Status == SurgeCaseStatuses.Open)
            .OrderBy(c => c.Id).Skip(skip).First();
    });

    private int Diagnoses(long customerId) => factory.With(db =>
        db.Complaints.Count(c => c.CustomerId == customerId && c.Type!.Code == ComplaintTypeCodes.LeakDiagnosis));

    [Fact]
    public async Task Two_staff_pressing_no_explanation_at_once_open_one_diagnosis_and_the_second_is_told()
    {
        _ = factory.B;
        var c = OpenSurgeCase(0);
        var before = Diagnoses(c.CustomerId);
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var field = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        var url = $"/Surges/Case/{c.Id}";
        Dictionary<string, string> Form() => new() { ["Version"] = c.Version.ToString(), ["Note"] = "원인 모름" };
        var answers = await Task.WhenAll(
            chief.PostFormAsync(url + "?handler=Unexplained", Form(), formPage: url),
            field.PostFormAsync(url + "?handler=Unexplained", Form(), formPage: url));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        var told = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Contains("다른 직원이 먼저 이 건을 처리했습니다.", await told.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, Diagnoses(c.CustomerId));
    }

    [Fact]
    public async Task No_explanation_on_a_case_already_explained_is_refused_and_leaves_no_complaint_behind()
    {
        _ = factory.B;
        var c = OpenSurgeCase(1);
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var url = $"/Surges/Case/{c.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await chief.PostFormAsync(url + "?handler=Explained",
            new() { ["Version"] = c.Version.ToString(), ["Reason"] = "guests" }, formPage: url)).StatusCode);
        var explained = factory.With(db => db.SurgeCases.AsNoTracking().Single(x => x.Id == c.Id));
        var before = Diagnoses(c.CustomerId);

        // The current version, so only the case's own rule can refuse it.
        var again = await chief.PostFormAsync(url + "?handler=Unexplained", new() { ["Version"] = explained.Version.ToString() }, formPage: url);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(SurgeCase.AlreadyDecided, await again.Content.ReadAsStringAsync());
        Assert.Equal(before, Diagnoses(c.CustomerId));
        Assert.Equal(SurgeCaseStatuses.Explained, factory.With(db => db.SurgeCases.AsNoTracking().Single(x => x.Id == c.Id).Status));
    }
}
