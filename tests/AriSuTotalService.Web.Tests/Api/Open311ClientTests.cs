using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Api;

/// <summary>
/// Open311 as GeoReport v2 clients (a city portal, an app) use it, with two offices on the database: reads carry no key
/// and name the office by jurisdiction_id; posts carry the office's api_key in the form; errors are the specification's
/// list in the format asked for.
/// </summary>
public class Open311ClientTests(TwoOfficeFactory factory) : IClassFixture<TwoOfficeFactory>
{
    private HttpClient Anonymous()
    {
        _ = factory.B;
        return factory.CreateClient();
    }

    private string JurisdictionA => "arisu-" + factory.With(db => db.Offices.Single(o => o.ShortName == "남부").Id);

    private string JurisdictionB => "arisu-" + factory.B.Id;

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    private static async Task<JsonElement> ErrorOf(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = Assert.Single(Json(await response.Content.ReadAsStringAsync()).EnumerateArray());
        Assert.Equal(status, error.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("description").GetString()));
        return error;
    }

    private static async Task<XElement> XmlErrorOf(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("errors", root.Name.LocalName);
        var error = Assert.Single(root.Elements("error"));
        Assert.Equal(status.ToString(CultureInfo.InvariantCulture), error.Element("code")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(error.Element("description")!.Value));
        return error;
    }

    [Fact]
    public async Task A_portal_discovers_lists_posts_with_an_email_and_coordinates_follows_the_request_and_reads_its_updates()
    {
        var http = Anonymous();
        // Discover: both offices' jurisdictions, no key.
        var discovery = Json(await http.GetStringAsync("/open311/v2/discovery.json"));
        var jurisdictions = discovery.GetProperty("jurisdictions").EnumerateArray().Select(j => j.GetProperty("jurisdiction_id").GetString()).ToList();
        Assert.Contains(JurisdictionA, jurisdictions);
        Assert.Contains(JurisdictionB, jurisdictions);
        Assert.Equal("discovery", XDocument.Parse(await http.GetStringAsync("/open311/v2/discovery.xml")).Root!.Name.LocalName);

        // List services and read a definition: nothing about a contact is required.
        var services = Json(await http.GetStringAsync($"/open311/v2/services.json?jurisdiction_id={JurisdictionA}"));
        Assert.Contains(services.EnumerateArray(), s => s.GetProperty("service_code").GetString() == "OUTDOOR_LEAK");
        Assert.Equal("services", XDocument.Parse(await http.GetStringAsync($"/open311/v2/services.xml?jurisdiction_id={JurisdictionA}")).Root!.Name.LocalName);
        var definition = Json(await http.GetStringAsync($"/open311/v2/services/OUTDOOR_LEAK.json?jurisdiction_id={JurisdictionA}"));
        Assert.DoesNotContain(definition.GetProperty("attributes").EnumerateArray(), a => a.GetProperty("required").GetBoolean());

        // Post as a portal does: a service code, coordinates and an e-mail address only; the key in the form.
        var posted = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["jurisdiction_id"] = JurisdictionA, ["api_key"] = DemoData.ApiKey, ["service_code"] = "OUTDOOR_LEAK",
            ["lat"] = "37.478312", ["long"] = "126.951587", ["email"] = "citizen.portal@example.kr", ["description"] = "보도블록 사이로 물이 솟아요",
        }));
        Assert.True(posted.StatusCode == HttpStatusCode.OK, await posted.Content.ReadAsStringAsync());
        var id = Json(await posted.Content.ReadAsStringAsync())[0].GetProperty("service_request_id").GetString()!;
        var stored = factory.With(db => db.Complaints.AsNoTracking().Single(c => c.ReceptionNumber == id));
        Assert.Equal("citizen.portal@example.kr", stored.CallerEmail);
        Assert.Null(stored.CallerPhone);
        Assert.Null(stored.Location);
        Assert.Equal(37.478312m, stored.Latitude);

        // Follow it by token and by id, in both formats, with no key.
        Assert.Equal(id, Json(await http.GetStringAsync($"/open311/v2/tokens/{Uri.EscapeDataString(id)}.json?jurisdiction_id={JurisdictionA}"))[0]
            .GetProperty("service_request_id").GetString());
        var one = Json(await http.GetStringAsync($"/open311/v2/requests/{Uri.EscapeDataString(id)}.json?jurisdiction_id={JurisdictionA}"))[0];
        Assert.Equal(37.478m, one.GetProperty("lat").GetDecimal());
        Assert.Equal(126.952m, one.GetProperty("long").GetDecimal());
        Assert.Equal(JsonValueKind.Null, one.GetProperty("address").ValueKind);
        var xml = XDocument.Parse(await http.GetStringAsync($"/open311/v2/requests/{Uri.EscapeDataString(id)}.xml?jurisdiction_id={JurisdictionA}"));
        Assert.Equal("37.478", xml.Root!.Element("request")!.Element("lat")!.Value);

        // The list of the last hour has it with its coordinates; nothing of the contact anywhere.
        var from = Uri.EscapeDataString(ArisuFactory.Now.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        var listText = await http.GetStringAsync($"/open311/v2/requests.json?jurisdiction_id={JurisdictionA}&start_date={from}");
        var listed = Json(listText).EnumerateArray().Single(r => r.GetProperty("service_request_id").GetString() == id);
        Assert.Equal(37.478m, listed.GetProperty("lat").GetDecimal());
        Assert.DoesNotContain("citizen.portal", listText, StringComparison.Ordinal);
        Assert.DoesNotContain("위도", listText, StringComparison.Ordinal);

        // A clerk resolves it; the updates say so.
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var url = $"/Complaints/Detail/{stored.Id}";
        var resolved = await clerk.PostFormAsync(url + "?handler=Resolve", new() { ["Version"] = stored.Version.ToString(), ["Text"] = "누수 부위 보수 완료" }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        // Staff see where it is as coordinates (to about 100 m until revealed), not as an address.
        Assert.Contains("위도 37.478, 경도 126.952", await clerk.GetPageAsync(url), StringComparison.Ordinal);
        var updatesText = await http.GetStringAsync($"/open311/v2/servicerequestupdates.json?jurisdiction_id={JurisdictionA}&start_date={from}");
        var updates = Json(updatesText).EnumerateArray().Where(u => u.GetProperty("service_request_id").GetString() == id).ToList();
        Assert.Equal(["open", "closed"], updates.Select(u => u.GetProperty("status").GetString()));
        foreach (var u in updates)
        {
            Assert.False(string.IsNullOrEmpty(u.GetProperty("update_id").GetString()));
            Assert.EndsWith("+09:00", u.GetProperty("updated_datetime").GetString(), StringComparison.Ordinal);
        }
        Assert.Contains("처리 완료", updates[1].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("citizen.portal", updatesText, StringComparison.Ordinal);
        Assert.Equal("service_request_updates",
            XDocument.Parse(await http.GetStringAsync($"/open311/v2/servicerequestupdates.xml?jurisdiction_id={JurisdictionA}&start_date={from}")).Root!.Name.LocalName);
    }

    [Fact]
    public async Task A_citizens_comment_posted_with_the_key_goes_onto_the_timeline_and_reads_back_as_an_update()
    {
        var reception = factory.With(db => db.Complaints.OrderByDescending(c => c.Id).Select(c => c.ReceptionNumber).First());
        var http = Anonymous();
        var refused = await http.PostAsync("/open311/v2/servicerequestupdates.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["jurisdiction_id"] = JurisdictionA, ["service_request_id"] = reception, ["description"] = "키 없이",
        }));
        await ErrorOf(refused, 403);
        var posted = await http.PostAsync("/open311/v2/servicerequestupdates.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["jurisdiction_id"] = JurisdictionA, ["api_key"] = DemoData.ApiKey, ["service_request_id"] = reception, ["description"] = "오후에는 집에 있습니다",
        }));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var updateId = Json(await posted.Content.ReadAsStringAsync())[0].GetProperty("update_id").GetString();
        var note = factory.With(db => db.ComplaintEvents.AsNoTracking().Single(e => e.Id == long.Parse(updateId!, CultureInfo.InvariantCulture)));
        Assert.Equal("citizen_comment", note.Kind);
        Assert.Equal("오후에는 집에 있습니다", note.Detail);
        var updates = Json(await http.GetStringAsync(
            $"/open311/v2/servicerequestupdates.json?jurisdiction_id={JurisdictionA}&service_request_id={Uri.EscapeDataString(reception)}"));
        Assert.Contains(updates.EnumerateArray(), u => u.GetProperty("update_id").GetString() == updateId);
        // Office B's key cannot comment on office A's request.
        var other = await http.PostAsync("/open311/v2/servicerequestupdates.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = TwoOfficeFactory.KeyB, ["service_request_id"] = reception, ["description"] = "다른 사업소",
        }));
        await ErrorOf(other, 404);

        // A comment without text or too long is refused naming the specification's field, and nothing is added.
        var events = factory.With(db => db.ComplaintEvents.Count());
        var empty = await ErrorOf(await http.PostAsync("/open311/v2/servicerequestupdates.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["jurisdiction_id"] = JurisdictionA, ["api_key"] = DemoData.ApiKey, ["service_request_id"] = reception, ["description"] = "  ",
        })), 400);
        Assert.Equal("description: 의견 내용이 필요합니다.", empty.GetProperty("description").GetString());
        var tooLong = await ErrorOf(await http.PostAsync("/open311/v2/servicerequestupdates.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["jurisdiction_id"] = JurisdictionA, ["api_key"] = DemoData.ApiKey, ["service_request_id"] = reception, ["description"] = new string('가', 1901),
        })), 400);
        Assert.Equal("description: 의견은 1900자 이내여야 합니다.", tooLong.GetProperty("description").GetString());
        Assert.Equal(events, factory.With(db => db.ComplaintEvents.Count()));
    }

    [Fact]
    public async Task Every_error_is_the_specifications_list_in_the_format_asked_for()
    {
        var http = Anonymous();
        // Two offices and no jurisdiction named: which one is meant is not known.
        await ErrorOf(await http.GetAsync("/open311/v2/services.json"), 400);
        await XmlErrorOf(await http.GetAsync("/open311/v2/requests.xml"), 400);
        await ErrorOf(await http.GetAsync("/open311/v2/services.json?jurisdiction_id=arisu-9999"), 404);
        // Posting without a key, or with a wrong one: 403.
        var form = new Dictionary<string, string> { ["jurisdiction_id"] = JurisdictionA, ["service_code"] = "OUTDOOR_LEAK", ["lat"] = "37.5", ["long"] = "127.0", ["email"] = "a@b.kr" };
        await ErrorOf(await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(form)), 403);
        await XmlErrorOf(await http.PostAsync("/open311/v2/requests.xml", new FormUrlEncodedContent(form)), 403);
        await ErrorOf(await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["api_key"] = "no-such-key" })), 403);
        // A key sent on a read must be of the jurisdiction named.
        await ErrorOf(await http.GetAsync($"/open311/v2/services.json?jurisdiction_id={JurisdictionA}&api_key={TwoOfficeFactory.KeyB}"), 403);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/open311/v2/services.json?jurisdiction_id={JurisdictionB}&api_key={TwoOfficeFactory.KeyB}")).StatusCode);
        // Unknown paths and formats: 404, never an HTML page, XML for .xml.
        await XmlErrorOf(await http.GetAsync("/open311/v2/no-such-thing.xml"), 404);
        await ErrorOf(await http.GetAsync("/open311/v2/no/such/thing.json"), 404);
        await ErrorOf(await http.GetAsync("/open311/v2/services.csv"), 404);
        // No contact at all, and a bad e-mail address: 400.
        var keyed = new Dictionary<string, string> { ["api_key"] = DemoData.ApiKey, ["service_code"] = "OUTDOOR_LEAK", ["lat"] = "37.5", ["long"] = "127.0" };
        Assert.Contains("email", (await ErrorOf(await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(keyed)), 400))
            .GetProperty("description").GetString(), StringComparison.Ordinal);
        await ErrorOf(await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>(keyed) { ["email"] = "not an address" })), 400);
        await ErrorOf(await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>(keyed)
        {
            ["email"] = new string('a', 250) + "@b.kr",
        })), 400);
    }

    [Fact]
    public async Task The_openapi_document_says_reads_need_no_key_and_names_their_parameters_and_errors()
    {
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", DemoData.ApiKey);
        var doc = Json(await http.GetStringAsync("/openapi/v1.json"));
        var paths = doc.GetProperty("paths");
        var requests = paths.GetProperty("/open311/v2/requests.{format}").GetProperty("get");
        Assert.Contains("No key is needed", requests.GetProperty("description").GetString(), StringComparison.Ordinal);
        var parameters = requests.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        foreach (var name in new[] { "format", "jurisdiction_id", "start_date", "end_date", "service_code", "status" }) Assert.Contains(name, parameters);
        foreach (var status in new[] { "200", "400", "403", "404", "429" }) Assert.True(requests.GetProperty("responses").TryGetProperty(status, out _), status);
        Assert.True(paths.TryGetProperty("/open311/v2/servicerequestupdates.{format}", out var updates));
        Assert.True(updates.TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/open311/v2/requests.{format}").GetProperty("post").GetProperty("responses").TryGetProperty("403", out _));
    }
}

/// <summary>The rate limit, in an app of its own (it counts every anonymous read of the app).</summary>
public class Open311RateLimitTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    [Fact]
    public async Task Past_the_limit_a_reader_gets_429_as_the_specifications_error_in_its_format()
    {
        var http = factory.CreateClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 130 && last?.StatusCode != HttpStatusCode.TooManyRequests; i++)
            last = await http.GetAsync("/open311/v2/services.xml");
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Equal("text/xml", last.Content.Headers.ContentType?.MediaType);
        var error = XDocument.Parse(await last.Content.ReadAsStringAsync()).Root!.Element("error")!;
        Assert.Equal("429", error.Element("code")!.Value);
        var json = await http.GetAsync("/open311/v2/services.json");
        Assert.Equal(HttpStatusCode.TooManyRequests, json.StatusCode);
        Assert.Equal(429, JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement[0].GetProperty("code").GetInt32());
    }
}
