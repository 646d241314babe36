using System.Net;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Reductions;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Reductions;

/// <summary>"누수발견시 … 별도의 감면 신청없이": a found leak opens its reduction, repaired or not.</summary>
public class FoundLeakTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    [Fact]
    public async Task A_leak_found_but_left_for_the_plumber_opens_the_proactive_reduction_which_waits_for_the_repair_and_the_follow_up_can_be_booked()
    {
        var customer = TestData.Customer(factory).Id;
        var (diagnosis, visit) = await VisitSteps.BookForField1Async(factory, customer, ComplaintTypeCodes.LeakDiagnosis);
        var field1 = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        var recorded = await VisitSteps.RecordOutcomeAsync(field1, visit, new()
        {
            ["LeakFound"] = "true", ["LeakPlace"] = "toilet", ["Repaired"] = "false", ["Result"] = "open",
            ["Note"] = "변기 누수 확인, 고객이 배관업체에 수리 의뢰",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        var reduction = factory.With(db => db.LeakReductions.AsNoTracking().Single(r => r.DiagnosisComplaintId == diagnosis));
        Assert.Equal(ReductionSources.Visit, reduction.Source);
        Assert.Null(reduction.RepairedOn);
        Assert.Equal(Channels.Proactive, factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == reduction.ComplaintId).Channel));

        // The diagnosis is booked again for the follow-up visit.
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var version = factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == diagnosis).Version);
        var staff = factory.With(db => db.Users.Single(u => u.Email == "field1@arisu.local").Id);
        var followUp = await clerk.PostFormAsync($"/Visits/Book/{diagnosis}", new() { ["Version"] = version.ToString(), ["StaffId"] = staff,
            ["Date"] = "2026-11-27", ["Window"] = "09-12", ["EntersHome"] = "true" }, formPage: $"/Visits/Book/{diagnosis}");
        Assert.Equal(HttpStatusCode.Redirect, followUp.StatusCode);
        Assert.Equal(2, factory.With(db => db.Visits.Count(v => v.ComplaintId == diagnosis)));

        // The billing clerk records the repair with its evidence.
        var billing = await TestClient.SignedInAsync(factory, "billing@arisu.local");
        var url = $"/Reductions/Case/{reduction.Id}";
        Assert.Contains("id=\"repair-form\"", await billing.GetPageAsync(url));
        var early = await billing.PostFormAsync(url + "?handler=Repair", new() { ["Version"] = reduction.Version.ToString(), ["RepairDate"] = "2026-11-20",
            ["RepairEvidence"] = "배관업체 영수증" }, formPage: url);
        Assert.Contains("수리일은 누수를 발견한 날보다 앞설 수 없습니다.", await early.Content.ReadAsStringAsync());
        var repaired = await billing.PostFormAsync(url + "?handler=Repair", new() { ["Version"] = reduction.Version.ToString(), ["RepairDate"] = "2026-11-26",
            ["RepairEvidence"] = "배관업체 영수증 (11-26 수리)" }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, repaired.StatusCode);
        var after = factory.With(db => db.LeakReductions.AsNoTracking().Single(r => r.Id == reduction.Id));
        Assert.Equal(new DateOnly(2026, 11, 26), after.RepairedOn);
        Assert.Equal("배관업체 영수증 (11-26 수리)", after.RepairEvidence);
    }
}
