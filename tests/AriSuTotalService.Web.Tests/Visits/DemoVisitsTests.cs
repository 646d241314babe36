using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Visits;
using AriSuTotalService.Domain.Reductions;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Visits;

/// <summary>The demo office opens with its field staff's coming working days booked, so *내 방문* shows what a day looks like.</summary>
public class DemoVisitsTests(DemoVisitsTests.Factory factory) : IClassFixture<DemoVisitsTests.Factory>
{
    public sealed class Factory : ArisuFactory
    {
        protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?> { ["Demo:Visits"] = "true", ["Demo:ComplaintsPerYear"] = "3000" };
    }

    [Fact]
    public async Task The_demo_field_staff_find_their_visits_booked_on_working_days_for_open_complaints()
    {
        var field1 = factory.With(db => db.Users.Single(u => u.Email == "field1@arisu.local").Id);
        var visits = factory.With(db => db.Visits.AsNoTracking().Where(v => v.StaffId == field1 && v.Date >= new DateOnly(2026, 11, 25)).ToList()); // the coming ones
        Assert.NotEmpty(visits);
        Assert.All(visits, v => Assert.True(v.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && v.Status == VisitStatuses.Booked));
        var complaints = visits.Select(v => v.ComplaintId).ToList();
        Assert.All(factory.With(db => db.Complaints.AsNoTracking().Where(c => complaints.Contains(c.Id)).Select(c => c.Status).ToList()),
            s => Assert.Equal(ComplaintStatuses.Scheduled, s));

        var client = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        var page = await client.GetPageAsync("/Visits/Mine");
        var reception = factory.With(db => db.Complaints.Single(c => c.Id == visits[0].ComplaintId).ReceptionNumber);
        Assert.Contains(reception, page);
    }

    [Fact]
    public async Task The_demo_billing_desk_has_reductions_waiting_for_review_and_the_chief_a_frozen_monthly_report()
    {
        var waiting = factory.With(db => db.LeakReductions.AsNoTracking().Where(r => r.Status == ReductionStatuses.Pending)
            .Join(db.Complaints, r => r.ComplaintId, c => c.Id, (r, c) => new { r.TotalWon, r.VisitId, c.ReceptionNumber }).ToList());
        Assert.InRange(waiting.Count, 1, DemoSeeder.PastLeaks);
        Assert.All(waiting, r => Assert.True(r.TotalWon > 0 && r.VisitId != null));
        var billing = await TestClient.SignedInAsync(factory, "billing@arisu.local");
        var list = await billing.GetPageAsync("/Reductions");
        Assert.All(waiting, r => Assert.Contains(r.ReceptionNumber, list));

        // The month before last is frozen when the office starts (October, on 2026-11-25).
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        Assert.Contains("2026-10", await chief.GetPageAsync("/Reports"));
        Assert.True(factory.With(db => db.ReportSnapshots.Any(s => s.Period == new DateOnly(2026, 10, 1))));
    }
}
