using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AriSuTotalService.Web.Tests.Browser;

/// <summary>What the outcome form offers as the field worker fills it in, in Chromium.</summary>
public class OutcomeOfferTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>A supply-inconvenience complaint with a visit of field1's today, as the booking leaves them.</summary>
    private long SupplyVisitOfField1(string customerName, int serial)
    {
        var own = TestData.Customer(browser.Factory, name: customerName);
        return browser.Factory.With(db =>
        {
            var office = db.Offices.Single(o => o.ShortName == AriSuTotalService.Infrastructure.Demo.DemoData.OfficeShortName).Id;
            var customer = db.Customers.Single(c => c.Id == own.Id);
            var type = db.ComplaintTypes.Single(t => t.Code == ComplaintTypeCodes.SupplyInconvenience);
            var at = browser.Factory.Clock.GetUtcNow().UtcDateTime;
            var complaint = Complaint.Receive(office, ReceptionNumber.Format(2026, "남부", serial), at, type, Channels.Phone, customer.Id,
                "녹물이 나옴", customer.Address, at.AddDays(1), "test");
            db.Complaints.Add(complaint);
            db.SaveChanges();
            var field1 = db.Users.Single(u => u.Email == "field1@arisu.local").Id;
            var booked = new AriSuTotalService.Domain.Visits.Visit(office, complaint.Id, field1, new DateOnly(2026, 11, 25), "13-15", true, null);
            db.Visits.Add(booked);
            db.SaveChanges();
            return booked.Id;
        });
    }

    [Fact]
    public async Task On_a_phone_every_choice_is_a_target_of_at_least_44_pixels_and_a_refused_outcome_brings_its_first_refusal_into_view()
    {
        var visit = SupplyVisitOfField1("터치고객", 870002);
        var page = await browser.PageAsync(360, 740);
        await browser.SignInAsync(page, "field1@arisu.local");
        await page.GotoAsync($"/Visits/Outcome/{visit}");
        var small = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll("main input[type=radio], main input[type=checkbox]")]
              .filter(i => i.offsetParent !== null)
              .filter(i => {
                const label = i.id ? document.querySelector(`label[for="${i.id}"]`) : null;
                const a = i.getBoundingClientRect(), b = label ? label.getBoundingClientRect() : a;
                const h = Math.max(a.bottom, b.bottom) - Math.min(a.top, b.top), w = Math.max(a.right, b.right) - Math.min(a.left, b.left);
                return h < 44 || w < 44;
              }).map(i => i.id || i.name)
            """);
        Assert.True(small.Length == 0, "smaller than 44 px: " + string.Join(", ", small));

        // Sent without what it needs: the page comes back with the first refusal in view and its field focused.
        await page.GetByRole(AriaRole.Button, new() { Name = "방문 결과 저장" }).ClickAsync();
        await page.WaitForURLAsync($"**/Visits/Outcome/{visit}");
        // The page may scroll smoothly: wait until the refusal is in view, then the focus is on a field.
        await Assertions.Expect(page.Locator("main .field-validation-error:not(:empty)").First).ToBeInViewportAsync();
        Assert.Contains(await page.EvaluateAsync<string>("() => document.activeElement.tagName"), new[] { "INPUT", "SELECT", "TEXTAREA" });
    }

    [Fact]
    public async Task Choosing_rusty_water_ticks_the_indoor_pipe_support_consultation_which_the_worker_may_untick()
    {
        var visit = SupplyVisitOfField1("녹물고객", 870001);
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
