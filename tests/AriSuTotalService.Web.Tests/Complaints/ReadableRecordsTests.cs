using System.Net;
using System.Text.RegularExpressions;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Complaints;

/// <summary>A complaint's record as people read it: who acted by name, the visit's state in words, in either language.</summary>
public class ReadableRecordsTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    [Fact]
    public async Task The_timeline_names_people_and_the_visit_says_its_state_in_words()
    {
        var customer = TestData.Customer(factory);
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var created = await clerk.PostFormAsync("/Intake", new()
        {
            ["CustomerId"] = customer.Id.ToString(), ["Input.TypeCode"] = ComplaintTypeCodes.LeakDiagnosis, ["Input.Channel"] = "phone",
            ["Input.ConfirmDuplicate"] = "true", ["Input.Description"] = "계량기가 돕니다",
        }, formPage: "/Intake");
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
        var version = factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == id).Version);
        var field1 = factory.With(db => db.Users.Single(u => u.Email == "field1@arisu.local").Id);
        var booked = await clerk.PostFormAsync($"/Visits/Book/{id}", new()
            { ["Version"] = version.ToString(), ["StaffId"] = field1, ["Date"] = "2026-11-26", ["Window"] = "09-12", ["EntersHome"] = "true" },
            formPage: $"/Visits/Book/{id}");
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);

        // The page the booking leads to says what was done and who was told, once.
        var page = await clerk.GetPageAsync(booked.Headers.Location!.OriginalString);
        Assert.Contains("id=\"done\">2026-11-26 09~12시에 박현수 님의 방문을 예약했습니다. 민원인에게 안내 문자를 보냅니다.<", page);
        Assert.DoesNotContain("id=\"done\"", await clerk.GetPageAsync($"/Complaints/Detail/{id}"));
        var timeline = Regex.Match(page, "id=\"timeline\">(.*?)</ol>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("김민정", timeline);
        Assert.DoesNotContain("@arisu.local", timeline);
        Assert.Contains("박현수 · 예약됨", Regex.Match(page, "id=\"visits\">(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value);

        await clerk.PostFormAsync("/Culture", new() { ["culture"] = "en-US", ["returnUrl"] = "/" }, formPage: "/");
        var english = await clerk.GetPageAsync($"/Complaints/Detail/{id}");
        Assert.Contains("박현수 · booked", Regex.Match(english, "id=\"visits\">(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value);
    }
}
