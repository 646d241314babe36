using System.Net;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Visits;

public class LeaveTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    private async Task<long> BookedForField1Async(string date)
    {
        var customer = TestData.Customer(factory).Id;
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var created = await clerk.PostFormAsync("/Intake", new() { ["CustomerId"] = customer.ToString(), ["Input.TypeCode"] = ComplaintTypeCodes.WaterQualityTest,
            ["Input.Channel"] = "phone", ["Input.ConfirmDuplicate"] = "true" }, formPage: "/Intake");
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
        var version = factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == id).Version);
        var staff = factory.With(db => db.Users.Single(u => u.Email == "field1@arisu.local").Id);
        var booked = await clerk.PostFormAsync($"/Visits/Book/{id}", new() { ["Version"] = version.ToString(), ["StaffId"] = staff, ["Date"] = date,
            ["Window"] = "09-12", ["EntersHome"] = "true" }, formPage: $"/Visits/Book/{id}");
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        return id;
    }

    [Fact]
    public async Task Leave_blocks_new_bookings_and_its_visits_are_handed_over_in_one_go_with_the_citizens_told()
    {
        var booked = await BookedForField1Async("2026-11-26");
        var field1 = factory.With(db => db.Users.Single(u => u.Email == "field1@arisu.local").Id);
        var field2 = factory.With(db => db.Users.Single(u => u.Email == "field2@arisu.local").Id);
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var leave = await chief.PostFormAsync("/Visits/Leave", new() { ["StaffId"] = field1, ["From"] = "2026-11-26", ["To"] = "2026-11-27", ["Reason"] = "연가" },
            formPage: "/Visits/Leave");
        var page = await leave.Content.ReadAsStringAsync();
        var reception = factory.With(db => db.Complaints.Single(c => c.Id == booked).ReceptionNumber);
        Assert.Contains(reception, page);

        // A new booking for field1 on those days is refused.
        var other = await BookedForField1Async("2026-11-30");
        var version = factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == other).Version);
        var refused = await chief.PostFormAsync($"/Visits/Book/{other}", new() { ["Version"] = version.ToString(), ["StaffId"] = field1, ["Date"] = "2026-11-27",
            ["Window"] = "13-15", ["EntersHome"] = "true", ["ChangeReason"] = "일정 변경", ["ChangeAskedBy"] = "citizen" }, formPage: $"/Visits/Book/{other}");
        Assert.Contains("휴가·부재입니다", await refused.Content.ReadAsStringAsync());

        var visitId = factory.With(db => db.Visits.Single(v => v.ComplaintId == booked && v.Status == "booked").Id);
        var moved = await chief.PostFormAsync("/Visits/Leave?handler=Reassign", new() { ["VisitIds"] = visitId.ToString(), ["ToStaffId"] = field2 }, formPage: "/Visits/Leave");
        Assert.Contains("방문 1건을 넘기고", await moved.Content.ReadAsStringAsync());
        factory.With(db =>
        {
            Assert.Equal(field2, db.Visits.AsNoTracking().Single(v => v.Id == visitId).StaffId);
            Assert.Equal(field2, db.Complaints.AsNoTracking().Single(c => c.Id == booked).AssigneeId);
            Assert.Contains(db.OutboxMessages.AsNoTracking().Where(m => m.ComplaintId == booked && m.Kind == "rebooked").Select(m => m.Body).ToList(), b => b.Contains("이지훈"));
            return 0;
        });
        var field1Client = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await field1Client.GetAsync("/Visits/Leave")).StatusCode);
    }
}
