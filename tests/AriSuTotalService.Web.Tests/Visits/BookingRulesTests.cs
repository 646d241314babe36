using System.Net;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Visits;

/// <summary>
/// The booking's dates (the booking horizon and the complaint's deadline, unless a reason is given), and every refusal
/// of the booking, cancelling, leave and reassignment forms beside its field with what was typed kept.
/// </summary>
public class BookingRulesTests(BookingRulesTests.Factory factory) : IClassFixture<BookingRulesTests.Factory>
{
    /// <summary>A one-day booking horizon, so a day past it and still within a diagnosis's deadline exists.</summary>
    public sealed class Factory : ArisuFactory
    {
        protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>(base.Settings())
        {
            ["Visits:HorizonDays"] = "1",
        };
    }

    private string Field1 => factory.With(db => db.Users.Single(u => u.Email == "field1@arisu.local").Id);

    private async Task<TestData.NewComplaint> DiagnosisAsync()
    {
        var customer = TestData.Customer(factory);
        return await TestData.ComplaintAsync(factory, ComplaintTypeCodes.LeakDiagnosis, customer.Id);
    }

    private DateOnly DeadlineOf(long id) =>
        DateOnly.FromDateTime(SeoulTime.ToLocal(factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == id).DeadlineAtUtc)));

    private static DateOnly NextWeekday(DateOnly d)
    {
        while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) d = d.AddDays(1);
        return d;
    }

    private Task<HttpResponseMessage> BookAsync(TestClient client, long id, Dictionary<string, string> fields)
    {
        fields["Version"] = factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == id).Version).ToString();
        return client.PostFormAsync($"/Visits/Book/{id}", fields, formPage: $"/Visits/Book/{id}");
    }

    private (int Visits, int Messages) Saved(long id) => factory.With(db =>
        (db.Visits.Count(v => v.ComplaintId == id), db.OutboxMessages.Count(m => m.ComplaintId == id)));

    [Fact]
    public async Task A_day_after_the_deadline_is_refused_beside_the_date_unless_a_reason_is_given()
    {
        var complaint = await DiagnosisAsync();
        var before = Saved(complaint.Id);
        var deadline = DeadlineOf(complaint.Id);
        var late = NextWeekday(deadline.AddDays(1)).ToString("yyyy-MM-dd");
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");

        var refused = await BookAsync(clerk, complaint.Id, new() { ["StaffId"] = Field1, ["Date"] = late, ["Window"] = "13-15", ["EntersHome"] = "true" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Matches($"id=\"Date_error\">처리기한\\({deadline:yyyy-MM-dd}\\) 뒤의 날짜입니다", page);
        Assert.Contains($"value=\"{late}\"", page); // what the clerk chose is kept
        Assert.Equal(before, Saved(complaint.Id));

        var forced = await BookAsync(clerk, complaint.Id, new()
            { ["StaffId"] = Field1, ["Date"] = late, ["Window"] = "13-15", ["EntersHome"] = "true", ["ForceReason"] = "민원인 출장으로 기한 뒤 방문 요청" });
        Assert.Equal(HttpStatusCode.Redirect, forced.StatusCode);
        Assert.Equal("민원인 출장으로 기한 뒤 방문 요청", factory.With(db => db.Visits.AsNoTracking().Single(v => v.ComplaintId == complaint.Id).ForcedReason));
    }

    [Fact]
    public async Task A_day_past_the_booking_horizon_is_refused_unless_a_reason_is_given()
    {
        var complaint = await DiagnosisAsync();
        // Today is Wednesday 2026-11-25; with a one-day horizon Friday is past it, and within the diagnosis's deadline.
        Assert.True(DeadlineOf(complaint.Id) >= new DateOnly(2026, 11, 27));
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var refused = await BookAsync(clerk, complaint.Id, new() { ["StaffId"] = Field1, ["Date"] = "2026-11-27", ["Window"] = "15-18", ["EntersHome"] = "true" });
        Assert.Contains("id=\"Date_error\">예약은 오늘부터 1일 안의 날짜로 잡습니다", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, Saved(complaint.Id).Visits);

        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(clerk, complaint.Id, new()
            { ["StaffId"] = Field1, ["Date"] = "2026-11-26", ["Window"] = "15-18", ["EntersHome"] = "true" })).StatusCode);
    }

    [Fact]
    public async Task An_empty_booking_form_names_each_missing_field_beside_it_and_a_bad_exact_time_beside_the_time()
    {
        var complaint = await DiagnosisAsync();
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var page = await (await BookAsync(clerk, complaint.Id, new() { ["StaffId"] = "", ["Window"] = "", ["EntersHome"] = "true", ["ForceReason"] = "전화로 요청" }))
            .Content.ReadAsStringAsync();
        Assert.Contains("id=\"StaffId_error\">직원을 고르세요.", page);
        Assert.Contains("id=\"Date_error\">날짜를 고르세요.", page);
        Assert.Contains("id=\"Window_error\">시간대를 고르세요.", page);
        Assert.Contains("value=\"전화로 요청\"", page);

        page = await (await BookAsync(clerk, complaint.Id, new() { ["StaffId"] = Field1, ["Date"] = "2026-11-26", ["Window"] = "09-12", ["ExactTime"] = "25:99" }))
            .Content.ReadAsStringAsync();
        Assert.Contains("id=\"ExactTime_error\">정확한 시각은 HH:mm 형식으로 입력하세요.", page);
        Assert.Equal(0, Saved(complaint.Id).Visits);
    }

    [Fact]
    public async Task Cancelling_without_a_reason_is_refused_beside_the_reason_and_the_visit_stays_booked()
    {
        var complaint = await DiagnosisAsync();
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(clerk, complaint.Id, new()
            { ["StaffId"] = Field1, ["Date"] = "2026-11-26", ["Window"] = "09-12", ["EntersHome"] = "true" })).StatusCode);
        var messages = Saved(complaint.Id).Messages;
        var version = factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == complaint.Id).Version).ToString();
        var refused = await clerk.PostFormAsync($"/Visits/Book/{complaint.Id}?handler=Cancel", new() { ["Version"] = version, ["ChangeReason"] = " " },
            formPage: $"/Visits/Book/{complaint.Id}");
        Assert.Contains("id=\"ChangeReason_error\">방문 취소 사유를 입력하세요.", await refused.Content.ReadAsStringAsync());
        factory.With(db =>
        {
            Assert.Equal("booked", db.Visits.AsNoTracking().Single(v => v.ComplaintId == complaint.Id).Status);
            Assert.Equal(ComplaintStatuses.Scheduled, db.Complaints.AsNoTracking().Single(c => c.Id == complaint.Id).Status);
            return 0;
        });
        Assert.Equal(messages, Saved(complaint.Id).Messages);
    }

    [Fact]
    public async Task Leave_ending_before_it_starts_and_a_handover_to_nobody_are_refused_beside_their_fields()
    {
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var field2 = factory.With(db => db.Users.Single(u => u.Email == "field2@arisu.local").Id);
        var leaves = factory.With(db => db.StaffLeaves.Count());
        var page = await (await chief.PostFormAsync("/Visits/Leave", new() { ["StaffId"] = field2, ["From"] = "2026-12-10", ["To"] = "2026-12-08", ["Reason"] = "연가" },
            formPage: "/Visits/Leave")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"To_error\">끝나는 날이 시작하는 날보다 앞섭니다.", page);
        Assert.Contains("value=\"2026-12-10\"", page);
        Assert.Equal(leaves, factory.With(db => db.StaffLeaves.Count()));

        // A visit booked in a leave is listed for handing over; handing it over to nobody is refused.
        var complaint = await DiagnosisAsync();
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(clerk, complaint.Id, new()
            { ["StaffId"] = field2, ["Date"] = "2026-11-26", ["Window"] = "15-18", ["EntersHome"] = "true" })).StatusCode);
        page = await (await chief.PostFormAsync("/Visits/Leave", new() { ["StaffId"] = field2, ["From"] = "2026-11-26", ["To"] = "2026-11-26", ["Reason"] = "병가" },
            formPage: "/Visits/Leave")).Content.ReadAsStringAsync();
        Assert.Contains(complaint.Reception, page);
        page = await (await chief.PostFormAsync("/Visits/Leave?handler=Reassign", new() { ["ToStaffId"] = "" }, formPage: "/Visits/Leave"))
            .Content.ReadAsStringAsync();
        Assert.Contains("id=\"VisitIds_error\">넘길 방문을 고르세요.", page);
        Assert.Contains("id=\"ToStaffId_error\">넘겨받을 직원을 고르세요.", page);
        Assert.Equal(field2, factory.With(db => db.Visits.AsNoTracking().Single(v => v.ComplaintId == complaint.Id).StaffId));
    }

    [Fact]
    public async Task The_booking_grid_shows_one_day_whose_free_cells_fill_in_the_staff_member_and_window()
    {
        var customer = TestData.Customer(factory);
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var created = await clerk.PostFormAsync("/Intake", new()
        {
            ["CustomerId"] = customer.Id.ToString(), ["Input.TypeCode"] = ComplaintTypeCodes.LeakDiagnosis, ["Input.Channel"] = "phone",
            ["Input.ConfirmDuplicate"] = "true", ["Input.PreferredDate"] = "2026-11-26", ["Input.PreferredWindow"] = "13-15",
        }, formPage: "/Intake");
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);

        // Opened: the citizen's preferred day, its cell marked.
        var page = await clerk.GetPageAsync($"/Visits/Book/{id}");
        Assert.Contains("id=\"grid-day\">2026-11-26", page);
        Assert.Matches("class=\"[^\"]*table-primary[^\"]*\">\\s*<a href=\"\\?day=2026-11-26&amp;staff=[^\"]+&amp;window=13-15\"", page);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "<caption"));

        // A cell chosen: that day, staff member and window fill the form.
        var field1 = Field1;
        page = await clerk.GetPageAsync($"/Visits/Book/{id}?day=2026-11-27&staff={field1}&window=15-18");
        Assert.Contains("id=\"grid-day\">2026-11-27", page);
        Assert.Contains($"<option value=\"{field1}\" selected=\"selected\">", page);
        Assert.Contains("id=\"Date\" name=\"Date\" type=\"date\" value=\"2026-11-27\"", page);
        Assert.Contains("<option value=\"15-18\" selected=\"selected\">", page);
        Assert.Contains("aria-current=\"true\"", page);
    }
}
