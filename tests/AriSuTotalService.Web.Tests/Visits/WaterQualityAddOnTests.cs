using System.Net;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Infrastructure.Visits;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Visits;

/// <summary>The plan's water-quality add-on services: a checklist on the outcome from a list the administrators keep.</summary>
public class WaterQualityAddOnTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    [Fact]
    public async Task The_outcome_of_a_water_quality_visit_offers_the_offices_add_on_services_as_a_checklist_and_keeps_those_ticked()
    {
        var customer = TestData.Customer(factory).Id;
        var (complaint, visit) = await VisitSteps.BookForField1Async(factory, customer, ComplaintTypeCodes.WaterQualityTest);
        var field1 = await TestClient.SignedInAsync(factory, "field1@arisu.local");

        // Until an administrator keeps a list: the two the plan names.
        var form = await field1.GetPageAsync($"/Visits/Outcome/{visit}");
        foreach (var item in WaterQualityAddOns.PlanDefaults) Assert.Contains($"value=\"{item}\"", form);

        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var refused = await admin.PostFormAsync("/Admin/AddOns", new() { ["Lines"] = "수도꼭지 청소\n수도꼭지 청소" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("두 번 있습니다: 수도꼭지 청소", await refused.Content.ReadAsStringAsync());
        Assert.Contains("한글로 입력하세요", await (await admin.PostFormAsync("/Admin/AddOns", new() { ["Lines"] = "faucet cleaning" })).Content.ReadAsStringAsync());
        var saved = await admin.PostFormAsync("/Admin/AddOns", new() { ["Lines"] = "고무호스 제거 안내\n주방기구 위생검사\n수도꼭지 청소\n\n" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("value=\"수도꼭지 청소\"", await field1.GetPageAsync($"/Visits/Outcome/{visit}"));

        var response = await field1.PostMultipartAsync($"/Visits/Outcome/{visit}",
        [
            new("Result", "resolved"), new("Note", "수질 측정 후 안내"), new("Chlorine", "0.2"), new("Iron", "0.05"),
            new("AddOnItems", "수도꼭지 청소"), new("AddOnItems", "고무호스 제거 안내"), new("AddOns", "정수기 필터 교체 권고"),
        ], "Photo", null);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var outcome = factory.With(db => db.VisitOutcomes.AsNoTracking().Single(o => o.VisitId == visit));
        // In the list's order, then what was written beside it.
        Assert.Equal("고무호스 제거 안내; 수도꼭지 청소; 정수기 필터 교체 권고", outcome.AddOns);
        Assert.Equal(ComplaintStatuses.Resolved, factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == complaint).Status));
    }

    [Fact]
    public async Task Rusty_water_on_a_supply_visit_offers_the_indoor_pipe_support_consultation_as_a_linked_complaint()
    {
        var customer = TestData.Customer(factory).Id;
        var (_, visit) = await VisitSteps.BookForField1Async(factory, customer, ComplaintTypeCodes.SupplyInconvenience);
        var field1 = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        var form = await field1.GetPageAsync($"/Visits/Outcome/{visit}");
        // Choosing rusty water ticks the indoor-piping complaint (site.js); the box is there to tick without script too.
        Assert.Contains($"data-offer-on=\"rusty_water\" data-offer=\"other-{ComplaintTypeCodes.IndoorPiping}\"", form);
        Assert.Contains($"id=\"other-{ComplaintTypeCodes.IndoorPiping}\"", form);
    }

    [Theory]
    [InlineData("Iron", "1000000", "철 측정값은 0~100 mg/L 사이여야 합니다.")]
    [InlineData("Ph", "15", "pH 측정값은 0~14 사이여야 합니다.")]
    [InlineData("Turbidity", "-0.1", "탁도 측정값은 0~1000 NTU 사이여야 합니다.")]
    public async Task A_reading_beyond_what_a_field_test_can_show_is_refused_and_nothing_is_stored(string field, string value, string refusal)
    {
        var customer = TestData.Customer(factory).Id;
        var (complaint, visit) = await VisitSteps.BookForField1Async(factory, customer, ComplaintTypeCodes.WaterQualityTest);
        var field1 = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        var response = await field1.PostMultipartAsync($"/Visits/Outcome/{visit}",
            [new("Result", "resolved"), new("Note", "수질 측정"), new(field, value)], "Photo", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(refusal, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.False(factory.With(db => db.VisitOutcomes.Any(o => o.VisitId == visit)));
        Assert.NotEqual(ComplaintStatuses.Resolved, factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == complaint).Status));
    }

    [Fact]
    public async Task A_reading_is_kept_to_three_decimals_as_the_column_stores_it()
    {
        var customer = TestData.Customer(factory).Id;
        var (_, visit) = await VisitSteps.BookForField1Async(factory, customer, ComplaintTypeCodes.WaterQualityTest);
        var field1 = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        var response = await field1.PostMultipartAsync($"/Visits/Outcome/{visit}",
            [new("Result", "resolved"), new("Note", "수질 측정"), new("Chlorine", "0.12345"), new("Ph", "7.0006")], "Photo", null);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var outcome = factory.With(db => db.VisitOutcomes.AsNoTracking().Single(o => o.VisitId == visit));
        Assert.Equal((0.123m, 7.001m), (outcome.ResidualChlorine!.Value, outcome.Ph!.Value));
    }
}
