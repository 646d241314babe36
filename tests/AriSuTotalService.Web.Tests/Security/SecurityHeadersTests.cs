using System.Net;
using AriSuTotalService.Web.Tests.Infrastructure;

namespace AriSuTotalService.Web.Tests.Security;

public class SecurityHeadersTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/health")]
    [InlineData("/lib/bootstrap/css/bootstrap.min.css")]
    [InlineData("/no-such-page")]
    public async Task Every_answer_carries_the_security_headers_and_no_server_header(string url)
    {
        var response = await TestClient.Anonymous(factory).GetAsync(url);
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Pages_have_no_inline_script()
    {
        var client = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        foreach (var url in new[] { "/", "/Admin/Users", "/Admin/Users/Create", "/Admin/ApiKeys", "/Admin/AccessLog", "/Account/Login" })
        {
            var html = await client.GetPageAsync(url);
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
            Assert.DoesNotMatch("\\son(click|load|change|submit)=", html);
        }
    }

    [Fact]
    public async Task An_unknown_page_is_a_korean_404()
    {
        var client = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var response = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("찾을 수 없습니다", await response.Content.ReadAsStringAsync());
    }
}
