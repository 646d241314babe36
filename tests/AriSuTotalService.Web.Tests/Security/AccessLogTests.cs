using AriSuTotalService.Domain.Privacy;
using System.Net;
using AriSuTotalService.Infrastructure.Privacy;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Security;

public class AccessLogTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    private void Seed(DateTime atUtc, string user, string subject, string action) => factory.With(db =>
    {
        db.PersonalDataAccesses.Add(new PersonalDataAccess(db.Offices.Single().Id, atUtc, "u-" + user, user, "10.0.0.5",
            "customer", subject, action, "phone"));
        return db.SaveChanges();
    });

    [Fact]
    public void Access_log_entries_can_be_neither_changed_nor_deleted()
    {
        Seed(new DateTime(2026, 10, 2, 1, 0, 0, DateTimeKind.Utc), "clerk@arisu.local", "21-1000001", PersonalDataActions.View);
        var error = Assert.Throws<InvalidOperationException>(() => factory.With(db =>
        {
            db.PersonalDataAccesses.Remove(db.PersonalDataAccesses.First());
            return db.SaveChanges();
        }));
        Assert.Contains("append-only", error.Message);
        Assert.Throws<InvalidOperationException>(() => factory.With(db =>
        {
            var entry = db.PersonalDataAccesses.First();
            db.Entry(entry).Property(e => e.UserName).CurrentValue = "someone-else";
            return db.SaveChanges();
        }));
    }

    [Fact]
    public async Task Administrators_find_entries_by_subject_and_the_monthly_review_flags_night_downloads()
    {
        // 2026-10-14 23:30 in Seoul = 14:30 UTC: a night-time download.
        Seed(new DateTime(2026, 10, 14, 14, 30, 0, DateTimeKind.Utc), "field2@arisu.local", "20-1000099", PersonalDataActions.Download);
        Seed(new DateTime(2026, 10, 15, 2, 0, 0, DateTimeKind.Utc), "clerk@arisu.local", "21-1000002", PersonalDataActions.View);
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");

        var found = await admin.GetPageAsync("/Admin/AccessLog?subject=20-1000099");
        Assert.Contains("field2@arisu.local", found);
        Assert.Contains("내려받기", found);
        Assert.DoesNotContain("21-1000002", found);

        var review = await admin.GetPageAsync("/Admin/AccessLog/Review?month=2026-10");
        var row = review[review.IndexOf("field2@arisu.local", StringComparison.Ordinal)..];
        Assert.Contains("확인 필요", row[..row.IndexOf("</tr>", StringComparison.Ordinal)]);

        var saved = await admin.PostFormAsync("/Admin/AccessLog/Review", new() { ["month"] = "2026-10", ["Note"] = "야간 내려받기 사유 확인 완료" },
            formPage: "/Admin/AccessLog/Review?month=2026-10");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("야간 내려받기 사유 확인 완료", await admin.GetPageAsync("/Admin/AccessLog/Review?month=2026-10"));
    }

    [Fact]
    public async Task A_review_without_a_note_is_refused_beside_the_field()
    {
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var response = await admin.PostFormAsync("/Admin/AccessLog/Review", new() { ["month"] = "2026-09", ["Note"] = " " },
            formPage: "/Admin/AccessLog/Review?month=2026-09");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("점검 의견을 입력하세요.", await response.Content.ReadAsStringAsync());
        Assert.False(factory.With(db => db.AccessLogReviews.AsNoTracking().Any(r => r.Month == "2026-09")));
    }
}
