using System.Net;
using AriSuTotalService.Web.Tests.Infrastructure;

namespace AriSuTotalService.Web.Tests.Account;

public class RoleAccessTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    [Theory]
    [InlineData("clerk@arisu.local", "/Admin/Users")]
    [InlineData("field1@arisu.local", "/Admin/Users/Create")]
    [InlineData("chief@arisu.local", "/Admin/Users")]
    [InlineData("billing@arisu.local", "/hangfire")]
    [InlineData("clerk@arisu.local", "/hangfire")]
    public async Task A_role_the_page_does_not_name_gets_403_with_a_korean_explanation(string email, string url)
    {
        var client = await TestClient.SignedInAsync(factory, email);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        if (!url.StartsWith("/hangfire", StringComparison.Ordinal))
            Assert.Contains("권한이 없습니다", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_administrator_opens_the_job_dashboard()
    {
        var client = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var response = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_request_for_the_job_dashboard_is_sent_to_sign_in()
    {
        var response = await TestClient.Anonymous(factory).GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }
}
