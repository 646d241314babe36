using System.Net;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Web.Tests.Infrastructure;

namespace AriSuTotalService.Web.Tests.Account;

public class SignInTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    [Fact]
    public async Task Anonymous_request_for_a_page_is_sent_to_sign_in()
    {
        var response = await TestClient.Anonymous(factory).GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("admin@arisu.local", "관리자")]
    [InlineData("clerk@arisu.local", "김민정")]
    [InlineData("field1@arisu.local", "박현수")]
    [InlineData("field2@arisu.local", "이지훈")]
    [InlineData("billing@arisu.local", "최은영")]
    [InlineData("chief@arisu.local", "정태호")]
    public async Task Each_demo_account_signs_in_and_sees_its_name_and_office(string email, string name)
    {
        var client = await TestClient.SignedInAsync(factory, email);
        var home = await client.GetPageAsync("/");
        Assert.Contains(name, home);
        Assert.Contains("남부수도사업소", home);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_the_email_kept()
    {
        var client = TestClient.Anonymous(factory);
        var response = await client.SignInAsync("billing@arisu.local", "wrong-password-123");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("전자우편 또는 비밀번호가 올바르지 않습니다.", html);
        Assert.Contains("value=\"billing@arisu.local\"", html);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_with_the_right_password_afterwards()
    {
        var client = TestClient.Anonymous(factory);
        for (var i = 0; i < 5; i++) await client.SignInAsync("field2@arisu.local", "not-the-password-1");
        var response = await client.SignInAsync("field2@arisu.local", DemoData.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("계정이 잠겼습니다", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var response = await client.PostFormAsync("/Account/Logout", [], formPage: "/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site_lax()
    {
        var client = TestClient.Anonymous(factory);
        var response = await client.SignInAsync("chief@arisu.local", DemoData.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Arisu.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_empty_sign_in_names_each_field_with_the_particle_its_word_takes()
    {
        var page = await (await TestClient.Anonymous(factory).PostFormAsync("/Account/Login", new() { ["Input.Email"] = "", ["Input.Password"] = "" }))
            .Content.ReadAsStringAsync();
        Assert.Contains("전자우편을 입력하세요.", page);
        Assert.Contains("비밀번호를 입력하세요.", page);
        Assert.DoesNotContain("을(를)", page);
    }

    [Fact]
    public async Task Field_staff_start_on_their_visits_and_others_on_the_overview()
    {
        var field = await TestClient.Anonymous(factory).SignInAsync("field1@arisu.local", DemoData.Password);
        Assert.Equal("/Visits/Mine", field.Headers.Location!.OriginalString);
        var clerk = await TestClient.Anonymous(factory).SignInAsync("clerk@arisu.local", DemoData.Password);
        Assert.Equal("/", clerk.Headers.Location!.OriginalString);
    }
}
