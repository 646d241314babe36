using System.Net;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Admin;

public class MessageTemplateTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    [Fact]
    public async Task The_administrators_wording_is_what_the_citizen_receives_and_a_typo_in_a_placeholder_is_refused()
    {
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var typo = await admin.PostFormAsync("/Admin/MessageTemplates", new() { ["Texts[booked]"] = "{date} {vistor} 방문" }, formPage: "/Admin/MessageTemplates");
        Assert.Contains("알 수 없는 자리표시: {vistor}", await typo.Content.ReadAsStringAsync());
        var saved = await admin.PostFormAsync("/Admin/MessageTemplates",
            new() { ["Texts[booked]"] = "[남부] {date} {window} {visitor} 주무관이 방문합니다 ({reception})" }, formPage: "/Admin/MessageTemplates");
        Assert.Contains("저장했습니다", await saved.Content.ReadAsStringAsync());

        var customer = TestData.Customer(factory).Id;
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var created = await clerk.PostFormAsync("/Intake", new() { ["CustomerId"] = customer.ToString(), ["Input.TypeCode"] = ComplaintTypeCodes.LeakDiagnosis,
            ["Input.Channel"] = "phone", ["Input.ConfirmDuplicate"] = "true" }, formPage: "/Intake");
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
        var version = factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == id).Version);
        var staff = factory.With(db => db.Users.Single(u => u.Email == "field2@arisu.local").Id);
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostFormAsync($"/Visits/Book/{id}", new() { ["Version"] = version.ToString(), ["StaffId"] = staff,
            ["Date"] = "2026-11-30", ["Window"] = "09-12", ["EntersHome"] = "true" }, formPage: $"/Visits/Book/{id}")).StatusCode);
        var reception = factory.With(db => db.Complaints.Single(c => c.Id == id).ReceptionNumber);
        var body = factory.With(db => db.OutboxMessages.AsNoTracking().Single(m => m.ComplaintId == id && m.Kind == "booked").Body);
        Assert.Equal($"[남부] 11월 30일 09~12시 이지훈 주무관이 방문합니다 ({reception})", body);
    }
}
