using System.Net;
using System.Text.Json;
using AriSuTotalService.Web.Tests.Infrastructure;

namespace AriSuTotalService.Web.Tests.Account;

public class ShellTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    [Fact]
    public async Task Pages_are_korean_by_default_and_english_after_the_switch()
    {
        var client = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var korean = await client.GetPageAsync("/");
        Assert.Contains("<html lang=\"ko\">", korean);
        Assert.Contains("처리기한 초과", korean);

        var switched = await client.PostFormAsync("/Culture", new() { ["culture"] = "en-US", ["returnUrl"] = "/" }, formPage: "/");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var english = await client.GetPageAsync("/");
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("Overdue", english);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_without_sign_in(string url)
    {
        var response = await TestClient.Anonymous(factory).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readiness_checks_the_database_and_the_job_storage()
    {
        var response = await TestClient.Anonymous(factory).GetAsync("/health/ready");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var names = json.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(["database", "jobs"], names);
    }

    [Fact]
    public async Task The_home_page_shows_the_offices_figures_in_seoul_time()
    {
        var client = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var home = await client.GetPageAsync("/");
        // The fixed clock is 2026-11-25 01:00 UTC = 10:00 in Seoul.
        Assert.Contains("2026-11-25 10:00", home);
    }
}
