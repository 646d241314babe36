using System.Net;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Admin;

public class CatalogueTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    [Fact]
    public async Task A_changed_processing_period_applies_to_complaints_received_afterwards()
    {
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var saved = await admin.PostFormAsync("/Admin/ComplaintTypes", new()
        {
            ["Input.Code"] = ComplaintTypeCodes.NameChange, ["Input.NameKo"] = "명의변경", ["Input.NameEn"] = "Name change",
            ["Input.Field"] = "billing", ["Input.Division"] = "요금과", ["Input.Unit"] = "Days", ["Input.Value"] = "7",
            ["Input.TotalService"] = "false", ["Input.NeedsVisit"] = "false", ["Input.EntersHome"] = "false", ["Input.Active"] = "true",
        }, formPage: "/Admin/ComplaintTypes?edit=NAME_CHANGE");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var customer = TestData.Customer(factory).Id;
        var response = await clerk.PostFormAsync("/Intake", new() { ["CustomerId"] = customer.ToString(), ["Input.TypeCode"] = "NAME_CHANGE",
            ["Input.Channel"] = "phone", ["Input.ConfirmDuplicate"] = "true" }, formPage: "/Intake");
        var id = long.Parse(response.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
        // 7 days counted including Wed 25 Nov: 25, 26, 27, 30 Nov, 1, 2, 3 Dec → Thu 3 Dec 18:00.
        Assert.Equal(SeoulTime.ToUtc(new DateTime(2026, 12, 3, 18, 0, 0)), factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == id).DeadlineAtUtc));
    }

    [Fact]
    public async Task A_new_type_with_a_bad_code_is_refused_beside_the_field()
    {
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var response = await admin.PostFormAsync("/Admin/ComplaintTypes", new()
        {
            ["Input.Code"] = "bad code", ["Input.NameKo"] = "새 유형", ["Input.Field"] = "works", ["Input.Division"] = "현장민원과",
            ["Input.Unit"] = "Days", ["Input.Value"] = "3",
        }, formPage: "/Admin/ComplaintTypes");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("영문 대문자", html);
        Assert.Contains("value=\"새 유형\"", html);
        Assert.False(factory.With(db => db.ComplaintTypes.Any(t => t.NameKo == "새 유형")));
    }

}

public class HolidayTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    [Fact]
    public async Task A_holiday_added_by_the_administrator_moves_deadlines_and_the_coverage_warning_shows_when_the_table_runs_out()
    {
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        // The seeded table runs to the end of 2027: more than 12 months ahead of 2026-11-25.
        Assert.DoesNotContain("coverage-warning", await admin.GetPageAsync("/Admin/Holidays"));
        var added = await admin.PostFormAsync("/Admin/Holidays", new() { ["Date"] = "2026-11-26", ["Name"] = "임시공휴일", ["Kind"] = "one_off" },
            formPage: "/Admin/Holidays");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var duplicate = await admin.PostFormAsync("/Admin/Holidays", new() { ["Date"] = "2026-11-26", ["Name"] = "또", ["Kind"] = "one_off" },
            formPage: "/Admin/Holidays");
        Assert.Contains("이미 등록된 날짜입니다.", await duplicate.Content.ReadAsStringAsync());

        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var customer = TestData.Customer(factory).Id;
        var response = await clerk.PostFormAsync("/Intake", new() { ["CustomerId"] = customer.ToString(), ["Input.TypeCode"] = "AUTO_PAYMENT",
            ["Input.Channel"] = "phone", ["Input.ConfirmDuplicate"] = "true" }, formPage: "/Intake");
        var id = long.Parse(response.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
        // 8 working hours from Wed 10:00 with Thursday now a holiday → Fri 10:00.
        Assert.Equal(SeoulTime.ToUtc(new DateTime(2026, 11, 27, 10, 0, 0)), factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == id).DeadlineAtUtc));

        factory.With(db => db.PublicHolidays.Where(h => h.Date.Year == 2027).ExecuteDelete());
        factory.Clock.Advance(TimeSpan.FromMinutes(11)); // past the calendar cache
        var holidaysPage = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        Assert.Contains("coverage-warning", await holidaysPage.GetPageAsync("/Admin/Holidays"));
        Assert.Contains("공휴일 표가 2026-12-31까지만 있어", await holidaysPage.GetPageAsync("/"));
    }

}

public class ImportPageTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    [Fact]
    public async Task The_import_page_lists_the_files_problems_by_line_and_column()
    {
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var page = await admin.GetPageAsync("/Admin/Imports");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent("account_number,holder_name,phone,address,district,use_type,meter_size_mm\n96-1000001,홍길동,010-1111-2222,주소,관악구,가정용,0\n"u8.ToArray()), "file", "c.csv" },
        };
        var response = await admin.Http.PostAsync("/Admin/Imports?handler=Customers", form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("import-errors", html);
        Assert.Contains("<td>2</td><td>meter_size_mm</td>", html);
        Assert.False(factory.With(db => db.Customers.Any(c => c.AccountNumber == "96-1000001")));
    }

    [Fact]
    public async Task A_files_problems_are_listed_in_the_readers_language_with_the_values_as_written()
    {
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        await admin.PostFormAsync("/Culture", new() { ["culture"] = "en-US", ["returnUrl"] = "/" }, formPage: "/");
        var page = await admin.GetPageAsync("/Admin/Imports");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("account_number,holder_name,phone,address,district,use_type,meter_size_mm\n" +
                "96-100,홍길동,010-1111-2222,주소,관악구,가정용,15\n96-1000002,김영희,not-a-phone,주소,관악구,가정용,15\n")), "file", "c.csv" },
        };
        var html = System.Net.WebUtility.HtmlDecode(await (await admin.Http.PostAsync("/Admin/Imports?handler=Customers", form)).Content.ReadAsStringAsync());
        Assert.Contains("<td>2</td><td>account_number</td><td>Not an account number (e.g. 12-3456789): '96-100'</td>", html);
        Assert.Contains("<td>3</td><td>phone</td><td>Not a phone number: 'not-a-phone'</td>", html);
        Assert.DoesNotContain("형식이 아닙니다", html);
        // The upload's progress words come from the page, in the reader's language.
        Assert.Contains("data-uploading=\"Uploading {0}%\"", System.Net.WebUtility.HtmlDecode(await admin.GetPageAsync("/Admin/Imports")));

        // The API answers the Korean message with its key and values beside it.
        var api = TestClient.Keyed(factory);
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("account_number,holder_name,phone,address,district,use_type,meter_size_mm\n96-100,홍길동,010-1111-2222,주소,관악구,가정용,15\n"));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        var answer = await api.PostAsync("/api/v1/customers/import", content);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, answer.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var error = json.RootElement.GetProperty("errors")[0];
        Assert.Equal("수용가번호 형식이 아닙니다 (예: 12-3456789): '96-100'", error.GetProperty("message").GetString());
        Assert.Equal("수용가번호 형식이 아닙니다 (예: 12-3456789): '{0}'", error.GetProperty("key").GetString());
        Assert.Equal("96-100", error.GetProperty("args")[0].GetString());
    }
}
