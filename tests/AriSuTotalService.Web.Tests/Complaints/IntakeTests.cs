using System.Net;
using System.Text.RegularExpressions;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Complaints;

public partial class IntakeTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    /// <summary>A customer of the test's own (a new account, name and phone number).</summary>
    private (long Id, string Account, string Phone, string Name) SomeCustomer(string name) =>
        TestData.Customer(factory, name: name) is var c ? (c.Id, c.Account, c.Phone, c.Name) : default;

    private static Dictionary<string, string> Form(params (string Key, string Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value);

    [Fact]
    public async Task A_tenant_calling_registers_a_diagnosis_and_a_linked_water_quality_test_with_numbers_deadline_and_division()
    {
        var customer = SomeCustomer("김세입");
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var response = await clerk.PostFormAsync("/Intake", new()
        {
            ["CustomerId"] = customer.Id.ToString(),
            ["Input.TypeCode"] = ComplaintTypeCodes.LeakDiagnosis,
            ["Input.Channel"] = Channels.Phone,
            ["Input.Description"] = "계량기가 계속 돌아갑니다",
            ["Input.CallerIsHolder"] = "false",
            ["Input.CallerName"] = "세입자김",
            ["Input.CallerPhone"] = "010-5555-1234",
            ["Input.CallerRelation"] = CallerRelations.Tenant,
            ["Input.OtherTypes"] = ComplaintTypeCodes.WaterQualityTest,
            ["Input.PreferredDate"] = "2026-11-27",
            ["Input.PreferredWindow"] = "09-12",
        }, formPage: "/Intake");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var confirmation = await clerk.GetPageAsync(response.Headers.Location!.OriginalString);
        var number = ReceptionPattern().Match(confirmation).Groups[1].Value;
        Assert.Matches(@"^2026-남부-\d{6}$", number);
        Assert.Contains("현장민원과", confirmation);

        factory.With(db =>
        {
            var first = db.Complaints.AsNoTracking().Include(c => c.Type).Single(c => c.ReceptionNumber == number);
            Assert.Equal(Channels.Phone, first.Channel);
            Assert.Equal("세입자김", first.CallerName);
            Assert.Equal(CallerRelations.Tenant, first.CallerRelation);
            Assert.Equal(new DateOnly(2026, 11, 27), first.PreferredVisitDate);
            // Received Wed 2026-11-25 10:00; 3 days = 24 working hours → Mon 2026-11-30 10:00 Seoul = 01:00 UTC.
            Assert.Equal(new DateTime(2026, 11, 30, 1, 0, 0, DateTimeKind.Utc), first.DeadlineAtUtc);
            var linked = db.Complaints.AsNoTracking().Include(c => c.Type).Single(c => c.LinkedToId == first.Id);
            Assert.Equal(ComplaintTypeCodes.WaterQualityTest, linked.Type!.Code);
            Assert.Equal(Channels.Derived, linked.Channel);
            Assert.Equal(ReceptionNumber.Format(2026, "남부", int.Parse(number[^6..]) + 1), linked.ReceptionNumber);
            return 0;
        });
        Assert.Contains("함께 접수된 연계 민원", confirmation);
    }

    [Fact]
    public async Task A_passer_by_reports_an_outdoor_leak_without_an_account()
    {
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var missing = await clerk.PostFormAsync("/Intake", Form(("Input.TypeCode", ComplaintTypeCodes.OutdoorLeak), ("Input.Channel", "phone"),
            ("Input.Description", "도로에 물이 솟아요"), ("Input.CallerPhone", "010-7777-8888")), formPage: "/Intake");
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var html = await missing.Content.ReadAsStringAsync();
        Assert.Contains("수용가가 없으면 위치를 입력하세요.", html);
        Assert.Contains("도로에 물이 솟아요", html);
        Assert.Contains("value=\"010-7777-8888\"", html);

        var saved = await clerk.PostFormAsync("/Intake", Form(("Input.TypeCode", ComplaintTypeCodes.OutdoorLeak), ("Input.Channel", "phone"),
            ("Input.Description", "도로에 물이 솟아요"), ("Input.CallerPhone", "010-7777-8888"), ("Input.Location", "관악구 관악로 1 앞")), formPage: "/Intake");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        factory.With(db =>
        {
            var c = db.Complaints.AsNoTracking().Single(x => x.Location == "관악구 관악로 1 앞");
            Assert.Null(c.CustomerId);
            Assert.Equal("010-7777-8888", c.CallerPhone);
            return 0;
        });
    }

    [Fact]
    public async Task A_second_open_complaint_of_the_same_type_is_warned_and_saved_only_when_confirmed()
    {
        var customer = SomeCustomer("이중복");
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var fields = Form(("CustomerId", customer.Id.ToString()), ("Input.TypeCode", ComplaintTypeCodes.SupplyInconvenience), ("Input.Channel", "phone"),
            ("Input.Description", "물이 약해요"));
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostFormAsync("/Intake", fields, formPage: "/Intake")).StatusCode);
        var count = factory.With(db => db.Complaints.Count(c => c.CustomerId == customer.Id));

        var warned = await clerk.PostFormAsync("/Intake", fields, formPage: "/Intake");
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("처리 중인 같은 유형의 민원", await warned.Content.ReadAsStringAsync());
        Assert.Equal(count, factory.With(db => db.Complaints.Count(c => c.CustomerId == customer.Id)));

        fields["Input.ConfirmDuplicate"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostFormAsync("/Intake", fields, formPage: "/Intake")).StatusCode);
        Assert.Equal(count + 1, factory.With(db => db.Complaints.Count(c => c.CustomerId == customer.Id)));
    }

    [Fact]
    public async Task The_clerk_finds_a_customer_by_phone_written_any_way_and_sees_masked_details()
    {
        var customer = SomeCustomer("박전화");
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var digits = customer.Phone.Replace("-", "", StringComparison.Ordinal);
        var page = await clerk.GetPageAsync("/Intake?q=" + digits);
        Assert.Contains(customer.Account, page);
        Assert.DoesNotContain(customer.Phone, page);
        Assert.DoesNotContain(customer.Name, page);
        Assert.Contains(AriSuTotalService.Domain.Privacy.Masking.Phone(customer.Phone), page);

        var json = await clerk.Http.GetStringAsync("/Intake?handler=Search&q=" + Uri.EscapeDataString(customer.Account));
        Assert.Contains(customer.Account, json);
        Assert.DoesNotContain(customer.Name, json);
    }

    [Fact]
    public async Task The_clerk_finds_a_customer_by_the_dong_the_caller_names_and_by_the_street_as_shown()
    {
        // The customer file keeps the dong apart: the street address does not name it.
        var customer = TestData.Customer(factory, dong: "시험동", address: "서울특별시 관악구 시험로 77-1");
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var byDong = await clerk.Http.GetStringAsync("/Intake?handler=Search&q=" + Uri.EscapeDataString("시험동"));
        Assert.Contains(customer.Account, byDong);
        var byStreet = await clerk.Http.GetStringAsync("/Intake?handler=Search&q=" + Uri.EscapeDataString("시험로 77-1"));
        Assert.Contains(customer.Account, byStreet);
    }

    [Fact]
    public async Task When_the_holder_calls_as_the_browser_posts_it_no_caller_details_are_needed()
    {
        var customer = SomeCustomer("최연결");
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        // A ticked checkbox is sent together with its hidden "false" fallback, in this order.
        var response = await clerk.PostFieldsAsync("/Intake",
        [
            new("CustomerId", customer.Id.ToString()), new("Input.TypeCode", ComplaintTypeCodes.EBilling), new("Input.Channel", "phone"),
            new("Input.CallerIsHolder", "true"), new("Input.CallerIsHolder", "false"),
        ], formPage: "/Intake");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var c = factory.With(db => db.Complaints.AsNoTracking().Where(x => x.CustomerId == customer.Id).OrderByDescending(x => x.Id).First());
        Assert.Null(c.CallerName);
        Assert.Null(c.CallerPhone);
    }

    [Fact]
    public async Task Field_staff_cannot_open_the_intake_page()
    {
        var field = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await field.GetAsync("/Intake")).StatusCode);
    }

    [GeneratedRegex("id=\"reception-number\">([^<]+)<")]
    private static partial Regex ReceptionPattern();
}
