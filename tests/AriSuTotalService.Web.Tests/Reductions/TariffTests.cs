using System.Net;
using AriSuTotalService.Domain.Customers;
using AriSuTotalService.Domain.Reductions;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Reductions;

/// <summary>The tariff tables administrators maintain, and that a new price row is what the next computation uses.</summary>
public class TariffTests(ArisuFactory fixture) : ReductionTestsBase(fixture), IClassFixture<ArisuFactory>
{
    [Fact]
    public async Task A_bad_price_is_refused_beside_its_field_and_a_new_price_is_used_from_its_effective_date()
    {
        var admin = await TestClient.SignedInAsync(Fixture, "admin@arisu.local");
        var page = await admin.GetPageAsync("/Admin/Tariffs");
        Assert.Contains("예시", page);
        Assert.Contains("580", page);

        var before = Fixture.With(db => db.TariffRates.Count());
        var bad = await admin.PostFormAsync("/Admin/Tariffs?handler=Tariff", new()
        {
            ["Tariff.Charge"] = Charges.Water, ["Tariff.UseType"] = UseTypes.Household, ["Tariff.EffectiveFrom"] = "2026-11-01",
            ["Tariff.FromM3"] = "0", ["Tariff.Price"] = "-5", ["Tariff.Note"] = "2026 인상",
        }, formPage: "/Admin/Tariffs");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("단가는 0원 이상 100,000원 이하로 입력하세요.", body);
        Assert.Contains("value=\"2026 인상\"", body);
        Assert.Equal(before, Fixture.With(db => db.TariffRates.Count()));

        var good = await admin.PostFormAsync("/Admin/Tariffs?handler=Tariff", new()
        {
            ["Tariff.Charge"] = Charges.Water, ["Tariff.UseType"] = UseTypes.Household, ["Tariff.EffectiveFrom"] = "2026-11-01",
            ["Tariff.FromM3"] = "0", ["Tariff.Price"] = "700", ["Tariff.Note"] = "2026 인상",
        }, formPage: "/Admin/Tariffs");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var twice = await admin.PostFormAsync("/Admin/Tariffs?handler=Tariff", new()
        {
            ["Tariff.Charge"] = Charges.Water, ["Tariff.UseType"] = UseTypes.Household, ["Tariff.EffectiveFrom"] = "2026-11-01",
            ["Tariff.FromM3"] = "0", ["Tariff.Price"] = "710",
        }, formPage: "/Admin/Tariffs");
        Assert.Contains("이미 있습니다", await twice.Content.ReadAsStringAsync());

        // A leak period ending 2026-11-25 is priced at 700; the same usage a month earlier at 580.
        const string account = "31-7100001";
        var diagnosis = await RepairedLeakAsync(await CustomerAsync(account));
        await LeakReadingAsync(account, 60);
        var r = ReductionOf(diagnosis);
        Assert.Equal(22 * 700, r.WaterWon);

        var billing = await TestClient.SignedInAsync(Fixture, "billing@arisu.local");
        Assert.Equal(HttpStatusCode.Redirect, (await billing.PostFieldsAsync($"/Reductions/Case/{r.Id}?handler=Adjust",
            [new("Version", r.Version.ToString()), new("LeakEnd", "2026-10-25"), new("NormalEnds", "2026-08-25"), new("NormalEnds", "2026-09-25"),
             new("AdjustReason", "고지된 10월분에 누수 반영")])).StatusCode);
        var adjusted = ReductionOf(diagnosis);
        Assert.Equal(new DateOnly(2026, 10, 25), adjusted.LeakPeriodEnd);
        Assert.Equal(NormalBases.Reviewer, adjusted.Basis);
        Assert.Equal(0, adjusted.LeakVolumeM3); // October's 15 m³ was normal
        Assert.NotNull(adjusted.ProposedRejection);

        // Reductions already computed keep their amounts when a row is deleted.
        var id = Fixture.With(db => db.TariffRates.Single(t => t.EffectiveFrom == new DateOnly(2026, 11, 1) && t.Charge == Charges.Water).Id);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Tariffs?handler=Delete&id={id}&kind=tariff", [], formPage: "/Admin/Tariffs")).StatusCode);
        Assert.Equal(adjusted.TotalWon, Fixture.With(db => db.LeakReductions.AsNoTracking().Single(x => x.Id == r.Id).TotalWon));
        Assert.Equal(HttpStatusCode.Forbidden, (await billing.GetAsync("/Admin/Tariffs")).StatusCode);
    }
}
