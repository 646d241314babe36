using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AriSuTotalService.Web.Tests.Infrastructure;

namespace AriSuTotalService.Web.Tests.Account;

/// <summary>CSS and JS as a phone on a slow line gets them: by fingerprinted names, compressed, cached for long.</summary>
public partial class StaticAssetTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    [Fact]
    public async Task Pages_link_fingerprinted_assets_that_come_compressed_even_before_sign_in()
    {
        var http = TestClient.Anonymous(factory).Http;
        var login = await (await http.GetAsync("/Account/Login")).Content.ReadAsStringAsync();
        var css = CssLink().Match(login);
        Assert.True(css.Success, login[..Math.Min(2000, login.Length)]);
        var url = css.Groups["href"].Value;
        Assert.Matches(@"/css/site\.[a-z0-9]+\.css", url);

        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentEncoding.Count > 0, "not compressed");
        // A published build serves it with a year's immutable cache (the build output's manifest says no-cache).
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(?<href>[^\"]*site[^\"]*\\.css)\"")]
    private static partial Regex CssLink();
}
