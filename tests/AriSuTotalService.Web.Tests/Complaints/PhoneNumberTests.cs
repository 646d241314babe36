using System.Net;
using AriSuTotalService.Infrastructure.Notices;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Complaints;

/// <summary>Phone numbers as people write them, read by the numbering plan.</summary>
public class PhoneNumberTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    [Theory]
    [InlineData("010-1234-5678", "010-1234-5678", "+821012345678")]
    [InlineData("01012345678", "010-1234-5678", "+821012345678")]
    [InlineData("+82 10-1234-5678", "010-1234-5678", "+821012345678")]
    [InlineData("02 2600 0002", "02-2600-0002", "+82226000002")]
    [InlineData("1588-1234", "1588-1234", "+8215881234")]
    [InlineData("0505-123-4567", "050-5123-4567", "+825051234567")]
    public void Numbers_the_plan_knows_are_kept_national_and_sent_in_e164(string written, string national, string e164)
    {
        Assert.True(KoreanPhone.TryParse(written, out var n, out var e));
        Assert.Equal(national, n);
        Assert.Equal(e164, e);
    }

    [Theory]
    [InlineData("010-12")]
    [InlineData("123")]
    [InlineData("+1 202-555-0100")]
    [InlineData("전화번호")]
    public void Numbers_the_plan_does_not_know_are_refused(string written) => Assert.False(KoreanPhone.TryParse(written, out _, out _));

    [Fact]
    public async Task The_intake_takes_a_representative_number_and_keeps_an_82_number_in_the_national_form()
    {
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        foreach (var (written, kept) in new[] { ("1588-1234", "1588-1234"), ("+82 10-2345-6789", "010-2345-6789") })
        {
            var created = await clerk.PostFormAsync("/Intake", new()
            {
                ["Input.TypeCode"] = "OUTDOOR_LEAK", ["Input.Channel"] = "phone", ["Input.Location"] = "관악로 앞 보도",
                ["Input.CallerIsHolder"] = "false", ["Input.CallerName"] = "행인", ["Input.CallerPhone"] = written,
            }, formPage: "/Intake");
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            var id = long.Parse(created.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
            Assert.Equal(kept, factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == id).CallerPhone));
        }
        var refused = await clerk.PostFormAsync("/Intake", new()
        {
            ["Input.TypeCode"] = "OUTDOOR_LEAK", ["Input.Channel"] = "phone", ["Input.Location"] = "관악로 앞 보도",
            ["Input.CallerIsHolder"] = "false", ["Input.CallerName"] = "행인", ["Input.CallerPhone"] = "010-12",
        }, formPage: "/Intake");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("전화번호 형식이 아닙니다", await refused.Content.ReadAsStringAsync());
    }
}
