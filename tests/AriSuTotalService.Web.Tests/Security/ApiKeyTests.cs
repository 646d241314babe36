using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Security;

public partial class ApiKeyTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    private HttpClient KeyClient(string key)
    {
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return http;
    }

    [Fact]
    public async Task The_demo_key_reads_the_catalogue_and_its_use_is_recorded()
    {
        var response = await KeyClient(DemoData.ApiKey).GetAsync("/api/v1/complaint-types");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var types = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(14, types.GetArrayLength());
        Assert.Equal("NAME_CHANGE", types[0].GetProperty("code").GetString());
        Assert.NotNull(factory.With(db => db.ApiKeys.AsNoTracking().Single(k => k.Name == "데모 연계 키").LastUsedAtUtc));
    }

    [Fact]
    public async Task An_unknown_key_gets_401_with_an_error_list()
    {
        var response = await KeyClient("not-a-key").GetAsync("/api/v1/complaint-types");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("errors").GetArrayLength() > 0);
    }

    [Fact]
    public async Task A_key_is_shown_once_stored_only_as_a_hash_and_stops_working_when_revoked()
    {
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var created = await admin.PostFormAsync("/Admin/ApiKeys?handler=Create",
            new() { ["Name"] = "콜센터 연계", ["Scopes"] = "open311" }, formPage: "/Admin/ApiKeys");
        var html = await created.Content.ReadAsStringAsync();
        var key = KeyPattern().Match(html).Groups[1].Value;
        Assert.StartsWith("arisu_", key);

        // Not in the database, and not on the page when it is opened again.
        Assert.False(factory.With(db => db.ApiKeys.Any(k => k.Hash == key || k.Name == key)));
        Assert.DoesNotContain(key, await admin.GetPageAsync("/Admin/ApiKeys"));

        Assert.Equal(HttpStatusCode.OK, (await KeyClient(key).GetAsync("/api/v1/complaint-types")).StatusCode);

        var id = factory.With(db => db.ApiKeys.Single(k => k.Name == "콜센터 연계").Id);
        var revoked = await admin.PostFormAsync($"/Admin/ApiKeys?handler=Revoke&id={id}", [], formPage: "/Admin/ApiKeys");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await KeyClient(key).GetAsync("/api/v1/complaint-types")).StatusCode);

        var log = await admin.GetPageAsync("/Admin/AccessLog/Permissions");
        Assert.Contains("api_key_created", log);
        Assert.Contains("api_key_revoked", log);
    }

    [Fact]
    public async Task A_key_needs_at_least_one_known_scope()
    {
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var response = await admin.PostFormAsync("/Admin/ApiKeys?handler=Create", new() { ["Name"] = "빈 권한" }, formPage: "/Admin/ApiKeys");
        Assert.Contains("권한을 하나 이상 선택하세요.", await response.Content.ReadAsStringAsync());
        Assert.False(factory.With(db => db.ApiKeys.Any(k => k.Name == "빈 권한")));
    }

    [GeneratedRegex("id=\"new-key\">([^<]+)<")]
    private static partial Regex KeyPattern();
}
