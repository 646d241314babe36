using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AriSuTotalService.Web.Tests.Browser;

/// <summary>What the outcome form offers as the field worker fills it in, in Chromium.</summary>
public class OutcomeOfferTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Choosing_rusty_water_ticks_the_indoor_pipe_support_consultation_which_the_worker_may_untick()
    {
        // A supply-inconvenience complaint with a visit of field1's today, as the booking leaves them.
        var own = TestData.Customer(browser.Factory, name: "녹물고객");
        var visit = browser.Factory.With(db =>
        {
            var office = db.Offices.Single(o => o.ShortName == AriSuTotalService.Infrastructure.Demo.DemoData.OfficeShortName).Id;
            var customer = db.Customers.Single(c => c.Id == own.Id);
            var type = db.ComplaintTypes.Single(t => t.Code == ComplaintTypeCodes.SupplyInconvenience);
            var at = browser.Factory.Clock.GetUtcNow().UtcDateTime;
            var complaint = Complaint.Receive(office, ReceptionNumber.Format(2026, "남부", 870001), at, type, Channels.Phone, customer.Id,
                "녹물이 나옴", customer.Address, at.AddDays(1), "test");
            db.Complaints.Add(complaint);
            db.SaveChanges();
            var field1 = db.Users.Single(u => u.Email == "field1@arisu.local").Id;
            var booked = new AriSuTotalService.Domain.Visits.Visit(office, complaint.Id, field1, new DateOnly(2026, 11, 25), "13-15", true, null);
            db.Visits.Add(booked);
            db.SaveChanges();
            return booked.Id;
        });
        var page = await browser.PageAsync(390, 844);
        await browser.SignInAsync(page, "field1@arisu.local");
        await page.GotoAsync($"/Visits/Outcome/{visit}");
        var piping = page.Locator($"#other-{ComplaintTypeCodes.IndoorPiping}");
        await Assertions.Expect(piping).Not.ToBeCheckedAsync();
        await page.SelectOptionAsync("#Cause", "valve_fault");
        await Assertions.Expect(piping).Not.ToBeCheckedAsync();
        await page.SelectOptionAsync("#Cause", "rusty_water");
        await Assertions.Expect(piping).ToBeCheckedAsync();
        await piping.UncheckAsync();
        await Assertions.Expect(piping).Not.ToBeCheckedAsync();
    }
}
