using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Visits;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Visits;

public partial class OutcomeTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    private static readonly byte[] Jpeg = VisitSteps.Jpeg;

    /// <summary>A complaint of the given type with a visit booked for field1.</summary>
    private Task<(long Complaint, long Visit)> BookedAsync(string type) =>
        VisitSteps.BookForField1Async(factory, TestData.Customer(factory).Id, type);

    private static Task<HttpResponseMessage> PostOutcomeAsync(TestClient client, long visit, Dictionary<string, string> fields, byte[]? photo = null, string name = "photo.jpg") =>
        VisitSteps.RecordOutcomeAsync(client, visit, fields, photo, name);

    [Fact]
    public async Task A_linked_complaint_on_the_card_is_recorded_and_closed_in_the_same_visit_or_nothing_is_saved()
    {
        var customer = TestData.Customer(factory);
        var main = await TestData.ComplaintAsync(factory, ComplaintTypeCodes.LeakDiagnosis, customer.Id, others: [ComplaintTypeCodes.WaterQualityTest]);
        var linked = factory.With(db => db.Complaints.AsNoTracking().Single(c => c.LinkedToId == main.Id));
        var visit = await VisitSteps.BookExistingAsync(factory, await TestClient.SignedInAsync(factory, "clerk@arisu.local"), main.Id);
        var field1 = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        Assert.Contains($"{linked.ReceptionNumber}", await field1.GetPageAsync("/Visits/Mine")); // on the card
        Assert.Contains($"id=\"also-{linked.Id}\"", await field1.GetPageAsync($"/Visits/Outcome/{visit}"));

        // Nobody home: nothing can be closed with it.
        var noShow = await PostOutcomeAsync(field1, visit, new() { ["Result"] = VisitResults.NoShow, ["Note"] = "부재", ["AlsoResolved"] = linked.Id.ToString() });
        Assert.Equal(HttpStatusCode.OK, noShow.StatusCode);
        Assert.Contains("만나지 못한 방문에서는 연계 민원을 함께 처리할 수 없습니다.", WebUtility.HtmlDecode(await noShow.Content.ReadAsStringAsync()));
        // A complaint not linked with the visit's is refused, and with it the whole outcome.
        var unrelated = await TestData.ComplaintAsync(factory, ComplaintTypeCodes.WaterQualityTest, TestData.Customer(factory).Id);
        var wrong = await PostOutcomeAsync(field1, visit, new() { ["LeakFound"] = "false", ["Result"] = VisitResults.Resolved, ["Note"] = "누수 없음",
            ["AlsoResolved"] = unrelated.Id.ToString() });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("이 방문에서 함께 처리할 수 없는 민원입니다", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        factory.With(db =>
        {
            Assert.Equal(VisitStatuses.Booked, db.Visits.AsNoTracking().Single(v => v.Id == visit).Status);
            Assert.False(db.VisitOutcomes.Any(o => o.VisitId == visit));
            Assert.Equal(ComplaintStatuses.Received, db.Complaints.AsNoTracking().Single(c => c.Id == unrelated.Id).Status);
            return 0;
        });

        var done = await PostOutcomeAsync(field1, visit, new() { ["LeakFound"] = "false", ["Result"] = VisitResults.Resolved,
            ["Note"] = "누수 없음, 수질 5개 항목 측정 기준 이내", ["AlsoResolved"] = linked.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var closed = factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == linked.Id));
        Assert.Equal(ComplaintStatuses.Resolved, closed.Status);
        Assert.Equal($"{main.Reception} 방문에서 함께 처리: 누수 없음, 수질 5개 항목 측정 기준 이내", closed.Resolution);
        Assert.Contains($"함께 처리한 연계 민원 {linked.ReceptionNumber}도 종결했습니다.", WebUtility.HtmlDecode(await field1.GetPageAsync("/Visits/Mine")));
    }

    [Fact]
    public async Task A_repaired_leak_with_a_photo_and_another_problem_resolves_the_diagnosis_and_links_the_new_complaint()
    {
        var (complaint, visit) = await BookedAsync(ComplaintTypeCodes.LeakDiagnosis);
        var field1 = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        var response = await PostOutcomeAsync(field1, visit, new()
        {
            ["LeakFound"] = "true", ["LeakPlace"] = "toilet", ["Repaired"] = "true", ["RepairedBy"] = "배관업체", ["ReadingBefore"] = "1200",
            ["ReadingAfter"] = "1201", ["Result"] = "resolved", ["Note"] = "변기 부속 교체로 누수 해소", ["OtherTypes"] = ComplaintTypeCodes.IndoorPiping,
        }, Jpeg);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        factory.With(db =>
        {
            Assert.Equal(ComplaintStatuses.Resolved, db.Complaints.AsNoTracking().Single(c => c.Id == complaint).Status);
            Assert.Equal(VisitStatuses.Finished, db.Visits.AsNoTracking().Single(v => v.Id == visit).Status);
            var outcome = db.VisitOutcomes.AsNoTracking().Single(o => o.VisitId == visit);
            Assert.True(outcome.LeakRepaired);
            var derived = db.Complaints.AsNoTracking().Include(c => c.Type).Single(c => c.LinkedToId == complaint && c.Channel == Channels.Derived);
            Assert.Equal(ComplaintTypeCodes.IndoorPiping, derived.Type!.Code);
            Assert.Equal(Channels.Derived, derived.Channel);
            Assert.Single(db.VisitPhotos.AsNoTracking().Where(p => p.VisitId == visit));
            return 0;
        });

        var photoId = factory.With(db => db.VisitPhotos.Single(p => p.VisitId == visit).Id);
        var field2 = await TestClient.SignedInAsync(factory, "field2@arisu.local");
        Assert.Equal(HttpStatusCode.NotFound, (await field2.GetAsync($"/Visits/Outcome/{visit}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await field2.GetAsync($"/Visits/Outcome/{visit}?handler=Photo&photoId={photoId}")).StatusCode);
        var own = await field1.GetAsync($"/Visits/Outcome/{visit}?handler=Photo&photoId={photoId}");
        Assert.Equal("image/jpeg", own.Content.Headers.ContentType!.MediaType);
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        Assert.Equal(HttpStatusCode.OK, (await chief.GetAsync($"/Visits/Outcome/{visit}?handler=Photo&photoId={photoId}")).StatusCode);
    }

    [Fact]
    public async Task A_photo_that_is_not_an_image_is_refused_beside_the_field_and_nothing_is_recorded()
    {
        var (complaint, visit) = await BookedAsync(ComplaintTypeCodes.LeakDiagnosis);
        var field1 = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        var response = await PostOutcomeAsync(field1, visit, new() { ["LeakFound"] = "false", ["Result"] = "resolved", ["Note"] = "누수 없음" },
            "<html>not a photo</html>"u8.ToArray(), "photo.jpg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("사진 파일(JPEG, PNG, WebP, HEIC)만", await response.Content.ReadAsStringAsync());
        Assert.Equal(VisitStatuses.Booked, factory.With(db => db.Visits.AsNoTracking().Single(v => v.Id == visit).Status));
        Assert.Equal(ComplaintStatuses.Scheduled, factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == complaint).Status));
    }

    [Fact]
    public async Task A_valve_fault_is_transferred_and_nobody_home_sends_the_complaint_back_for_rebooking()
    {
        var (supply, supplyVisit) = await BookedAsync(ComplaintTypeCodes.SupplyInconvenience);
        var field1 = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        Assert.Equal(HttpStatusCode.Redirect, (await PostOutcomeAsync(field1, supplyVisit, new()
        {
            ["Cause"] = "valve_fault", ["FixedOnSite"] = "false", ["Result"] = "open", ["Note"] = "계량기 앞 밸브 고장",
            ["TransferDivision"] = Divisions.FacilitiesManagement, ["TransferReason"] = "밸브 교체 필요",
        })).StatusCode);
        var transferred = factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == supply));
        Assert.Equal(ComplaintStatuses.Transferred, transferred.Status);
        Assert.Equal(Divisions.FacilitiesManagement, transferred.Division);

        var (diagnosis, diagnosisVisit) = await BookedAsync(ComplaintTypeCodes.LeakDiagnosis);
        Assert.Equal(HttpStatusCode.Redirect, (await PostOutcomeAsync(field1, diagnosisVisit, new() { ["Result"] = "no_show", ["Note"] = "초인종 응답 없음" })).StatusCode);
        Assert.Equal(ComplaintStatuses.Received, factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == diagnosis).Status));
        Assert.Equal(VisitStatuses.Cancelled, factory.With(db => db.Visits.AsNoTracking().Single(v => v.Id == diagnosisVisit).Status));
    }

}
