using System.Net;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Complaints;

/// <summary>Divisions as the plan assigns them.</summary>
public class DivisionRulesTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    private async Task<string> ReductionDivisionAfterRepairedLeakAsync()
    {
        var customer = TestData.Customer(factory).Id;
        var (diagnosis, visit) = await VisitSteps.BookForField1Async(factory, customer, ComplaintTypeCodes.LeakDiagnosis);
        var field1 = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        var response = await VisitSteps.RecordOutcomeAsync(field1, visit, new()
        {
            ["LeakFound"] = "true", ["LeakPlace"] = "toilet", ["Repaired"] = "true", ["RepairedBy"] = "배관업체", ["Result"] = "resolved",
            ["Note"] = "변기 부속 교체",
        }, VisitSteps.Jpeg);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return factory.With(db => db.Complaints.AsNoTracking()
            .Single(c => c.LinkedToId == diagnosis && c.Type!.Code == ComplaintTypeCodes.LeakFeeReduction).Division);
    }

    /// <summary>A water-quality complaint taken on the phone by the clerk for a demo customer; its id.</summary>
    private async Task<long> WaterQualityIntakeAsync()
    {
        var customer = TestData.Customer(factory).Id;
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var created = await clerk.PostFormAsync("/Intake", new() { ["CustomerId"] = customer.ToString(), ["Input.TypeCode"] = ComplaintTypeCodes.WaterQualityTest,
            ["Input.Channel"] = "phone", ["Input.ConfirmDuplicate"] = "true" }, formPage: "/Intake");
        return long.Parse(created.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
    }

    [Fact]
    public async Task The_reduction_a_diagnosis_opens_belongs_to_administrative_support_unless_the_office_chose_another_division()
    {
        Assert.Equal(Divisions.AdministrativeSupport, await ReductionDivisionAfterRepairedLeakAsync());

        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var refused = await admin.PostFormAsync("/Admin/ComplaintTypes?handler=ProactiveDivision", new() { ["ProactiveDivision"] = "없는과" }, formPage: "/Admin/ComplaintTypes");
        Assert.Contains("알 수 없는 부서입니다.", await refused.Content.ReadAsStringAsync());
        var saved = await admin.PostFormAsync("/Admin/ComplaintTypes?handler=ProactiveDivision", new() { ["ProactiveDivision"] = Divisions.Billing }, formPage: "/Admin/ComplaintTypes");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Equal(Divisions.Billing, await ReductionDivisionAfterRepairedLeakAsync());
    }

    [Fact]
    public async Task A_water_quality_complaint_belongs_to_administrative_support()
    {
        var id = await WaterQualityIntakeAsync();
        Assert.Equal(Divisions.AdministrativeSupport, factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == id).Division));
    }

    [Fact]
    public async Task An_office_may_give_water_quality_complaints_its_own_division_without_changing_the_catalogue()
    {
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var saved = await admin.PostFormAsync("/Admin/ComplaintTypes?handler=OwnDivision",
            new() { ["OwnType"] = ComplaintTypeCodes.WaterQualityTest, ["OwnDivision"] = Divisions.WaterQualityTeam }, formPage: "/Admin/ComplaintTypes");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = await WaterQualityIntakeAsync();
        Assert.Equal(Divisions.WaterQualityTeam, factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == id).Division));
        Assert.Equal(Divisions.AdministrativeSupport, factory.With(db => db.ComplaintTypes.AsNoTracking().Single(t => t.Code == ComplaintTypeCodes.WaterQualityTest).HandlingDivision));

        // Back to the catalogue's division.
        await admin.PostFormAsync("/Admin/ComplaintTypes?handler=OwnDivision", new() { ["OwnType"] = ComplaintTypeCodes.WaterQualityTest, ["OwnDivision"] = "" },
            formPage: "/Admin/ComplaintTypes");
        Assert.False(factory.With(db => db.AppSettings.Any(s => s.Key == "division.type." + ComplaintTypeCodes.WaterQualityTest)));
    }
}
