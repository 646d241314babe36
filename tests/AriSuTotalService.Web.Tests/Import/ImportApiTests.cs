using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Import;

public class ImportApiTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    private HttpClient Api() => TestClient.Keyed(factory);

    private static HttpContent Body(string text, Encoding? encoding = null)
    {
        var content = new ByteArrayContent((encoding ?? Encoding.UTF8).GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    private const string Header = "account_number,holder_name,phone,address,district,use_type,meter_size_mm,dong";

    [Fact]
    public async Task Customers_are_imported_and_reimporting_the_same_account_updates_it()
    {
        var csv = $"{Header}\n99-1000001,홍길동,010-1234-0001,서울특별시 관악구 관악로 1,관악구,가정용,15,봉천동\n" +
                  "99-1000002,\"김, 철수\",02-2600-0002,서울특별시 동작구 상도로 2,동작구,일반용,25,상도동\n";
        var first = await Api().PostAsync("/api/v1/customers/import", Body(csv));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("imported").GetInt32());
        Assert.Equal(0, body.GetProperty("updated").GetInt32());

        var again = await Api().PostAsync("/api/v1/customers/import",
            Body($"{Header}\n99-1000001,홍길동,010-9999-0001,서울특별시 관악구 관악로 1,관악구,가정용,20,봉천동\n"));
        var second = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, second.GetProperty("imported").GetInt32());
        Assert.Equal(1, second.GetProperty("updated").GetInt32());
        factory.With(db =>
        {
            var c = db.Customers.AsNoTracking().Single(x => x.AccountNumber == "99-1000001");
            Assert.Equal("010-9999-0001", c.Phone);
            Assert.Equal("01099990001", c.PhoneDigits);
            Assert.Equal(20, c.MeterSizeMm);
            Assert.Equal("김, 철수", db.Customers.AsNoTracking().Single(x => x.AccountNumber == "99-1000002").HolderName);
            return 0;
        });
    }

    private const string ReadingHeader = "account_number,period_start,period_end,reading_m3,usage_m3";

    [Fact]
    public async Task Readings_are_counted_as_new_or_updated_and_a_key_given_twice_refuses_the_file()
    {
        var customers = factory.With(db => db.Customers.OrderBy(c => c.Id).Take(2).Select(c => new { c.Id, c.AccountNumber }).ToList());
        var (first, second) = (customers[0].AccountNumber, customers[1].AccountNumber);
        var csv = $"{ReadingHeader}\n{first},2027-01-01,2027-01-31,500000,31\n{second},2027-01-01,2027-01-31,600000,40\n";
        var created = await (await Api().PostAsync("/api/v1/meter-readings/import", Body(csv))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, created.GetProperty("imported").GetInt32());
        Assert.Equal(0, created.GetProperty("updated").GetInt32());

        // The same period again with a corrected reading, and one new period: one updated, one new.
        csv = $"{ReadingHeader}\n{first},2027-01-01,2027-01-31,500005,36\n{first},2027-01-31,2027-02-28,500040,35\n";
        var again = await (await Api().PostAsync("/api/v1/meter-readings/import", Body(csv))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, again.GetProperty("imported").GetInt32());
        Assert.Equal(1, again.GetProperty("updated").GetInt32());
        Assert.Equal(36, factory.With(db => db.MeterReadings.AsNoTracking()
            .Single(r => r.CustomerId == customers[0].Id && r.PeriodEnd == new DateOnly(2027, 1, 31)).UsageM3));

        // An existing key twice in one file: refused on the second line that names it, and the first line's change is not kept.
        csv = $"{ReadingHeader}\n{second},2027-01-01,2027-01-31,600001,41\n{first},2027-02-28,2027-03-31,500070,30\n" +
              $"{second},2027-01-02,2027-01-31,600002,42\n";
        var refused = await Api().PostAsync("/api/v1/meter-readings/import", Body(csv));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = Assert.Single((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal(4, error.GetProperty("line").GetInt32());
        Assert.Equal("period_end", error.GetProperty("column").GetString());
        Assert.Contains("2행", error.GetProperty("message").GetString());
        factory.With(db =>
        {
            Assert.Equal(40, db.MeterReadings.AsNoTracking().Single(r => r.CustomerId == customers[1].Id && r.PeriodEnd == new DateOnly(2027, 1, 31)).UsageM3);
            Assert.False(db.MeterReadings.Any(r => r.PeriodEnd == new DateOnly(2027, 3, 31)));
            return 0;
        });
    }

    [Fact]
    public async Task Readings_reach_the_account_written_even_when_two_accounts_share_their_digits()
    {
        // Same digits, dash elsewhere, leading zeros: three different accounts.
        var customers = $"{Header}\n77-0123456,갑,010-1234-0011,주소 1,관악구,가정용,15,봉천동\n770-123456,을,010-1234-0012,주소 2,관악구,가정용,15,봉천동\n" +
                        "07-70123456,병,010-1234-0013,주소 3,관악구,가정용,15,봉천동\n";
        Assert.Equal(HttpStatusCode.OK, (await Api().PostAsync("/api/v1/customers/import", Body(customers))).StatusCode);
        var readings = $"{ReadingHeader}\n77-0123456,2027-01-01,2027-01-31,1000,11\n770-123456,2027-01-01,2027-01-31,2000,22\n" +
                       "07-70123456,2027-01-01,2027-01-31,3000,33\n";
        Assert.Equal(HttpStatusCode.OK, (await Api().PostAsync("/api/v1/meter-readings/import", Body(readings))).StatusCode);
        var usage = factory.With(db => db.MeterReadings.AsNoTracking().Where(r => r.PeriodEnd == new DateOnly(2027, 1, 31))
            .Join(db.Customers, r => r.CustomerId, c => c.Id, (r, c) => new { c.AccountNumber, r.UsageM3 })
            .Where(x => x.AccountNumber == "77-0123456" || x.AccountNumber == "770-123456" || x.AccountNumber == "07-70123456")
            .ToDictionary(x => x.AccountNumber, x => x.UsageM3));
        Assert.Equal(11, usage["77-0123456"]);
        Assert.Equal(22, usage["770-123456"]);
        Assert.Equal(33, usage["07-70123456"]);
    }

    [Fact]
    public async Task A_bad_line_in_the_middle_refuses_the_whole_file_with_its_line_and_column()
    {
        var csv = $"{Header}\n98-1000001,가나다,010-1234-0001,주소 1,관악구,가정용,15,봉천동\n" +
                  "98-1000002,라마바,010-1234-0002,주소 2,강남구,가정용,15,역삼동\n" +
                  "98-1000003,사아자,010-1234-0003,주소 3,금천구,공업용,abc,가산동\n";
        var response = await Api().PostAsync("/api/v1/customers/import", Body(csv));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "district"), (4, "use_type"), (4, "meter_size_mm")], errors);
        Assert.False(factory.With(db => db.Customers.Any(c => c.AccountNumber.StartsWith("98-"))));
    }

    [Fact]
    public async Task A_quoted_field_may_span_lines_and_later_errors_name_their_physical_line()
    {
        var csv = $"{Header}\n95-1000001,가나,010-1234-0001,\"서울특별시 관악구\n관악로 1\",관악구,가정용,15,봉천동\n" +
                  "95-1000002,다라,010-1234-0002,주소 2,관악구,가정용,15,봉천동\n95-1000003,마바,010-1234-0003,주소 3,관악구,가정용,-1,봉천동\n";
        var response = await Api().PostAsync("/api/v1/customers/import", Body(csv));
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(5, "meter_size_mm")], errors);
    }

    [Fact]
    public async Task A_cp949_file_sent_as_multipart_is_read_correctly()
    {
        var csv = "meter_size_mm,use_type,district,address,phone,holder_name,account_number\n15,가정용,금천구,서울특별시 금천구 시흥대로 7,010-3333-4444,박영희,97-1000001\n";
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(AriSuTotalService.Infrastructure.Import.CsvFile.Cp949.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "customers.csv");
        var response = await Api().PostAsync("/api/v1/customers/import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("박영희", factory.With(db => db.Customers.AsNoTracking().Single(c => c.AccountNumber == "97-1000001").HolderName));
    }

    [Fact]
    public async Task Unknown_and_missing_columns_are_errors_on_line_one()
    {
        var response = await Api().PostAsync("/api/v1/customers/import", Body("account_number,holder_name,colour\n"));
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 1 && e.GetProperty("column").GetString() == "colour");
        Assert.Contains(errors, e => e.GetProperty("column").GetString() == "phone" && e.GetProperty("message").GetString()!.Contains("필수 열"));
    }

    [Fact]
    public async Task A_key_without_the_import_scope_gets_403()
    {
        var key = factory.With(db =>
        {
            db.ApiKeys.Add(new AriSuTotalService.Domain.Integrations.ApiKey(db.Offices.Single().Id, "보고서 전용", "reports-only-key-123", ["reports"], "test", DateTime.UtcNow));
            db.SaveChanges();
            return "reports-only-key-123";
        });
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        var response = await http.PostAsync("/api/v1/customers/import", Body($"{Header}\n"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Complaint_history_gets_deadlines_from_the_calendar_and_the_sequence_continues_after_it()
    {
        var account = factory.With(db => db.Customers.OrderBy(c => c.Id).Select(c => c.AccountNumber).First());
        var csv = "reception_number,received_at,type_code,channel,account_number,status,closed_at,division\n" +
                  $"2016-남부-900001,2016-09-13T10:00:00,LEAK_DIAGNOSIS,proactive,{account},resolved,2016-09-22T11:00:00+09:00,현장민원과\n" +
                  "2026-남부-900002,2026-01-05T09:30:00,OUTDOOR_LEAK,phone,,transferred,,급수운영과\n";
        var response = await Api().PostAsync("/api/v1/complaints/import", Body(csv));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        factory.With(db =>
        {
            var old = db.Complaints.AsNoTracking().Single(c => c.ReceptionNumber == "2016-남부-900001");
            // 3 days = 24 working hours from Tue 2016-09-13 10:00 (7 h that day), across 추석 (14–16 Sep) and the weekend:
            // Mon 19 (8 h), Tue 20 (8 h), Wed 21 one more hour → 10:00.
            Assert.Equal(new DateTime(2016, 9, 21, 1, 0, 0, DateTimeKind.Utc), old.DeadlineAtUtc);
            Assert.False(old.ClosedOnTime);
            Assert.True(db.ComplaintEvents.Any(e => e.ComplaintId == old.Id && e.Kind == "received"));
            Assert.True(db.OfficeSequences.AsNoTracking().Single(s => s.Year == 2026).Last >= 900002);
            return 0;
        });
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var customer = factory.With(db => db.Customers.OrderBy(c => c.Id).Select(c => c.Id).First());
        var saved = await clerk.PostFormAsync("/Intake", new() { ["CustomerId"] = customer.ToString(), ["Input.TypeCode"] = "NAME_CHANGE",
            ["Input.Channel"] = "phone", ["Input.ConfirmDuplicate"] = "true" }, formPage: "/Intake");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(factory.With(db => db.Complaints.Any(c => c.ReceptionNumber == "2026-남부-900003")));
    }

    [Fact]
    public async Task A_complaint_history_row_resolved_without_a_closing_time_is_refused()
    {
        var csv = "reception_number,received_at,type_code,channel,account_number,status,closed_at,division\n" +
                  "2015-남부-800001,2015-03-02T10:00:00,NAME_CHANGE,phone,,resolved,,요금과\n" +
                  "2015-북부-800002,2015-03-02T10:00:00,NO_SUCH,fax,,done,,없는과\n";
        var response = await Api().PostAsync("/api/v1/complaints/import", Body(csv));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.GetProperty("line").GetInt32()}:{e.GetProperty("column").GetString()}").ToList();
        Assert.Equal(["2:closed_at", "3:reception_number", "3:type_code", "3:channel", "3:status", "3:division"], errors);
        Assert.False(factory.With(db => db.Complaints.Any(c => c.ReceptionNumber.StartsWith("2015-"))));
    }

    [Fact]
    public async Task A_phone_written_longer_than_its_column_is_refused_with_its_line_and_nothing_is_imported()
    {
        // Eleven digits, but forty characters as written: the column holds thirty.
        var phone = "010" + new string('-', 29) + "12345678";
        Assert.Equal(40, phone.Length);
        var csv = $"{Header}\n99-3000001,정상,010-1234-0001,서울특별시 관악구 관악로 1,관악구,가정용,15,봉천동\n" +
                  $"99-3000002,길다,{phone},서울특별시 관악구 관악로 2,관악구,가정용,15,봉천동\n";
        var response = await Api().PostAsync("/api/v1/customers/import", Body(csv));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.GetProperty("line").GetInt32()}:{e.GetProperty("column").GetString()}").ToList();
        Assert.Equal(["3:phone"], errors);
        Assert.False(factory.With(db => db.Customers.Any(c => c.AccountNumber == "99-3000001")));
    }
}
