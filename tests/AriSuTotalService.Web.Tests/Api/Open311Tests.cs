using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Api;

public class Open311Tests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    private HttpClient Client() => TestClient.Keyed(factory);

    private string Jurisdiction => "arisu-" + factory.With(db => db.Offices.Single().Id);

    private static readonly string[] ServiceFields = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];
    private static readonly string[] AttributeFields = ["variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"];
    private static readonly string[] RequestFields = ["service_request_id", "status", "status_notes", "service_name", "service_code", "description",
        "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url"];

    [Fact]
    public async Task Services_list_the_catalogue_with_the_specifications_fields_in_json_and_xml()
    {
        var json = JsonDocument.Parse(await Client().GetStringAsync($"/open311/v2/services.json?jurisdiction_id={Jurisdiction}")).RootElement;
        Assert.Equal(14, json.GetArrayLength());
        foreach (var s in json.EnumerateArray()) Assert.Equal(ServiceFields, s.EnumerateObject().Select(p => p.Name));
        Assert.Contains(json.EnumerateArray(), s => s.GetProperty("service_code").GetString() == "LEAK_DIAGNOSIS" && s.GetProperty("service_name").GetString() == "옥내누수진단");

        var xml = XDocument.Parse(await Client().GetStringAsync("/open311/v2/services.xml"));
        Assert.Equal("services", xml.Root!.Name.LocalName);
        Assert.Equal(14, xml.Root.Elements("service").Count());

        var definition = JsonDocument.Parse(await Client().GetStringAsync("/open311/v2/services/LEAK_DIAGNOSIS.json")).RootElement;
        var attributes = definition.GetProperty("attributes").EnumerateArray().ToList();
        Assert.Equal(["account_number", "preferred_date", "preferred_window"], attributes.Select(a => a.GetProperty("code").GetString()));
        foreach (var a in attributes) Assert.Equal(AttributeFields, a.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, attributes[2].GetProperty("values").GetArrayLength());
    }

    [Fact]
    public async Task A_request_posted_with_the_key_in_the_form_enters_intake_and_reads_back_without_contact_details()
    {
        var account = TestData.Customer(factory).Account;
        var http = factory.CreateClient();
        var response = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = DemoData.ApiKey, ["jurisdiction_id"] = Jurisdiction, ["service_code"] = "SUPPLY_INCONVENIENCE",
            ["address_string"] = "서울특별시 관악구 관악로 1", ["attribute[account_number]"] = account, ["first_name"] = "길동", ["last_name"] = "홍",
            ["phone"] = "010-8888-7777", ["description"] = "수압이 약해요",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0];
        var id = created.GetProperty("service_request_id").GetString()!;
        Assert.Matches(@"^2026-남부-\d{6}$", id);

        var one = JsonDocument.Parse(await Client().GetStringAsync($"/open311/v2/requests/{Uri.EscapeDataString(id)}.json")).RootElement;
        var request = Assert.Single(one.EnumerateArray());
        Assert.Equal(RequestFields, request.EnumerateObject().Select(p => p.Name));
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("현장민원과", request.GetProperty("agency_responsible").GetString());
        Assert.EndsWith("+09:00", request.GetProperty("expected_datetime").GetString());
        // Posted without coordinates: placed at the district office of the account's district, for map clients.
        var district = factory.With(db => db.Customers.Single(k => k.AccountNumber == account).District);
        Assert.Equal(AriSuTotalService.Domain.Offices.SeoulDistricts.OfficePositions[district].Latitude, request.GetProperty("lat").GetDecimal());
        Assert.Equal(AriSuTotalService.Domain.Offices.SeoulDistricts.OfficePositions[district].Longitude, request.GetProperty("long").GetDecimal());
        var text = one.GetRawText();
        Assert.DoesNotContain("010-8888-7777", text);
        Assert.DoesNotContain("길동", text);
        Assert.DoesNotContain("관악로", text);

        var c = factory.With(db => db.Complaints.AsNoTracking().Single(x => x.ReceptionNumber == id));
        Assert.Equal("web", c.Channel);
        Assert.Equal("010-8888-7777", c.CallerPhone);

        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        Assert.Contains(id, await clerk.GetPageAsync("/Complaints?channel=web&q=" + Uri.EscapeDataString(id)));

        var token = JsonDocument.Parse(await Client().GetStringAsync($"/open311/v2/tokens/{Uri.EscapeDataString(id)}.json")).RootElement[0];
        Assert.Equal(id, token.GetProperty("service_request_id").GetString());
        var list = JsonDocument.Parse(await Client().GetStringAsync("/open311/v2/requests.json?status=open&service_code=SUPPLY_INCONVENIENCE&page_size=200")).RootElement;
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id);
    }

    [Theory]
    [InlineData("service_code=NO_SUCH&address_string=x&phone=010-1111-2222", 404, "service_code")]
    [InlineData("service_code=OUTDOOR_LEAK&phone=010-1111-2222", 400, "위치")]
    [InlineData("service_code=OUTDOOR_LEAK&address_string=x&phone=010-1111-2222&description=LONG", 400, "4000")]
    [InlineData("service_code=OUTDOOR_LEAK&address_string=x&phone=010-1111-2222&jurisdiction_id=elsewhere", 404, "jurisdiction_id")]
    public async Task Bad_requests_get_the_specifications_error_list(string form, int status, string mentions)
    {
        var before = factory.With(db => db.Complaints.Count());
        var body = form.Replace("LONG", new string('가', 4001), StringComparison.Ordinal);
        var content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        var response = await Client().PostAsync("/open311/v2/requests.json", content);
        Assert.Equal(status, (int)response.StatusCode);
        var error = Assert.Single(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray());
        Assert.Equal(status, error.GetProperty("code").GetInt32());
        Assert.Contains(mentions, error.GetProperty("description").GetString());
        Assert.Equal(before, factory.With(db => db.Complaints.Count()));

        var xml = await Client().PostAsync("/open311/v2/requests.xml", new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal("errors", XDocument.Parse(await xml.Content.ReadAsStringAsync()).Root!.Name.LocalName);
    }

    [Fact]
    public async Task A_key_without_the_open311_scope_gets_403_and_a_period_over_90_days_is_refused()
    {
        factory.With(db =>
        {
            db.ApiKeys.Add(new AriSuTotalService.Domain.Integrations.ApiKey(db.Offices.Single().Id, "가져오기 전용", "import-only-key-1234", ["import"], "test", DateTime.UtcNow));
            return db.SaveChanges();
        });
        var other = factory.CreateClient();
        other.DefaultRequestHeaders.Add("X-Api-Key", "import-only-key-1234");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/open311/v2/services.json")).StatusCode);
        var response = await Client().GetAsync("/open311/v2/requests.json?start_date=2026-01-01T00:00:00%2B09:00&end_date=2026-06-01T00:00:00%2B09:00");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("90일", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_covers_both_apis()
    {
        var doc = await Client().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/customers/import", doc);
        Assert.Contains("/open311/v2/requests.{format}", doc);
    }
}
