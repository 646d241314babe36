using System.Net;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Web.Tests.Infrastructure;

namespace AriSuTotalService.Web.Tests.Security;

/// <summary>
/// Every page and endpoint of the running app × anonymous and each role → the expected answer. The endpoints are
/// discovered, so a new page cannot escape; one without a declared policy fails.
/// </summary>
public class AuthorizationMatrixTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    private static readonly IReadOnlyDictionary<string, string> AccountOf = DemoAccounts.ByRole;

    [Fact]
    public void Every_page_and_endpoint_declares_who_may_use_it()
    {
        var undeclared = EndpointCatalog.All(factory)
            .Where(e => e.Kind != "asset" && !e.AllowsAnonymous && e.Roles.Count == 0 && e.Policies.Count == 0)
            .Select(e => e.Pattern).ToList();
        Assert.True(undeclared.Count == 0, "endpoints without a declared role or policy: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void Static_assets_are_only_files_of_wwwroot_and_open_to_everyone()
    {
        var assets = EndpointCatalog.All(factory).Where(e => e.Kind == "asset" && !e.Pattern.Contains(":file}", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(assets);
        Assert.All(assets, a =>
        {
            Assert.True(a.AllowsAnonymous, a.Pattern);
            Assert.Matches(@"^/(css|js|lib)/[^{}]+$|^/favicon\.[a-z0-9.]*svg(\.gz|\.br)?$", a.Pattern);
        });
    }

    [Fact]
    public void Only_sign_in_errors_language_health_and_the_secret_calendar_feed_are_open_without_sign_in()
    {
        // Open311 authorises by itself (reads open, posts keyed), as the specification says: see Open311ClientTests.
        var open = EndpointCatalog.All(factory).Where(e => e.AllowsAnonymous && e.Kind is not ("open311" or "asset")).Select(e => e.Pattern).Order().ToList();
        Assert.Equal(["/Account/Login", "/calendar/{token}.ics", "/Culture", "/Error/{code:int?}", "/health", "/health/live", "/health/ready"], open);
    }

    [Fact]
    public async Task Each_page_answers_each_role_as_declared()
    {
        var pages = EndpointCatalog.All(factory)
            .Where(e => e.Kind is "page" or "dashboard" && !e.AllowsAnonymous && (e.Methods.Count == 0 || e.Methods.Contains("GET")))
            .ToList();
        Assert.NotEmpty(pages);
        var failures = new List<string>();
        var anonymous = TestClient.Anonymous(factory);
        foreach (var page in pages)
        {
            var url = page.SampleUrl();
            var anon = await anonymous.GetAsync(url);
            if (anon.StatusCode != HttpStatusCode.Redirect || !anon.Headers.Location!.PathAndQuery.StartsWith("/Account/Login", StringComparison.Ordinal))
                failures.Add($"anonymous {url}: {(int)anon.StatusCode}");
        }
        foreach (var (role, account) in AccountOf)
        {
            var client = await TestClient.SignedInAsync(factory, account);
            foreach (var page in pages)
            {
                var url = page.SampleUrl();
                var response = await client.GetAsync(url);
                var allowed = page.Roles.Contains(role);
                var ok = allowed
                    ? response.StatusCode == HttpStatusCode.OK || (page.HasParameters && response.StatusCode == HttpStatusCode.NotFound)
                    : response.StatusCode == HttpStatusCode.Forbidden;
                if (!ok) failures.Add($"{role} {url}: {(int)response.StatusCode}, expected {(allowed ? "200" : "403")}");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Every_api_endpoint_refuses_a_request_without_a_key_with_401()
    {
        var apis = EndpointCatalog.All(factory).Where(e => e.Kind is "api").ToList();
        Assert.NotEmpty(apis);
        var client = TestClient.Anonymous(factory).Http;
        foreach (var api in apis)
        {
            foreach (var method in api.Methods.DefaultIfEmpty("GET"))
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), api.SampleUrl()));
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {api.Pattern}: {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task Open311_reads_answer_without_a_key_and_every_post_without_one_is_403_in_the_specifications_format()
    {
        // GeoReport v2: api_key is required to post, never to read.
        var routes = EndpointCatalog.All(factory).Where(e => e.Kind is "open311" && !e.Pattern.Contains("**", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(routes);
        var client = TestClient.Anonymous(factory).Http;
        foreach (var route in routes)
        {
            foreach (var method in route.Methods.DefaultIfEmpty("GET"))
            {
                var request = new HttpRequestMessage(new HttpMethod(method), route.SampleUrl());
                if (method == "POST") request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["service_code"] = "OUTDOOR_LEAK" });
                var response = await client.SendAsync(request);
                var label = $"{method} {route.Pattern}: {(int)response.StatusCode}";
                Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                if (method == "POST") Assert.True(response.StatusCode == HttpStatusCode.Forbidden, label);
                else Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, label);
            }
        }
    }

    [Fact]
    public async Task A_signed_in_user_without_a_key_cannot_use_the_api()
    {
        var client = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var response = await client.GetAsync("/api/v1/complaint-types");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
