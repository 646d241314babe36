using System.Net;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Infrastructure.Identity;
using AriSuTotalService.Infrastructure.Privacy;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AriSuTotalService.Web.Tests.Complaints;

public class CaseManagementTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    /// <summary>A fresh open complaint of the demo office, registered through the intake page.</summary>
    private async Task<(long Id, Guid Version, string Reception)> NewComplaintAsync(string type = ComplaintTypeCodes.SupplyInconvenience,
        string? callerPhone = null)
    {
        var customerId = TestData.Customer(factory).Id;
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var fields = new Dictionary<string, string>
        {
            ["CustomerId"] = customerId.ToString(), ["Input.TypeCode"] = type, ["Input.Channel"] = "phone",
            ["Input.Description"] = "연락처 010-2222-3333 으로 전화 주세요", ["Input.ConfirmDuplicate"] = "true",
        };
        if (callerPhone is not null)
        {
            fields["Input.CallerIsHolder"] = "false";
            fields["Input.CallerName"] = "관리인박";
            fields["Input.CallerPhone"] = callerPhone;
            fields["Input.CallerRelation"] = CallerRelations.BuildingManager;
        }
        var response = await clerk.PostFormAsync("/Intake", fields, formPage: "/Intake");
        var id = long.Parse(response.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
        return factory.With(db => db.Complaints.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Id, c.Version, c.ReceptionNumber })
            .AsEnumerable().Select(c => (c.Id, c.Version, c.ReceptionNumber)).Single());
    }

    private static Dictionary<string, string> Act(Guid version, string text, params (string, string)[] more)
    {
        var d = new Dictionary<string, string> { ["Version"] = version.ToString(), ["Text"] = text };
        foreach (var (k, v) in more) d[k] = v;
        return d;
    }

    [Fact]
    public async Task A_transferred_complaint_waits_on_the_receiving_divisions_page_until_its_result_resolves_it()
    {
        var (id, version, reception) = await NewComplaintAsync();
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var transferred = await chief.PostFormAsync($"/Complaints/Detail/{id}?handler=Transfer",
            Act(version, "밸브 교체 필요", ("TargetDivision", Divisions.FacilitiesManagement)), formPage: $"/Complaints/Detail/{id}");
        Assert.Equal(HttpStatusCode.Redirect, transferred.StatusCode);

        using (var scope = factory.Services.CreateScope())
        {
            var setup = scope.ServiceProvider.GetRequiredService<IdentitySetup>();
            var officeId = scope.ServiceProvider.GetRequiredService<AriSuTotalService.Infrastructure.Data.ArisuDbContext>().Offices.Single(o => o.ShortName == "남부").Id;
            if (!factory.With(db => db.Users.Any(u => u.Email == "facility@arisu.local")))
                await setup.CreateUserAsync("facility@arisu.local", "facility-pass-2026", Roles.FieldStaff, officeId, Divisions.FacilitiesManagement, "시설담당", null);
        }
        var facility = await TestClient.SignedInAsync(factory, "facility@arisu.local", "facility-pass-2026");
        var inbox = await facility.GetPageAsync("/Complaints/Transferred");
        Assert.Contains(reception, inbox);
        Assert.Contains("밸브 교체 필요", inbox);

        var current = factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == id));
        Assert.Equal(ComplaintStatuses.Transferred, current.Status);
        var reported = await facility.PostFormAsync($"/Complaints/Detail/{id}?handler=Result", Act(current.Version, "밸브 교체 완료"),
            formPage: $"/Complaints/Detail/{id}");
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        var done = factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == id));
        Assert.Equal(ComplaintStatuses.Resolved, done.Status);
        Assert.DoesNotContain(reception, await facility.GetPageAsync("/Complaints/Transferred"));
        var detail = await facility.GetPageAsync($"/Complaints/Detail/{id}");
        Assert.Contains("이첩 처리 결과", detail);
    }

    [Fact]
    public async Task Two_people_saving_the_same_complaint_at_once_one_wins_and_the_other_sees_what_changed_with_input_kept()
    {
        var (id, version, _) = await NewComplaintAsync();
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var url = $"/Complaints/Detail/{id}";
        var results = await Task.WhenAll(
            clerk.PostFormAsync(url + "?handler=Resolve", Act(version, "현장 확인 후 정상 공급 확인"), formPage: url),
            chief.PostFormAsync(url + "?handler=Cancel", Act(version, "중복 접수로 취소"), formPage: url));
        var evs = factory.With(db => string.Join(" | ", db.ComplaintEvents.Where(e => e.ComplaintId == id).Select(e => e.Kind + ":" + e.By)));
        Assert.True(results.Count(r => r.StatusCode == HttpStatusCode.Redirect) == 1, evs + " // " + string.Join(",", results.Select(r => (int)r.StatusCode)));
        var loser = Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        var html = await loser.Content.ReadAsStringAsync();
        Assert.Contains("다른 사용자가 먼저 이 민원을 변경했습니다", html);
        Assert.True(html.Contains("현장 확인 후 정상 공급 확인") || html.Contains("중복 접수로 취소"));
        var final = factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == id));
        Assert.True(final.Status is ComplaintStatuses.Resolved or ComplaintStatuses.Cancelled);
    }

    [Fact]
    public async Task A_stale_form_never_overwrites_a_newer_change()
    {
        var (id, version, _) = await NewComplaintAsync();
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var url = $"/Complaints/Detail/{id}";
        var first = await clerk.PostFormAsync(url + "?handler=Pause", Act(version, "현장 사진 요청"), formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var stale = await clerk.PostFormAsync(url + "?handler=Resolve", Act(version, "처리 완료 메모"), formPage: url);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("보완 요청됨", html);
        Assert.Contains("처리 완료 메모", html);
        Assert.Equal(ComplaintStatuses.Received, factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == id).Status));
    }

    [Fact]
    public async Task Personal_data_is_masked_until_revealed_and_each_reveal_is_recorded()
    {
        var (id, _, reception) = await NewComplaintAsync(callerPhone: "010-4444-9876");
        var customer = factory.With(db => db.Customers.AsNoTracking().Single(c => c.Id == db.Complaints.Single(x => x.Id == id).CustomerId));
        var field = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        var masked = await field.GetPageAsync($"/Complaints/Detail/{id}");
        Assert.DoesNotContain(customer.HolderName, masked);
        Assert.DoesNotContain(customer.Phone, masked);
        Assert.DoesNotContain("010-4444-9876", masked);
        Assert.DoesNotContain("010-2222-3333", masked);
        Assert.Contains(Masking.Name(customer.HolderName), masked);

        var list = await field.GetPageAsync("/Complaints?q=" + reception);
        Assert.Contains(reception, list);
        Assert.DoesNotContain(customer.HolderName, list);

        // Need-to-know: not yet this field worker's complaint, so the reveal is refused and the attempt recorded.
        var refused = await field.PostFormAsync($"/Complaints/Detail/{id}?handler=Reveal", [], formPage: $"/Complaints/Detail/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(customer.Phone, await refused.Content.ReadAsStringAsync());
        Assert.Equal(PersonalDataActions.Refused, factory.With(db => db.PersonalDataAccesses.AsNoTracking().Single(a => a.SubjectKey == reception)).Action);

        var field1 = factory.With(db => db.Users.Single(u => u.Email == "field1@arisu.local").Id);
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var version = factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == id).Version);
        Assert.Equal(HttpStatusCode.Redirect, (await chief.PostFormAsync($"/Complaints/Detail/{id}?handler=Assign",
            new() { ["Version"] = version.ToString(), ["AssigneeId"] = field1 }, formPage: $"/Complaints/Detail/{id}")).StatusCode);

        var revealed = await field.PostFormAsync($"/Complaints/Detail/{id}?handler=Reveal", [], formPage: $"/Complaints/Detail/{id}");
        var html = await revealed.Content.ReadAsStringAsync();
        Assert.Contains(customer.Phone, html);
        Assert.Contains("010-4444-9876", html);
        var entry = factory.With(db => db.PersonalDataAccesses.AsNoTracking().Where(a => a.SubjectKey == reception).OrderBy(a => a.Id).Last());
        Assert.Equal("field1@arisu.local", entry.UserName);
        Assert.Equal(PersonalDataActions.View, entry.Action);
    }

    [Fact]
    public async Task The_list_export_is_masked_and_recorded_as_a_download()
    {
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var response = await chief.GetAsync("/Complaints?handler=Export&status=open");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("\uFEFFreception_number,", csv);
        var names = factory.With(db => db.Customers.Select(c => c.HolderName).ToList());
        Assert.DoesNotContain(names, n => csv.Contains("," + n + ",", StringComparison.Ordinal));
        Assert.True(factory.With(db => db.PersonalDataAccesses.Any(a => a.SubjectKind == "complaint_list" && a.Action == PersonalDataActions.Download)));
    }

    [Fact]
    public async Task A_complaint_of_another_office_cannot_be_reached_by_its_id()
    {
        var otherId = factory.With(db =>
        {
            var office = new AriSuTotalService.Domain.Offices.Office("북부수도사업소", "북부", ["도봉구"]);
            db.Offices.Add(office);
            db.SaveChanges();
            var type = db.ComplaintTypes.Single(t => t.Code == ComplaintTypeCodes.NameChange);
            var c = Complaint.Receive(office.Id, "2026-북부-000001", DateTime.UtcNow, type, Channels.Phone, null, "비밀", "도봉구 어딘가", DateTime.UtcNow.AddDays(1), "test");
            db.Complaints.Add(c);
            db.SaveChanges();
            return c.Id;
        });
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        Assert.Equal(HttpStatusCode.NotFound, (await chief.GetAsync($"/Complaints/Detail/{otherId}")).StatusCode);
        Assert.DoesNotContain("2026-북부-000001", await chief.GetPageAsync("/Complaints?q=2026-북부"));
    }

    [Fact]
    public async Task A_deadline_is_extended_once_within_the_period_and_the_caller_is_told_by_sms()
    {
        var (id, version, reception) = await NewComplaintAsync(ComplaintTypeCodes.SupplyInconvenience, callerPhone: "010-3131-2424");
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var url = $"/Complaints/Detail/{id}";
        // One working day (8 h): received Wednesday, due Thursday; an extension may add one more working day, to Friday.
        var deadline = SeoulTime.ToLocal(factory.With(db => db.Complaints.AsNoTracking().Single(x => x.Id == id).DeadlineAtUtc));
        Assert.Equal(DayOfWeek.Thursday, deadline.DayOfWeek);
        var limit = deadline.AddDays(1);
        var tooFar = await chief.PostFormAsync(url + "?handler=Extend", Act(version, "부품 수급", ("NewDeadline", limit.AddHours(1).ToString("yyyy-MM-ddTHH:mm"))), formPage: url);
        Assert.Contains("처리기간의 범위를 넘어", await tooFar.Content.ReadAsStringAsync());
        var ok = await chief.PostFormAsync(url + "?handler=Extend", Act(version, "부품 수급", ("NewDeadline", limit.ToString("yyyy-MM-ddTHH:mm"))), formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var c = factory.With(db => db.Complaints.AsNoTracking().Single(x => x.Id == id));
        Assert.Equal(SeoulTime.ToUtc(limit), c.DeadlineAtUtc);
        var sms = factory.With(db => db.OutboxMessages.AsNoTracking().Single(m => m.ComplaintId == id));
        Assert.Equal("010-3131-2424", sms.ToPhone);
        Assert.Contains(reception, sms.Body);
        var again = await chief.PostFormAsync(url + "?handler=Extend", Act(c.Version, "또 연장", ("NewDeadline", limit.AddHours(1).ToString("yyyy-MM-ddTHH:mm"))), formPage: url);
        Assert.Contains("한 차례만", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_pause_stops_the_clock_and_resuming_moves_the_deadline_by_the_paused_working_time()
    {
        var (id, version, _) = await NewComplaintAsync(ComplaintTypeCodes.LeakDiagnosis);
        var before = factory.With(db => db.Complaints.AsNoTracking().Single(x => x.Id == id).DeadlineAtUtc);
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var url = $"/Complaints/Detail/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostFormAsync(url + "?handler=Pause", Act(version, "누수 부위 사진 요청"), formPage: url)).StatusCode);
        Assert.True(factory.With(db => db.OutboxMessages.Any(m => m.ComplaintId == id && m.Kind == "paused")));
        var pausedAt = SeoulTime.ToLocal(factory.Clock.GetUtcNow().UtcDateTime);
        factory.Clock.Advance(TimeSpan.FromHours(3));
        var resumedAt = SeoulTime.ToLocal(factory.Clock.GetUtcNow().UtcDateTime);
        var paused = factory.With(db => db.Complaints.AsNoTracking().Single(x => x.Id == id));
        clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local"); // the idle session expired meanwhile
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostFormAsync(url + "?handler=Resume", Act(paused.Version, ""), formPage: url)).StatusCode);
        var after = factory.With(db => db.Complaints.AsNoTracking().Single(x => x.Id == id).DeadlineAtUtc);
        var pausedWork = new DeadlineCalendar([]).WorkingTimeBetween(pausedAt, resumedAt);
        Assert.True(pausedWork > TimeSpan.Zero);
        Assert.Equal(SeoulTime.ToUtc(new DeadlineCalendar([]).AddWorkingTime(SeoulTime.ToLocal(before), pausedWork)), after);
    }
}
