using System.Net;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Complaints;

/// <summary>A pause and what closes the complaint after it, on a clock of its own (the test moves it by days).</summary>
public class PauseClosingTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    private async Task<(long Id, Guid Version)> NewComplaintAsync(string type)
    {
        var customerId = TestData.Customer(factory).Id;
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var response = await clerk.PostFormAsync("/Intake", new()
        {
            ["CustomerId"] = customerId.ToString(), ["Input.TypeCode"] = type, ["Input.Channel"] = "phone", ["Input.ConfirmDuplicate"] = "true",
        }, formPage: "/Intake");
        var id = long.Parse(response.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
        return (id, factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == id).Version));
    }

    private static Dictionary<string, string> Act(Guid version, string text) => new() { ["Version"] = version.ToString(), ["Text"] = text };

    [Fact]
    public async Task Resolving_a_paused_complaint_resumes_it_first_so_the_pause_never_counts_as_late()
    {
        var (id, version) = await NewComplaintAsync(ComplaintTypeCodes.SupplyInconvenience);
        var before = factory.With(db => db.Complaints.AsNoTracking().Single(x => x.Id == id).DeadlineAtUtc);
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var url = $"/Complaints/Detail/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostFormAsync(url + "?handler=Pause", Act(version, "단수 구간 확인 요청"), formPage: url)).StatusCode);
        var pausedAt = SeoulTime.ToLocal(factory.Clock.GetUtcNow().UtcDateTime);
        // Paused for longer than the whole period was: resolved now, it is on time only if the pause moved the deadline.
        factory.Clock.Advance(TimeSpan.FromDays(2));
        var resolvedAt = SeoulTime.ToLocal(factory.Clock.GetUtcNow().UtcDateTime);
        var paused = factory.With(db => db.Complaints.AsNoTracking().Single(x => x.Id == id));
        clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostFormAsync(url + "?handler=Resolve", Act(paused.Version, "단수 구간 복구 완료"), formPage: url)).StatusCode);
        var done = factory.With(db => db.Complaints.AsNoTracking().Include(x => x.Events).Single(x => x.Id == id));
        var calendar = factory.With(db => new DeadlineCalendar(db.PublicHolidays.Select(h => h.Date).ToList()));
        var expected = SeoulTime.ToUtc(calendar.AfterPause(SeoulTime.ToLocal(before), pausedAt, resolvedAt));
        Assert.Equal(expected, done.DeadlineAtUtc);
        Assert.True(done.DeadlineAtUtc > before);
        Assert.Equal(ComplaintStatuses.Resolved, done.Status);
        Assert.Null(done.PausedAtUtc);
        Assert.Equal(["resumed", "resolved"], done.Events.OrderBy(e => e.Id).Select(e => e.Kind).TakeLast(2));
    }
}
