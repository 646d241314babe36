using AriSuTotalService.Domain.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AriSuTotalService.Domain.Imports;
using AriSuTotalService.Infrastructure.Import;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Import;

public class ImportJobTests(TwoOfficeFactory factory) : IClassFixture<TwoOfficeFactory>
{
    private const string ReadingHeader = "account_number,period_start,period_end,reading_m3,usage_m3";

    private static HttpRequestMessage AsyncPost(string url, string csv)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        request.Headers.Add("Prefer", "respond-async, wait=5");
        return request;
    }

    /// <summary>Follows the Location until the run is no longer queued or running.</summary>
    private static async Task<JsonElement> FinishedAsync(HttpClient api, Uri location)
    {
        for (var i = 0; i < 200; i++)
        {
            var run = await api.GetFromJsonAsync<JsonElement>(location);
            if (run.GetProperty("state").GetString() is not (RunStates.Queued or RunStates.Running)) return run;
            await Task.Delay(50);
        }
        throw new TimeoutException("the import did not finish");
    }

    [Fact]
    public async Task An_import_asked_to_respond_async_answers_202_with_a_location_that_reports_its_progress_and_result()
    {
        _ = factory.B;
        var accounts = factory.With(db => db.Customers.OrderBy(c => c.Id).Take(3).Select(c => c.AccountNumber).ToList());
        var csv = ReadingHeader + "\n" + string.Concat(accounts.Select(a => $"{a},2027-03-01,2027-03-31,700000,31\n"));
        var api = TestClient.Keyed(factory);
        var response = await api.SendAsync(AsyncPost("/api/v1/meter-readings/import", csv));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("respond-async", response.Headers.GetValues("Preference-Applied").Single());
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = accepted.GetProperty("id").GetInt64();
        Assert.Contains(accepted.GetProperty("state").GetString(), new[] { RunStates.Queued, RunStates.Running, RunStates.Completed });
        Assert.Equal($"/api/v1/imports/{id}", response.Headers.Location!.OriginalString);

        var run = await FinishedAsync(api, response.Headers.Location);
        Assert.Equal(RunStates.Completed, run.GetProperty("state").GetString());
        Assert.Equal("meter-readings", run.GetProperty("kind").GetString());
        Assert.Equal(3, run.GetProperty("rowsChecked").GetInt32());
        Assert.Equal(3, run.GetProperty("rowsWritten").GetInt32());
        Assert.Equal(3, run.GetProperty("imported").GetInt32() + run.GetProperty("updated").GetInt32());
        Assert.Empty(run.GetProperty("errors").EnumerateArray());
        Assert.StartsWith("2026-11-25T10:00:00", run.GetProperty("startedAt").GetString());
        Assert.NotNull(run.GetProperty("finishedAt").GetString());

        // Another office's key does not see the run.
        var other = await TestClient.Keyed(factory, TwoOfficeFactory.KeyB).GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task A_refused_file_sent_async_reports_its_bad_rows_by_line_and_column_and_stores_nothing()
    {
        var account = factory.With(db => db.Customers.OrderBy(c => c.Id).Select(c => c.AccountNumber).First());
        var before = factory.With(db => db.MeterReadings.Count());
        var csv = $"{ReadingHeader}\n{account},2027-04-01,2027-04-30,800000,30\n{account},2027-05-01,2027-04-20,800010,x\n";
        var api = TestClient.Keyed(factory);
        var response = await api.SendAsync(AsyncPost("/api/v1/meter-readings/import", csv));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var run = await FinishedAsync(api, response.Headers.Location!);
        Assert.Equal(RunStates.Failed, run.GetProperty("state").GetString());
        var errors = run.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Contains((3, "period_end"), errors);
        Assert.Contains((3, "usage_m3"), errors);
        Assert.Equal(2, run.GetProperty("rowsChecked").GetInt32());
        Assert.Equal(0, run.GetProperty("rowsWritten").GetInt32());
        Assert.Equal(before, factory.With(db => db.MeterReadings.Count()));
    }

    [Fact]
    public async Task An_import_whose_node_stopped_is_reported_failed_with_the_reason_not_running_forever()
    {
        var id = factory.With(db =>
        {
            var run = new ImportRun(db.Offices.Single(o => o.ShortName == AriSuTotalService.Infrastructure.Demo.DemoData.OfficeShortName).Id,
                "meter-readings", "big.csv", 4_540_000, "chief@arisu.local", "web-2/4711", factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-10));
            run.Start(factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-10));
            db.ImportRuns.Add(run);
            db.SaveChanges();
            return run.Id;
        });
        var run = await TestClient.Keyed(factory).GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}");
        Assert.Equal(RunStates.Failed, run.GetProperty("state").GetString());
        Assert.Equal(ImportQueue.StoppedReason, run.GetProperty("reason").GetString());
        Assert.Equal(RunStates.Failed, factory.With(db => db.ImportRuns.AsNoTracking().Single(r => r.Id == id).State));
    }

    [Fact]
    public async Task Without_the_prefer_header_the_api_answers_with_the_result_as_before()
    {
        var account = TestData.Customer(factory).Account;
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($"{ReadingHeader}\n{account},2027-06-01,2027-06-30,900000,30\n"));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await TestClient.Keyed(factory).PostAsync("/api/v1/meter-readings/import", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("imported").GetInt32());
        // The run is recorded all the same.
        Assert.True(factory.With(db => db.ImportRuns.Any(r => r.Kind == "meter-readings" && r.State == RunStates.Completed && r.Imported == 1)));
    }
}

public class CsvSourceTests
{
    [Fact]
    public async Task An_upload_is_spooled_with_its_encoding_and_row_count_learnt_on_the_way()
    {
        var folder = Path.Combine(Path.GetTempPath(), "arisu-tests", Guid.NewGuid().ToString("N"));
        var cp949 = AriSuTotalService.Infrastructure.Import.CsvFile.Cp949.GetBytes("a,b\n홍길동,1\n\"두\n줄\",2");
        using (var source = await CsvSource.SpoolAsync(new MemoryStream(cp949), folder, CancellationToken.None))
        {
            Assert.Equal(949, source.Encoding.CodePage);
            Assert.Equal(3, source.Rows); // lines after the header; the last line has no line break
            Assert.True(File.Exists(source.Path));
            using var text = source.OpenText();
            Assert.Contains("홍길동", text.ReadToEnd());
        }
        Assert.Empty(Directory.GetFiles(folder));

        // UTF-8 whose three-byte characters fall across the 64 KiB chunks stays UTF-8.
        var utf8 = Encoding.UTF8.GetBytes("a\n" + string.Concat(Enumerable.Repeat("가나다라\n", 30_000)));
        using var big = await CsvSource.SpoolAsync(new MemoryStream(utf8), folder, CancellationToken.None);
        Assert.IsType<UTF8Encoding>(big.Encoding);
        Assert.Equal(30_000, big.Rows);
    }
}
