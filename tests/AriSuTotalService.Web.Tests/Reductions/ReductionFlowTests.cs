using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Reductions;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace AriSuTotalService.Web.Tests.Reductions;

/// <summary>The steps the reduction tests take through the real API and pages.</summary>
public abstract class ReductionTestsBase(ArisuFactory factory)
{
    protected ArisuFactory Fixture => factory;

    protected HttpClient Api()
    {
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", DemoData.ApiKey);
        return http;
    }

    protected async Task PostCsvAsync(string url, string csv)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await Api().PostAsync(url, content);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// A household account read monthly: 15 m³ in each of the two periods before the leak period (31 + 30 days). Its last
    /// reading ends 2026-10-25, so a leak repaired today (2026-11-25) waits for the reading ending 2026-11-25.
    /// </summary>
    protected async Task<long> CustomerAsync(string account)
    {
        await PostCsvAsync("/api/v1/customers/import", "account_number,holder_name,phone,address,district,use_type,meter_size_mm\n" +
            $"{account},누수감,010-3030-{account[^4..]},서울특별시 관악구 관악로 12,관악구,가정용,15\n");
        await PostCsvAsync("/api/v1/meter-readings/import", "account_number,period_start,period_end,reading_m3,usage_m3\n" +
            $"{account},2026-07-25,2026-08-25,1000,16\n{account},2026-08-25,2026-09-25,1015,15\n{account},2026-09-25,2026-10-25,1030,15\n");
        return factory.With(db => db.Customers.Single(c => c.AccountNumber == account).Id);
    }

    protected Task LeakReadingAsync(string account, int usage) =>
        PostCsvAsync("/api/v1/meter-readings/import", "account_number,period_start,period_end,reading_m3,usage_m3\n" +
            $"{account},2026-10-25,2026-11-25,{1030 + usage},{usage}\n");

    /// <summary>A diagnosis booked for field1, who finds and repairs a leak with a photo.</summary>
    protected async Task<long> RepairedLeakAsync(long customerId)
    {
        var (diagnosis, visit) = await VisitSteps.BookForField1Async(factory, customerId, ComplaintTypeCodes.LeakDiagnosis);
        await RepairAsync(visit);
        return diagnosis;
    }

    protected async Task RepairAsync(long visit)
    {
        var field1 = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        var response = await VisitSteps.RecordOutcomeAsync(field1, visit, new()
        {
            ["LeakFound"] = "true", ["LeakPlace"] = "wall_pipe", ["Repaired"] = "true", ["RepairedBy"] = "관로 보수", ["Result"] = "resolved",
            ["Note"] = "벽 속 배관 누수 수리",
        }, VisitSteps.Jpeg);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    protected LeakReduction ReductionOf(long diagnosis) =>
        factory.With(db => db.LeakReductions.AsNoTracking().Single(r => r.DiagnosisComplaintId == diagnosis));

    protected static Dictionary<string, string> Versioned(LeakReduction r, Dictionary<string, string>? more = null)
    {
        var fields = new Dictionary<string, string> { ["Version"] = r.Version.ToString() };
        foreach (var (k, v) in more ?? []) fields[k] = v;
        return fields;
    }
}

/// <summary>
/// Leak fee reductions through the real pages and API on real SQLite: opened by a repaired leak, completed by the reading
/// import, reviewed and approved by the billing clerk, exported once, reversed on the next export.
/// </summary>
public class ReductionFlowTests(ArisuFactory fixture) : ReductionTestsBase(fixture), IClassFixture<ArisuFactory>
{
    [Fact]
    public async Task An_application_names_every_refused_field_beside_it_in_the_domains_words_and_saves_nothing()
    {
        var billing = await TestClient.SignedInAsync(Fixture, "billing@arisu.local");
        var before = Fixture.With(db => (db.Complaints.Count(), db.LeakReductions.Count(), db.ReductionDocuments.Count()));
        var page = await (await billing.PostMultipartAsync("/Reductions/Apply", new Dictionary<string, string>
        {
            ["AccountNumber"] = "", ["LeakDate"] = "", ["Channel"] = "fax",
        }, "Receipt", null)).Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"AccountNumber\"[^>]*>수용가번호를 입력하세요.<", page);
        Assert.Matches("data-valmsg-for=\"LeakDate\"[^>]*>누수 수리일을 입력하세요.<", page);
        Assert.Matches("data-valmsg-for=\"Channel\"[^>]*>접수 경로를 고르세요 \\(전화·방문·인터넷\\).<", page);
        Assert.Matches("data-valmsg-for=\"Receipt\"[^>]*>수리 영수증\\(사진 또는 PDF\\)을 첨부하세요.<", page);

        // Too long a text is refused in words, with the receipt not stored and what was typed kept.
        const string account = "31-7000009";
        await CustomerAsync(account);
        page = await (await billing.PostMultipartAsync("/Reductions/Apply", new Dictionary<string, string>
        {
            ["AccountNumber"] = account, ["LeakDate"] = "2026-11-10", ["Channel"] = Channels.Phone, ["Description"] = new string('가', 1001),
        }, "Receipt", VisitSteps.Jpeg, "receipt.jpg")).Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Description\"[^>]*>신청 내용은 1000자 이내로 입력하세요.<", page);
        Assert.Contains($"value=\"{account}\"", page);
        Assert.Equal(before, Fixture.With(db => (db.Complaints.Count(), db.LeakReductions.Count(), db.ReductionDocuments.Count())));
    }

    [Fact]
    public async Task A_repaired_leak_opens_exactly_one_proactive_reduction_that_completes_itself_when_the_reading_is_imported()
    {
        const string account = "31-7000001";
        var customer = await CustomerAsync(account);
        var diagnosis = await RepairedLeakAsync(customer);

        var opened = ReductionOf(diagnosis);
        Assert.Equal(ReductionStatuses.AwaitingReading, opened.Status);
        Assert.Equal(new DateOnly(2026, 11, 25), opened.LeakDate);
        Assert.Equal("field1@arisu.local", opened.LeakRecordedBy);
        Fixture.With(db =>
        {
            var complaint = db.Complaints.AsNoTracking().Include(c => c.Type).Single(c => c.Id == opened.ComplaintId);
            Assert.Equal(ComplaintTypeCodes.LeakFeeReduction, complaint.Type!.Code);
            Assert.Equal(Channels.Proactive, complaint.Channel);
            Assert.Equal(diagnosis, complaint.LinkedToId);
            Assert.Single(db.Complaints.AsNoTracking().Where(c => c.LinkedToId == diagnosis && c.Type!.Code == ComplaintTypeCodes.LeakFeeReduction));
            return 0;
        });

        var billing = await TestClient.SignedInAsync(Fixture, "billing@arisu.local");
        Assert.Contains("검침 자료를 가져오면", await billing.GetPageAsync($"/Reductions/Case/{opened.Id}"));

        await LeakReadingAsync(account, 60);
        var done = ReductionOf(diagnosis);
        Assert.Equal(ReductionStatuses.Pending, done.Status);
        Assert.Equal(new DateOnly(2026, 11, 25), done.LeakPeriodEnd);
        Assert.Equal(NormalBases.PreviousTwo, done.Basis);
        // normal: 30 m³ over 61 days; 31 days of it = 15.24 m³; leak 60 − 15.24 → 44 m³
        Assert.Equal(44, done.LeakVolumeM3);
        Assert.Equal(22 * 580, done.WaterWon);
        Assert.Equal(30 * 400 + 20 * 930 + 10 * 1420 - 16 * 400, done.SewerWon);
        Assert.Equal(22 * 170, done.LevyWon);
        Assert.Equal(54_900, done.TotalWon);

        var page = await billing.GetPageAsync($"/Reductions/Case/{done.Id}");
        Assert.Contains("54,900", page);
        Assert.Contains("evidence", page);
        Assert.Contains("handler=Evidence", page);
        Assert.Contains(account, await billing.GetPageAsync("/Reductions"));

        // A citizen applying for the same leak period is refused, with the existing case shown; nothing is added.
        var complaints = Fixture.With(db => db.Complaints.Count());
        var again = await billing.PostMultipartAsync("/Reductions/Apply", new Dictionary<string, string>
        {
            ["AccountNumber"] = account, ["LeakDate"] = "2026-11-20", ["Channel"] = Channels.Visit,
        }, "Receipt", VisitSteps.Jpeg, "receipt.jpg");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var body = await again.Content.ReadAsStringAsync();
        Assert.Contains("이미 감면 건이 있습니다", body);
        Assert.Contains($"/Reductions/Case/{done.Id}", body);
        Assert.Equal(complaints, Fixture.With(db => db.Complaints.Count()));
        Assert.Single(Fixture.With(db => db.LeakReductions.Where(r => r.CustomerId == customer).ToList()));
    }

    [Fact]
    public async Task Whoever_recorded_the_leak_is_not_offered_the_approval_and_is_refused_it()
    {
        const string account = "31-7000011";
        await CustomerAsync(account);
        await LeakReadingAsync(account, 60);
        var billing = await TestClient.SignedInAsync(Fixture, "billing@arisu.local");
        var applied = await billing.PostMultipartAsync("/Reductions/Apply", new Dictionary<string, string>
        {
            ["AccountNumber"] = account, ["LeakDate"] = "2026-11-10", ["Channel"] = Channels.Visit,
        }, "Receipt", VisitSteps.Jpeg, "receipt.jpg");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var customerId = Fixture.With(db => db.Customers.Single(c => c.AccountNumber == account).Id);
        var r = Fixture.With(db => db.LeakReductions.AsNoTracking().Single(x => x.CustomerId == customerId));
        Assert.Null(r.ProposedRejection);

        var page = await billing.GetPageAsync($"/Reductions/Case/{r.Id}");
        Assert.DoesNotContain("id=\"approve\"", page);
        Assert.Contains("id=\"approve-by-other\"", page);
        var refused = await billing.PostFormAsync($"/Reductions/Case/{r.Id}?handler=Approve", Versioned(r));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("누수를 기록한 직원은 그 감면을 승인할 수 없습니다.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(ReductionStatuses.Pending, Fixture.With(db => db.LeakReductions.AsNoTracking().Single(x => x.Id == r.Id).Status));
    }

    [Fact]
    public async Task Approval_is_exported_once_and_a_reversal_goes_on_the_next_export_as_a_cancellation()
    {
        const string account = "31-7000002";
        var diagnosis = await RepairedLeakAsync(await CustomerAsync(account));
        await LeakReadingAsync(account, 60);
        var r = ReductionOf(diagnosis);
        var billing = await TestClient.SignedInAsync(Fixture, "billing@arisu.local");

        // The chief sees the case but does not decide it.
        var chief = await TestClient.SignedInAsync(Fixture, "chief@arisu.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await chief.PostFormAsync($"/Reductions/Case/{r.Id}?handler=Approve", Versioned(r))).StatusCode);

        // Before approval the printed notice is a draft and grants nothing; after it, it says the fee is reduced.
        var draft = await billing.GetPageAsync($"/Reductions/Notice/{r.Id}");
        Assert.Contains("id=\"notice-draft\"", draft);
        Assert.DoesNotContain("요금을 감면합니다", draft);
        var approved = await billing.PostFormAsync($"/Reductions/Case/{r.Id}?handler=Approve", Versioned(r));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        // The clerk is told what the approval did and who hears of it.
        Assert.Contains("감면액 54,900원을 승인했습니다. 다음 고지서 내보내기에 들어갑니다. 민원인에게 결과를 문자로 보냅니다.",
            WebUtility.HtmlDecode(await billing.GetPageAsync(approved.Headers.Location!.OriginalString)));
        var final = await billing.GetPageAsync($"/Reductions/Notice/{r.Id}");
        Assert.Contains("요금을 감면합니다", final);
        Assert.DoesNotContain("notice-draft", final);
        Fixture.With(db =>
        {
            Assert.Equal(ReductionStatuses.Approved, db.LeakReductions.AsNoTracking().Single(x => x.Id == r.Id).Status);
            var complaint = db.Complaints.AsNoTracking().Single(c => c.Id == r.ComplaintId);
            Assert.Equal(ComplaintStatuses.Resolved, complaint.Status);
            Assert.Contains("54,900", complaint.Resolution);
            var notice = db.OutboxMessages.AsNoTracking().Single(m => m.ComplaintId == r.ComplaintId && m.Kind == "reduction_approved");
            Assert.Contains("54,900원", notice.Body);
            return 0;
        });

        // A stale form (the version before approval) is refused without changing anything.
        var stale = await billing.PostFormAsync($"/Reductions/Case/{r.Id}?handler=Reject", Versioned(r, new() { ["RejectReason"] = "중복" }));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("다른 직원이 먼저", await stale.Content.ReadAsStringAsync());
        Assert.Equal(ReductionStatuses.Approved, ReductionOf(diagnosis).Status);

        Assert.Contains(account, await billing.GetPageAsync("/Reductions/Export"));
        var exported = await billing.PostFormAsync("/Reductions/Export", []);
        Assert.Equal(HttpStatusCode.Redirect, exported.StatusCode);
        Assert.Matches(@"감면 \d+건, 취소 0건\(합계 [\d,]+원\)을 내보내고 내보낸 것으로 표시했습니다\.",
            WebUtility.HtmlDecode(await billing.GetPageAsync(exported.Headers.Location!.OriginalString)));
        var batch = Fixture.With(db => db.LeakReductions.AsNoTracking().Single(x => x.Id == r.Id).ExportBatchId)!.Value;
        var csv = await (await billing.GetAsync($"/Reductions/Export?handler=Csv&batch={batch}")).Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(Pages.Reductions.ExportModel.CsvHeader, lines[0]);
        var line = Assert.Single(lines.Skip(1), l => l.Contains(account));
        Assert.StartsWith($"reduction,{r.Id},{account},", line);
        Assert.Contains(",44,12760,", line);
        Assert.EndsWith("54900,2026-11-25 10:00", line);

        // Nothing is sent twice: the next export has nothing of this case.
        Assert.DoesNotContain(account, await billing.GetPageAsync("/Reductions/Export"));
        var xlsx = await (await billing.GetAsync($"/Reductions/Export?handler=Xlsx&batch={batch}")).Content.ReadAsByteArrayAsync();
        var rows = new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, x => (string)x["수용가번호"] == account && Convert.ToInt64(x["감면액 합계(원)"]) == 54_900);

        var current = ReductionOf(diagnosis);
        var reversed = await billing.PostFormAsync($"/Reductions/Case/{r.Id}?handler=Reverse", Versioned(current, new() { ["ReverseReason"] = "수용가 이전으로 대상 아님" }));
        Assert.Equal(HttpStatusCode.Redirect, reversed.StatusCode);
        Assert.Contains("승인을 취소했습니다. 이미 내보낸 건이라 다음 내보내기에 취소 건으로 들어갑니다.",
            WebUtility.HtmlDecode(await billing.GetPageAsync(reversed.Headers.Location!.OriginalString)));
        Assert.Contains(account, await billing.GetPageAsync("/Reductions/Export"));
        await billing.PostFormAsync("/Reductions/Export", []);
        var second = Fixture.With(db => db.LeakReductions.AsNoTracking().Single(x => x.Id == r.Id).ReversalBatchId)!.Value;
        Assert.NotEqual(batch, second);
        var cancel = await (await billing.GetAsync($"/Reductions/Export?handler=Csv&batch={second}")).Content.ReadAsStringAsync();
        Assert.Contains($"cancellation,{r.Id},{account},", cancel);
        Assert.Contains(",-54900,", cancel);
        // The first batch still reads as it was sent.
        Assert.Equal(csv, await (await billing.GetAsync($"/Reductions/Export?handler=Csv&batch={batch}")).Content.ReadAsStringAsync());
        Assert.Equal(3, Fixture.With(db => db.PersonalDataAccesses.Count(a => a.SubjectKind == "reduction_export" && a.SubjectKey == batch.ToString())));
    }

    [Fact]
    public async Task Whoever_recorded_the_leak_cannot_approve_it_and_usage_below_normal_is_rejected_with_the_reason()
    {
        // The billing clerk takes a citizen's application with a receipt, so cannot approve it.
        const string account = "31-7000003";
        await CustomerAsync(account);
        await LeakReadingAsync(account, 12);

        var billing = await TestClient.SignedInAsync(Fixture, "billing@arisu.local");
        var missing = await billing.PostMultipartAsync("/Reductions/Apply", new Dictionary<string, string>
        {
            ["AccountNumber"] = account, ["LeakDate"] = "2026-11-10", ["Channel"] = Channels.Visit,
        }, "Receipt", null);
        Assert.Contains("수리 영수증(사진 또는 PDF)을 첨부하세요", await missing.Content.ReadAsStringAsync());
        Assert.Contains($"value=\"{account}\"", await missing.Content.ReadAsStringAsync());

        var applied = await billing.PostMultipartAsync("/Reductions/Apply", new Dictionary<string, string>
        {
            ["AccountNumber"] = account, ["LeakDate"] = "2026-11-10", ["Channel"] = Channels.Visit, ["Description"] = "싱크대 배관 수리 영수증 제출",
        }, "Receipt", VisitSteps.Jpeg, "receipt.jpg");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var customerId = Fixture.With(db => db.Customers.Single(c => c.AccountNumber == account).Id);
        var r = Fixture.With(db => db.LeakReductions.AsNoTracking().Single(x => x.CustomerId == customerId && x.Source == ReductionSources.Application));
        Assert.Equal("billing@arisu.local", r.LeakRecordedBy);
        Assert.Equal(Channels.Visit, Fixture.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == r.ComplaintId).Channel));
        Assert.Single(Fixture.With(db => db.ReductionDocuments.Where(d => d.ReductionId == r.Id).ToList()));
        Assert.Equal(0, r.LeakVolumeM3);
        Assert.Equal(LeakReductionCalculator.NoLeakVolume, r.ProposedRejection);

        var page = await billing.GetPageAsync($"/Reductions/Case/{r.Id}");
        Assert.DoesNotContain("id=\"approve\"", page);
        var refused = await billing.PostFormAsync($"/Reductions/Case/{r.Id}?handler=Approve", Versioned(r));
        Assert.Contains("누수량 0", await refused.Content.ReadAsStringAsync());

        // The reviewer picks last year's period instead... there is none, so the periods chosen must be given a reason.
        var noReason = await billing.PostFieldsAsync($"/Reductions/Case/{r.Id}?handler=Adjust",
            [new("Version", r.Version.ToString()), new("LeakEnd", "2026-11-25"), new("NormalEnds", "2026-08-25")]);
        var noReasonBody = await noReason.Content.ReadAsStringAsync();
        Assert.Contains("기간을 바꾸는 사유를 입력하세요", noReasonBody);
        Assert.Contains("value=\"2026-08-25\" id=\"normal-20260825\" checked", noReasonBody);
        var adjusted = await billing.PostFieldsAsync($"/Reductions/Case/{r.Id}?handler=Adjust",
            [new("Version", r.Version.ToString()), new("LeakEnd", "2026-11-25"), new("NormalEnds", "2026-08-25"), new("AdjustReason", "9~10월 장기 부재로 사용량 왜곡")]);
        Assert.Equal(HttpStatusCode.Redirect, adjusted.StatusCode);
        var again = Fixture.With(db => db.LeakReductions.AsNoTracking().Single(x => x.Id == r.Id));
        Assert.Equal(NormalBases.Reviewer, again.Basis);
        Assert.Equal(0, again.LeakVolumeM3); // 12 m³ is still below 16/31 × 31
        Assert.Equal("9~10월 장기 부재로 사용량 왜곡", again.AdjustReason);

        var rejected = await billing.PostFormAsync($"/Reductions/Case/{r.Id}?handler=Reject", Versioned(again, new() { ["RejectReason"] = again.ProposedRejection! }));
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Fixture.With(db =>
        {
            Assert.Equal(ReductionStatuses.Rejected, db.LeakReductions.AsNoTracking().Single(x => x.Id == r.Id).Status);
            Assert.Contains("감면 불가", db.Complaints.AsNoTracking().Single(c => c.Id == r.ComplaintId).Resolution);
            Assert.Single(db.OutboxMessages.AsNoTracking().Where(m => m.ComplaintId == r.ComplaintId && m.Kind == "reduction_rejected"));
            return 0;
        });
    }

    [Fact]
    public async Task Field_staff_and_clerks_cannot_review_and_the_notice_prints_the_whole_working_with_the_view_recorded()
    {
        const string account = "31-7000004";
        var diagnosis = await RepairedLeakAsync(await CustomerAsync(account));
        await LeakReadingAsync(account, 60);
        var r = ReductionOf(diagnosis);
        foreach (var who in new[] { "field1@arisu.local", "clerk@arisu.local" })
        {
            var client = await TestClient.SignedInAsync(Fixture, who);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Reductions/Case/{r.Id}")).StatusCode);
        }
        var billing = await TestClient.SignedInAsync(Fixture, "billing@arisu.local");
        var notice = await billing.GetPageAsync($"/Reductions/Notice/{r.Id}");
        Assert.Contains("누수감 님", notice);
        Assert.Contains("54,900", notice);
        Assert.Contains("44 m³", notice);
        Assert.Contains(Fixture.With(db => db.PersonalDataAccesses.AsNoTracking().Where(a => a.SubjectKey == account).Select(a => a.Action).ToList()), a => a == "print");
        // The list masks the name.
        Assert.DoesNotContain("누수감", await billing.GetPageAsync("/Reductions"));
    }
}

/// <summary>The proactive chain end to end, with the job server running the scan: surge → unexplained → diagnosis → repaired leak → approved reduction.</summary>
public class SurgeReductionTests(SurgeReductionTests.Factory fixture) : ReductionTestsBase(fixture), IClassFixture<SurgeReductionTests.Factory>
{
    public sealed class Factory : ArisuFactory
    {
        protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?> { ["Jobs:Server"] = "true" };
    }

    [Fact]
    public async Task A_surge_that_stayed_unexplained_ends_in_an_approved_reduction_on_the_dashboard_funnel()
    {
        // A meter whose October reading jumped: the leak period is the surge's period, read already.
        const string account = "31-7000005";
        await PostCsvAsync("/api/v1/customers/import", "account_number,holder_name,phone,address,district,use_type,meter_size_mm\n" +
            $"{account},격증누,010-3030-0005,서울특별시 관악구 관악로 15,관악구,가정용,15\n");
        await PostCsvAsync("/api/v1/meter-readings/import", "account_number,period_start,period_end,reading_m3,usage_m3\n" +
            $"{account},2026-07-10,2026-08-10,1000,15\n{account},2026-08-10,2026-09-10,1015,15\n{account},2026-09-10,2026-10-10,1075,60\n");
        var scan = await Api().PostAsync("/api/v1/surge-scans?period=2026-10", null);
        Assert.Equal(HttpStatusCode.Accepted, scan.StatusCode);
        var run = scan.Headers.Location!.OriginalString;
        for (var i = 0; i < 300; i++)
        {
            var state = (await Api().GetFromJsonAsync<System.Text.Json.JsonElement>(run)).GetProperty("state").GetString();
            if (state is "completed" or "failed") { Assert.Equal("completed", state); break; }
            await Task.Delay(100);
        }
        var customerId = Fixture.With(db => db.Customers.Single(c => c.AccountNumber == account).Id);
        var surge = Fixture.With(db => db.SurgeCases.AsNoTracking().Single(c => c.CustomerId == customerId));
        var chief = await TestClient.SignedInAsync(Fixture, "chief@arisu.local");
        var before = await chief.GetPageAsync("/Dashboard?from=2026-10&to=2026-10");
        var unexplained = await chief.PostFormAsync($"/Surges/Case/{surge.Id}?handler=Unexplained", new()
        {
            ["Version"] = surge.Version.ToString(), ["Note"] = "사용량 증가 원인 모름",
        }, formPage: $"/Surges/Case/{surge.Id}");
        Assert.Equal(HttpStatusCode.Redirect, unexplained.StatusCode);
        var diagnosis = Fixture.With(db => db.SurgeCases.AsNoTracking().Single(c => c.Id == surge.Id).DiagnosisComplaintId)!.Value;
        await RepairAsync(await VisitSteps.BookExistingAsync(Fixture, chief, diagnosis));

        var r = ReductionOf(diagnosis);
        Assert.Equal(surge.Id, r.SurgeCaseId);
        Assert.Equal(ReductionStatuses.Pending, r.Status);
        Assert.Equal(new DateOnly(2026, 10, 10), r.LeakPeriodEnd);
        Assert.Equal(45, r.LeakVolumeM3); // 60 − 30/62 × 30 = 45.48…
        var billing = await TestClient.SignedInAsync(Fixture, "billing@arisu.local");
        Assert.Equal(HttpStatusCode.Redirect, (await billing.PostFormAsync($"/Reductions/Case/{r.Id}?handler=Approve", Versioned(r))).StatusCode);

        Assert.Contains("요금 감면 승인 0건 · 0원", before);
        Assert.Contains($"요금 감면 승인 1건 · {r.TotalWon:N0}원", await chief.GetPageAsync("/Dashboard?from=2026-10&to=2026-10"));
    }

    [Fact]
    public async Task A_receipt_with_a_file_name_longer_than_its_column_is_kept_with_its_extension()
    {
        const string account = "31-7000009";
        await CustomerAsync(account);
        await LeakReadingAsync(account, 30);
        var billing = await TestClient.SignedInAsync(Fixture, "billing@arisu.local");
        var name = new string('영', 240) + ".jpg";
        var applied = await billing.PostMultipartAsync("/Reductions/Apply", new Dictionary<string, string>
        {
            ["AccountNumber"] = account, ["LeakDate"] = "2026-11-10", ["Channel"] = Channels.Visit,
        }, "Receipt", VisitSteps.Jpeg, name);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var customerId = Fixture.With(db => db.Customers.Single(c => c.AccountNumber == account).Id);
        var document = Fixture.With(db => db.ReductionDocuments.AsNoTracking()
            .Single(d => db.LeakReductions.Any(r => r.Id == d.ReductionId && r.CustomerId == customerId)));
        Assert.Equal(ReductionDocument.MaxFileNameLength, document.FileName.Length);
        Assert.EndsWith("….jpg", document.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_approval_of_one_leak_period_is_refused_with_a_message_and_saves_nothing()
    {
        const string account = "31-7000099";
        var customer = await CustomerAsync(account);
        var diagnosis = await RepairedLeakAsync(customer);
        await LeakReadingAsync(account, 60);
        var first = ReductionOf(diagnosis);
        // A second case of the same leak, as two openings at once left it before they took turns (a copy, its own complaint).
        var complaint = await TestData.ComplaintAsync(Fixture, ComplaintTypeCodes.LeakFeeReduction, customer);
        var second = Fixture.With(db =>
        {
            var columns = db.Model.FindEntityType(typeof(LeakReduction))!.GetProperties().Select(p => p.GetColumnName())
                .Where(c => c is not ("Id" or "ComplaintId" or "DiagnosisComplaintId" or "VisitId" or "Version")).Select(c => $"\"{c}\"").ToList();
#pragma warning disable EF1003 // the columns come from the model, the values are the test's own numbers
            db.Database.ExecuteSqlRaw($"INSERT INTO \"LeakReductions\" ({string.Join(", ", columns)}, \"ComplaintId\", \"Version\") "
                + $"SELECT {string.Join(", ", columns)}, {complaint.Id}, '{Guid.NewGuid().ToString().ToUpperInvariant()}' FROM \"LeakReductions\" WHERE \"Id\" = {first.Id}");
#pragma warning restore EF1003
            return db.LeakReductions.AsNoTracking().Single(r => r.ComplaintId == complaint.Id);
        });
        var billing = await TestClient.SignedInAsync(Fixture, "billing@arisu.local");
        Assert.Equal(HttpStatusCode.Redirect, (await billing.PostFormAsync($"/Reductions/Case/{first.Id}?handler=Approve", Versioned(first))).StatusCode);

        var refused = await billing.PostFormAsync($"/Reductions/Case/{second.Id}?handler=Approve", Versioned(second));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("같은 누수 기간의 다른 감면 건이 방금 승인되었습니다.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(ReductionStatuses.Pending, Fixture.With(db => db.LeakReductions.AsNoTracking().Single(r => r.Id == second.Id).Status));
        Assert.Single(Fixture.With(db => db.LeakReductions.AsNoTracking().Where(r => r.CustomerId == customer && r.Status == ReductionStatuses.Approved).ToList()));
    }
}
