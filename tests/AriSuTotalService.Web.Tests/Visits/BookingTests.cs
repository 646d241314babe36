using System.Net;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Visits;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AriSuTotalService.Web.Tests.Visits;

public class BookingTests(BookingTests.Factory factory) : IClassFixture<BookingTests.Factory>
{
    /// <summary>One visit per staff member and window, to reach the limit quickly; the clerk signs in for every case.</summary>
    public sealed class Factory : ArisuFactory
    {
        protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
        {
            ["Visits:PerWindow"] = "1",
            ["Security:SignInAttemptsPerAccount"] = "100",
        };
    }

    /// <summary>A tenant's diagnosis by phone, for a customer of the test's own (or <paramref name="customer"/> calling again).</summary>
    private async Task<long> NewDiagnosisAsync(long? customer = null)
    {
        customer ??= TestData.Customer(factory).Id;
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var response = await clerk.PostFormAsync("/Intake", new()
        {
            ["CustomerId"] = customer.Value.ToString(), ["Input.TypeCode"] = ComplaintTypeCodes.LeakDiagnosis, ["Input.Channel"] = "phone",
            ["Input.ConfirmDuplicate"] = "true", ["Input.CallerIsHolder"] = "false", ["Input.CallerName"] = "세입자", ["Input.CallerPhone"] = "010-6060-7070",
            ["Input.CallerRelation"] = "tenant", ["Input.PreferredDate"] = "2026-11-27", ["Input.PreferredWindow"] = "09-12",
        }, formPage: "/Intake");
        return long.Parse(response.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
    }

    private string Field1 => factory.With(db => db.Users.Single(u => u.Email == "field1@arisu.local").Id);

    private async Task<HttpResponseMessage> BookAsync(TestClient client, long id, string date, string window, string? force = null,
        string? changeReason = null)
    {
        var version = factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == id).Version);
        var fields = new Dictionary<string, string> { ["Version"] = version.ToString(), ["StaffId"] = Field1, ["Date"] = date, ["Window"] = window, ["EntersHome"] = "true" };
        if (force is not null) fields["ForceReason"] = force;
        if (changeReason is not null)
        {
            fields["ChangeReason"] = changeReason;
            fields["ChangeAskedBy"] = "citizen";
        }
        return await client.PostFormAsync($"/Visits/Book/{id}", fields, formPage: $"/Visits/Book/{id}");
    }

    [Fact]
    public async Task A_booking_schedules_the_complaint_tells_the_caller_and_only_the_visitor_sees_and_works_it()
    {
        var household = TestData.Customer(factory).Id;
        var id = await NewDiagnosisAsync(household);
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var page = await clerk.GetPageAsync($"/Visits/Book/{id}");
        Assert.Contains("2026-11-27", page); // the citizen's preferred day is proposed
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(clerk, id, "2026-11-27", "09-12")).StatusCode);

        factory.With(db =>
        {
            var c = db.Complaints.AsNoTracking().Single(x => x.Id == id);
            Assert.Equal(ComplaintStatuses.Scheduled, c.Status);
            Assert.Equal(Field1, c.AssigneeId);
            var sms = db.OutboxMessages.AsNoTracking().Single(m => m.ComplaintId == id && m.Kind == "booked");
            Assert.Equal("010-6060-7070", sms.ToPhone);
            Assert.Contains("박현수", sms.Body); // the visitor's name (실명제)
            Assert.Contains(c.ReceptionNumber, sms.Body);
            return 0;
        });

        var visitId = factory.With(db => db.Visits.Single(v => v.ComplaintId == id).Id);
        var field2 = await TestClient.SignedInAsync(factory, "field2@arisu.local");
        Assert.DoesNotContain(factory.With(db => db.Complaints.Single(c => c.Id == id).ReceptionNumber), await field2.GetPageAsync("/Visits/Mine"));
        Assert.Equal(HttpStatusCode.NotFound, (await field2.PostFormAsync($"/Visits/Mine?handler=Arrive&id={visitId}", [], formPage: "/Visits/Mine")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await field2.PostFormAsync($"/Visits/Mine?handler=Call&id={visitId}", [], formPage: "/Visits/Mine")).StatusCode);

        var field1 = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        var mine = await field1.GetPageAsync("/Visits/Mine");
        Assert.Contains(factory.With(db => db.Complaints.Single(c => c.Id == id).ReceptionNumber), mine);
        Assert.DoesNotContain("010-6060-7070", mine);
        // The card's earlier complaints at the same connection come when it is opened, and only to the visitor.
        Assert.Contains($"?handler=History&amp;id={visitId}", mine);
        Assert.Equal(HttpStatusCode.NotFound, (await field2.Http.GetAsync($"/Visits/Mine?handler=History&id={visitId}")).StatusCode);
        var history = await field1.Http.GetStringAsync($"/Visits/Mine?handler=History&id={visitId}");
        Assert.DoesNotContain("2026-11-25", history);
        var again = await NewDiagnosisAsync(household); // the same household calls again
        history = await field1.Http.GetStringAsync($"/Visits/Mine?handler=History&id={visitId}");
        // Newest first.
        Assert.Contains($"<li>2026-11-25 {factory.With(db => db.Complaints.Where(c => c.Id == again).Select(c => c.Type!.NameKo).Single())}", history.Split("</li>")[0]);
        Assert.DoesNotContain("<html", history);
        // 전화 shows the number on the worker's own card, readable and as an RFC 3966 global tel: link; the view is recorded
        // and the next load masks it again.
        var viewsBefore = factory.With(db => db.PersonalDataAccesses.Count());
        var call = await field1.PostFormAsync($"/Visits/Mine?handler=Call&id={visitId}", [], formPage: "/Visits/Mine");
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        var called = WebUtility.HtmlDecode(await call.Content.ReadAsStringAsync());
        Assert.Matches($"id=\"phone-{visitId}\"><a class=\"btn btn-success\" href=\"tel:\\+82-10-6060-7070\"[^>]*>[^<]*<span[^>]*>010-6060-7070</span>", called);
        Assert.Equal(viewsBefore + 1, factory.With(db => db.PersonalDataAccesses.Count()));
        Assert.DoesNotContain("010-6060-7070", await field1.GetPageAsync("/Visits/Mine"));
        // Booked for the 27th, arrived on the 25th: the worker is asked to confirm it with the reason; nothing changes until then.
        var unconfirmed = await field1.PostFormAsync($"/Visits/Mine?handler=Arrive&id={visitId}", [], formPage: "/Visits/Mine");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        var asked = WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync());
        Assert.Contains("예약일(2026-11-27)이 아닌 날의 도착입니다.", asked);
        Assert.Contains($"id=\"other-day-{visitId}\"", asked);
        Assert.Equal(VisitStatuses.Booked, factory.With(db => db.Visits.AsNoTracking().Single(v => v.Id == visitId).Status));
        Assert.Equal(HttpStatusCode.Redirect, (await field1.PostFormAsync($"/Visits/Mine?handler=Arrive&id={visitId}",
            new() { ["ConfirmOtherDay"] = visitId.ToString(), ["OtherDayReason"] = "고객 요청으로 앞당김" }, formPage: "/Visits/Mine")).StatusCode);
        Assert.Contains("고객 요청으로 앞당김", factory.With(db => db.ComplaintEvents.AsNoTracking()
            .Single(e => e.ComplaintId == id && e.Kind == ComplaintEventKinds.ArrivedOtherDay).Detail));
        Assert.Equal(HttpStatusCode.Redirect, (await field1.PostFormAsync($"/Visits/Outcome/{visitId}",
            new() { ["LeakFound"] = "false", ["Result"] = "resolved", ["Note"] = "누수 없음, 사용량 정상" }, formPage: "/Visits/Mine")).StatusCode);
        Assert.Equal(ComplaintStatuses.Resolved, factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == id).Status));
        Assert.Equal(VisitStatuses.Finished, factory.With(db => db.Visits.AsNoTracking().Single(v => v.Id == visitId).Status));

        // Arrived on the 25th for a visit agreed for the 27th: the agreed time was not kept, and the dashboard says so.
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        Assert.Contains("방문 1건 중 약속 시간 준수 0건 (0.0%), 댁내 진입 1건", await chief.GetPageAsync("/Dashboard?from=2026-11&to=2026-11"));
    }

    [Fact]
    public async Task A_full_window_and_a_holiday_are_refused_unless_forced_with_a_reason()
    {
        var first = await NewDiagnosisAsync();
        var second = await NewDiagnosisAsync();
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(chief, first, "2026-11-30", "13-15")).StatusCode);

        var full = await BookAsync(chief, second, "2026-11-30", "13-15");
        Assert.Contains("시간대는 이미 1건으로 찼습니다", await full.Content.ReadAsStringAsync());
        var sunday = await BookAsync(chief, second, "2026-11-29", "09-12");
        Assert.Contains("주말이나 공휴일입니다", await sunday.Content.ReadAsStringAsync());
        Assert.Equal(ComplaintStatuses.Received, factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == second).Status));

        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(chief, second, "2026-11-30", "13-15", force: "민원인 요청으로 추가 배정")).StatusCode);
        Assert.Equal("민원인 요청으로 추가 배정", factory.With(db => db.Visits.AsNoTracking().Single(v => v.ComplaintId == second).ForcedReason));
    }

    [Fact]
    public async Task Two_clerks_taking_the_last_place_of_a_window_at_the_same_moment_do_not_both_get_it()
    {
        var first = await NewDiagnosisAsync();
        var second = await NewDiagnosisAsync();
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var results = await Task.WhenAll(BookAsync(clerk, first, "2026-11-30", "09-12"), BookAsync(chief, second, "2026-11-30", "09-12"));
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = results.Single(r => r.StatusCode != HttpStatusCode.Redirect);
        Assert.Contains("시간대는 이미 1건으로 찼습니다", await refused.Content.ReadAsStringAsync());
        Assert.Equal(1, factory.With(db => db.Visits.Count(v => v.Date == new DateOnly(2026, 11, 30) && v.Window == "09-12" && v.Status == VisitStatuses.Booked)));
    }

    [Fact]
    public async Task Rescheduling_keeps_the_history_with_who_asked_and_why_and_cancelling_reopens_the_booking()
    {
        var id = await NewDiagnosisAsync();
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(clerk, id, "2026-11-26", "09-12")).StatusCode);
        var noReason = await BookAsync(clerk, id, "2026-11-27", "13-15");
        Assert.Contains("변경 사유를 입력하세요", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(clerk, id, "2026-11-27", "13-15", changeReason: "출장 일정")).StatusCode);
        factory.With(db =>
        {
            var visits = db.Visits.AsNoTracking().Where(v => v.ComplaintId == id).OrderBy(v => v.Id).ToList();
            Assert.Equal(2, visits.Count);
            Assert.Equal(VisitStatuses.Cancelled, visits[0].Status);
            Assert.Equal("일정 변경 (민원인 요청): 출장 일정", visits[0].CancelReason);
            Assert.Equal(VisitStatuses.Booked, visits[1].Status);
            Assert.True(db.OutboxMessages.Any(m => m.ComplaintId == id && m.Kind == "rebooked"));
            return 0;
        });

        var version = factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == id).Version);
        var cancelled = await clerk.PostFormAsync($"/Visits/Book/{id}?handler=Cancel", new() { ["Version"] = version.ToString(), ["ChangeReason"] = "누수 자가 수리" },
            formPage: $"/Visits/Book/{id}");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        factory.With(db =>
        {
            Assert.Equal(ComplaintStatuses.Received, db.Complaints.AsNoTracking().Single(c => c.Id == id).Status);
            Assert.All(db.Visits.AsNoTracking().Where(v => v.ComplaintId == id), v => Assert.Equal(VisitStatuses.Cancelled, v.Status));
            Assert.True(db.OutboxMessages.Any(m => m.ComplaintId == id && m.Kind == "cancelled"));
            return 0;
        });
        Assert.Contains("방문 취소", await clerk.GetPageAsync($"/Complaints/Detail/{id}"));
    }

    [Fact]
    public async Task The_calendar_feed_shows_only_the_owners_visits_without_contact_details_and_stops_when_revoked()
    {
        var id = await NewDiagnosisAsync();
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(chief, id, "2026-11-30", "15-18")).StatusCode);
        var reception = factory.With(db => db.Complaints.Single(c => c.Id == id).ReceptionNumber);

        var field1 = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        // The list (with the visit just booked on it) says whether a feed exists: none yet, so nothing to stop.
        var before = await field1.GetPageAsync("/Visits/Mine");
        Assert.Contains(reception, before);
        Assert.DoesNotContain("handler=RevokeFeed", before);
        var issued = await field1.PostFormAsync("/Visits/Mine?handler=Feed", [], formPage: "/Visits/Mine");
        Assert.Contains("handler=RevokeFeed", await field1.GetPageAsync("/Visits/Mine"));
        var url = System.Text.RegularExpressions.Regex.Match(await issued.Content.ReadAsStringAsync(), "id=\"feed-url\"[^>]*>([^<]+)<").Groups[1].Value;
        var path = new Uri(url).PathAndQuery;
        var anonymous = TestClient.Anonymous(factory);
        var ics = await anonymous.GetPageAsync(path);
        Assert.StartsWith("BEGIN:VCALENDAR", ics);
        Assert.Contains(reception, ics);
        Assert.Contains("DTSTART;TZID=Asia/Seoul:20261130T150000", ics);
        // RFC 5545: the zone the TZIDs name is in the file, lines are folded at 75 octets, and it reads back.
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Seoul", ics);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        var parsed = Ical.Net.Calendar.Load(ics)!;
        var visit = Assert.Single(parsed.Events, e => e.Summary!.Contains(reception, StringComparison.Ordinal));
        Assert.Equal(new DateTime(2026, 11, 30, 6, 0, 0, DateTimeKind.Utc), visit.DtStart!.AsUtc);
        Assert.DoesNotContain("010-6060-7070", ics);
        Assert.DoesNotContain("세입자", ics);

        var field2 = await TestClient.SignedInAsync(factory, "field2@arisu.local");
        var other = await field2.PostFormAsync("/Visits/Mine?handler=Feed", [], formPage: "/Visits/Mine");
        var otherUrl = System.Text.RegularExpressions.Regex.Match(await other.Content.ReadAsStringAsync(), "id=\"feed-url\"[^>]*>([^<]+)<").Groups[1].Value;
        Assert.DoesNotContain(reception, await anonymous.GetPageAsync(new Uri(otherUrl).PathAndQuery));

        await field1.PostFormAsync("/Visits/Mine?handler=RevokeFeed", [], formPage: "/Visits/Mine");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);
        Assert.DoesNotContain("handler=RevokeFeed", await field1.GetPageAsync("/Visits/Mine"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/guessed-token.ics")).StatusCode);
    }

    [Fact]
    public async Task The_evening_before_each_booked_visit_gets_one_reminder()
    {
        var id = await NewDiagnosisAsync();
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(chief, id, "2026-11-26", "15-18", force: "내일 오후 요청")).StatusCode);
        async Task<int> Run()
        {
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<AriSuTotalService.Infrastructure.Notices.VisitReminderJob>().RunAsync(CancellationToken.None);
        }
        Assert.True(await Run() >= 1);
        Assert.Equal(0, await Run());
        var reminder = factory.With(db => db.OutboxMessages.AsNoTracking().Single(m => m.ComplaintId == id && m.Kind.StartsWith("reminder:")));
        Assert.Contains("내일", reminder.Body);
        Assert.Equal("010-6060-7070", reminder.ToPhone);
    }

    [Fact]
    public async Task An_exact_time_can_be_agreed_and_the_visitor_sees_the_linked_complaints()
    {
        var customer = TestData.Customer(factory).Id;
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var created = await clerk.PostFormAsync("/Intake", new() { ["CustomerId"] = customer.ToString(), ["Input.TypeCode"] = ComplaintTypeCodes.LeakDiagnosis,
            ["Input.Channel"] = "phone", ["Input.ConfirmDuplicate"] = "true", ["Input.OtherTypes"] = ComplaintTypeCodes.WaterQualityTest }, formPage: "/Intake");
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
        var version = factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == id).Version);
        var booked = await clerk.PostFormAsync($"/Visits/Book/{id}", new() { ["Version"] = version.ToString(), ["StaffId"] = Field1, ["Date"] = "2026-11-26",
            ["Window"] = "13-15", ["ExactTime"] = "14:30", ["EntersHome"] = "true" }, formPage: $"/Visits/Book/{id}");
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        Assert.Equal("14:30", factory.With(db => db.Visits.AsNoTracking().Single(v => v.ComplaintId == id).Window));
        var linked = factory.With(db => db.Complaints.Single(c => c.LinkedToId == id).ReceptionNumber);
        var field1 = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        Assert.Contains(linked, await field1.GetPageAsync("/Visits/Mine"));
    }
}
