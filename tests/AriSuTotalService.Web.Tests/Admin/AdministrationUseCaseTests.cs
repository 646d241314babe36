using System.Net;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Admin;

/// <summary>
/// The administrators' and the panel coordinator's changes go through their use cases: the refusals are the use
/// case's, beside their fields and in the reader's language, and what is saved is what the rules made of the input.
/// </summary>
public class AdministrationUseCaseTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    private async Task<TestClient> EnglishAsync(string email)
    {
        var client = await TestClient.SignedInAsync(factory, email);
        await client.PostFormAsync("/Culture", new() { ["culture"] = "en-US", ["returnUrl"] = "/" }, formPage: "/");
        return client;
    }

    [Fact]
    public async Task A_key_without_a_name_is_refused_beside_the_name_and_no_key_or_log_entry_is_left()
    {
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var before = factory.With(db => (db.ApiKeys.Count(), db.PermissionChanges.Count()));
        var page = await (await admin.PostFormAsync("/Admin/ApiKeys?handler=Create", new() { ["Name"] = " ", ["Scopes"] = "open311" }, formPage: "/Admin/ApiKeys"))
            .Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Name\"[^>]*>키 이름을 입력하세요.<", page);
        Assert.Equal(before, factory.With(db => (db.ApiKeys.Count(), db.PermissionChanges.Count())));

        var issued = await admin.PostFormAsync("/Admin/ApiKeys?handler=Create", new() { ["Name"] = "민원 콜센터", ["Scopes"] = "open311" }, formPage: "/Admin/ApiKeys");
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Equal((before.Item1 + 1, before.Item2 + 1), factory.With(db => (db.ApiKeys.Count(), db.PermissionChanges.Count())));
    }

    [Fact]
    public async Task An_unknown_placeholder_in_a_message_text_is_named_in_the_readers_language_and_nothing_is_saved()
    {
        var admin = await EnglishAsync("admin@arisu.local");
        var saved = factory.With(db => db.MessageTemplates.Count());
        var page = WebUtility.HtmlDecode(await (await admin.PostFormAsync("/Admin/MessageTemplates", new() { ["Texts[booked]"] = "{date} {nope} 방문 예정" }))
            .Content.ReadAsStringAsync());
        Assert.Contains("Unknown placeholders: {nope}", page);
        Assert.Contains("{date} {nope} 방문 예정", page); // what was typed is kept
        Assert.Equal(saved, factory.With(db => db.MessageTemplates.Count()));
    }

    [Fact]
    public async Task A_panel_member_s_number_is_read_as_the_numbering_plan_reads_it_and_a_number_it_does_not_know_is_refused()
    {
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var refused = await (await chief.PostFormAsync("/Evaluations/Members", new() { ["Name"] = "시민평가", ["Phone"] = "12345" })).Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Phone\"[^>]*>올바른 전화번호가 아닙니다.<", refused);
        Assert.False(factory.With(db => db.PanelMembers.Any(m => m.Name == "시민평가")));

        Assert.Equal(HttpStatusCode.Redirect, (await chief.PostFormAsync("/Evaluations/Members", new() { ["Name"] = "시민평가", ["Phone"] = "01098765432" })).StatusCode);
        Assert.Equal("010-9876-5432", factory.With(db => db.PanelMembers.AsNoTracking().Single(m => m.Name == "시민평가").Phone));
    }

    [Fact]
    public async Task A_holiday_added_is_said_without_a_particle_guess_and_in_english_in_english()
    {
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var added = await admin.PostFormAsync("/Admin/Holidays", new() { ["Date"] = "2027-12-24", ["Name"] = "성탄 전야", ["Kind"] = "one_off" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await admin.GetPageAsync(added.Headers.Location!.OriginalString);
        Assert.Contains("2027-12-24 성탄 전야: 공휴일로 등록했습니다.", page);
        Assert.DoesNotContain("을(를)", page);

        var english = await EnglishAsync("admin@arisu.local");
        var twice = WebUtility.HtmlDecode(await (await english.PostFormAsync("/Admin/Holidays", new() { ["Date"] = "2027-12-24", ["Name"] = "성탄 전야", ["Kind"] = "one_off" }))
            .Content.ReadAsStringAsync());
        Assert.Contains("The date is already registered.", twice);
    }

    [Fact]
    public async Task A_price_out_of_range_and_a_period_of_nothing_are_refused_beside_their_fields_in_the_rule_s_own_words()
    {
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var tariffs = factory.With(db => db.TariffRates.Count());
        var page = await (await admin.PostFormAsync("/Admin/Tariffs?handler=Tariff", new()
        {
            ["Tariff.UseType"] = "가정용", ["Tariff.Charge"] = "water", ["Tariff.EffectiveFrom"] = "2027-01-01", ["Tariff.FromM3"] = "0", ["Tariff.Price"] = "200000",
        }, formPage: "/Admin/Tariffs")).Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Tariff.Price\"[^>]*>단가는 0원 이상 100,000원 이하로 입력하세요.<", page);
        Assert.Equal(tariffs, factory.With(db => db.TariffRates.Count()));

        page = await (await admin.PostFormAsync("/Admin/ComplaintTypes", new()
        {
            ["Input.Code"] = "NEW_TYPE", ["Input.NameKo"] = "새 유형", ["Input.Field"] = "works", ["Input.Division"] = "현장민원과", ["Input.Unit"] = "Days", ["Input.Value"] = "0",
        }, formPage: "/Admin/ComplaintTypes")).Content.ReadAsStringAsync();
        Assert.Matches("name=\"Input.Value\"[^>]*/>\\s*<span class=\"field-validation-error\">처리기간은 1~365 사이여야 합니다.<", page);
        Assert.False(factory.With(db => db.ComplaintTypes.Any(t => t.Code == "NEW_TYPE")));
    }
}
