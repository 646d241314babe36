using AriSuTotalService.Domain.Integrations;
using System.IO.Compression;
using System.Net;
using System.Reflection;
using System.Text;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AriSuTotalService.Web.Tests.Offices;

/// <summary>
/// Two offices in one database, as the city runs them. Every role and the key of the demo office (A) ask for the
/// second office's (B) records by id, through every page handler and API endpoint the app serves, and look for B's
/// marker in every list, search, export, feed and report: nothing of B is seen, nothing of B changes.
/// </summary>
public class OfficeIsolationTests(TwoOfficeFactory factory) : IClassFixture<TwoOfficeFactory>
{
    private const string Marker = TwoOfficeFactory.Marker;

    private static readonly IReadOnlyDictionary<string, string> AccountOf = DemoAccounts.ByRole;

    /// <summary>The text of an answer, with an XLSX file's parts unpacked.</summary>
    private static async Task<string> TextOf(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K')
        {
            using var zip = new ZipArchive(new MemoryStream(bytes));
            var text = new StringBuilder();
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                text.Append(await reader.ReadToEndAsync());
            }
            return text.ToString();
        }
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>The answer without the search terms the caller sent (a search box shows what was typed).</summary>
    private static string WithoutEcho(string body, string url)
    {
        var query = url.Contains('?') ? url[(url.IndexOf('?') + 1)..] : "";
        foreach (var value in query.Split('&').Select(p => Uri.UnescapeDataString(p[(p.IndexOf('=') + 1)..])).Where(v => v.Contains(Marker)).OrderByDescending(v => v.Length))
            foreach (var form in new[] { value, System.Net.WebUtility.HtmlEncode(value), Uri.EscapeDataString(value), System.Text.Encodings.Web.UrlEncoder.Default.Encode(value) })
                body = body.Replace(form, "", StringComparison.Ordinal);
        return body;
    }

    [Fact]
    public void Every_entity_with_an_office_carries_the_office_filter_except_the_identity_directory()
    {
        var b = factory.B;
        var missing = factory.With(db => db.Model.GetEntityTypes()
            .Where(t => t.FindProperty("OfficeId") is not null && t.ClrType != typeof(AriSuTotalService.Infrastructure.Identity.ApplicationUser))
            .Where(t => t.GetDeclaredQueryFilters().All(f => f.Key != ArisuDbContext.OfficeFilter))
            .Select(t => t.ClrType.Name).ToList());
        Assert.True(missing.Count == 0, "office-owned without the office filter: " + string.Join(", ", missing));
        Assert.True(b.Id > 0);
    }

    [Fact]
    public void No_code_ignores_every_filter_silently_only_the_office_filter_by_name()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "AriSuTotalService.sln"))) root = Path.GetDirectoryName(root)!;
        var blanket = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains(".IgnoreQueryFilters()", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f)).ToList();
        Assert.True(blanket.Count == 0, "IgnoreQueryFilters() without naming the filter: " + string.Join(", ", blanket));
    }

    [Fact]
    public void A_query_with_no_office_acting_fails_instead_of_answering_for_every_office()
    {
        _ = factory.B;
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArisuDbContext>();
        Assert.Throws<OfficeScopeMissingException>(() => db.Complaints.Count());
        // Named, visible opt-out: every office.
        var offices = db.Complaints.IgnoreQueryFilters(ArisuDbContext.AllOffices).Select(c => c.OfficeId).Distinct().Count();
        Assert.Equal(2, offices);
        // Acting for an office: that office only.
        Assert.All(db.ActFor(factory.B.Id).Complaints.Select(c => c.OfficeId).Distinct().ToList(), o => Assert.Equal(factory.B.Id, o));
    }

    [Fact]
    public async Task A_pooled_context_that_acted_for_office_B_comes_back_acting_for_nobody()
    {
        var b = factory.B;
        // Jobs' contexts that acted for office B go back to the pool when their scopes end.
        for (var i = 0; i < 8; i++)
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ArisuDbContext>().ActFor(b.Id);
            Assert.NotEqual(0, await db.Complaints.CountAsync());
        }
        // Every context handed out next, whichever of them the pool gives, acts for nobody: its query fails rather than
        // answering for office B.
        var scopes = Enumerable.Range(0, 32).Select(_ => factory.Services.CreateScope()).ToList();
        try
        {
            foreach (var scope in scopes)
            {
                var db = scope.ServiceProvider.GetRequiredService<ArisuDbContext>();
                Assert.Null(db.OfficeScope);
                await Assert.ThrowsAsync<OfficeScopeMissingException>(() => db.Complaints.CountAsync());
            }
        }
        finally
        {
            foreach (var scope in scopes) scope.Dispose();
        }
    }

    [Fact]
    public async Task Lists_searches_exports_feeds_and_reports_of_office_A_hold_nothing_of_office_B()
    {
        var b = factory.B;
        // field1's calendar feed, at a secret address set here.
        factory.With(db =>
        {
            db.Users.Single(u => u.Email == "field1@arisu.local").CalendarTokenHash = ApiKey.HashOf("feed-of-field1");
            return db.SaveChanges();
        });
        var extra = new[]
        {
            $"/Complaints?q={Marker}", $"/Complaints?q={b.Reception}", "/Complaints?handler=Export", $"/Complaints?handler=Export&q={b.Reception}",
            $"/Intake?handler=Search&q={Marker}", $"/Intake?handler=Search&q={b.Account}",
            "/Surges?period=2026-10", "/Surges/Notices?period=2026-10", "/Surges/Notices?handler=Csv&period=2026-10",
            "/Surges/Notices?handler=Xlsx&period=2026-10", $"/Surges/Scans?handler=Status&id={b.ScanRunId}",
            $"/Reductions/Export?handler=Csv&batch={b.ExportId}", $"/Reductions/Export?handler=Xlsx&batch={b.ExportId}",
            $"/Visits/Mine?handler=History&id={b.VisitId}", "/Dashboard?from=2026-01&to=2026-11", $"/Admin/Users?q={Marker}",
        };
        var pages = EndpointCatalog.All(factory)
            .Where(e => e.Kind == "page" && !e.HasParameters && !e.AllowsAnonymous && (e.Methods.Count == 0 || e.Methods.Contains("GET")))
            .Select(e => e.Pattern).ToList();
        Assert.Contains("/Admin/Users", pages);
        var failures = new List<string>();
        foreach (var (role, account) in AccountOf)
        {
            var client = await TestClient.SignedInAsync(factory, account);
            foreach (var url in pages.Concat(extra))
            {
                var response = await client.GetAsync(url);
                if ((int)response.StatusCode >= 500) failures.Add($"{role} {url}: {(int)response.StatusCode}");
                if (WithoutEcho(await TextOf(response), url).Contains(Marker, StringComparison.Ordinal)) failures.Add($"{role} {url}: shows office B");
            }
        }
        var anonymous = TestClient.Anonymous(factory);
        var feed = await anonymous.GetAsync("/calendar/feed-of-field1.ics");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        if ((await TextOf(feed)).Contains(Marker, StringComparison.Ordinal)) failures.Add("calendar feed shows office B");

        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", DemoData.ApiKey);
        foreach (var url in new[]
                 {
                     "/api/v1/surge-cases?period=2026-10", "/api/v1/reports/performance?from=2026-10&to=2026-10", "/api/v1/complaint-types",
                     "/open311/v2/requests.json", "/open311/v2/requests.xml", $"/open311/v2/requests.json?service_request_id={b.Reception}",
                 })
        {
            var response = await api.GetAsync(url);
            if ((int)response.StatusCode >= 500) failures.Add($"key {url}: {(int)response.StatusCode}");
            if ((await TextOf(response)).Contains(Marker, StringComparison.Ordinal)) failures.Add($"key {url}: shows office B");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private sealed record Form(string Page, string Pattern, string Handler, bool IsGet, IReadOnlyList<string> Fields, IReadOnlyList<string> RouteParameters,
        IReadOnlyList<string> Roles);

    private static IReadOnlyList<Form> Forms(ArisuFactory factory)
    {
        var assembly = typeof(Program).Assembly;
        var forms = new List<Form>();
        foreach (var page in EndpointCatalog.All(factory).Where(e => e.Kind == "page" && e.PagePath is not null && !e.AllowsAnonymous)
                     .DistinctBy(e => e.PagePath))
        {
            var type = assembly.GetType("AriSuTotalService.Web.Pages" + page.PagePath!.Replace('/', '.') + "Model")!;
            var bound = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null).Select(p => p.Name).ToList();
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                         .Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal) || m.Name.StartsWith("OnPost", StringComparison.Ordinal)))
            {
                var isGet = method.Name.StartsWith("OnGet", StringComparison.Ordinal);
                var handler = method.Name[(isGet ? "OnGet" : "OnPost").Length..].Replace("Async", "", StringComparison.Ordinal);
                var parameters = EndpointCatalog.RequestParameters(method);
                var route = parameters.Where(p => page.Pattern.Contains("{" + p, StringComparison.Ordinal)).ToList();
                forms.Add(new Form(page.PagePath, page.Pattern, handler, isGet, bound.Concat(parameters.Except(route)).Distinct().ToList(), route, page.Roles));
            }
        }
        return forms;
    }

    /// <summary>Office B's id for a route id of each page that takes one; a new page with an id must be named here.</summary>
    private static string? RouteIdOf(string page, OfficeB b) => page switch
    {
        "/Complaints/Detail" or "/Visits/Book" => b.ComplaintId.ToString(),
        "/Visits/Outcome" => b.VisitId.ToString(),
        "/Reductions/Case" or "/Reductions/Notice" => b.ReductionId.ToString(),
        "/Surges/Case" => b.SurgeCaseId.ToString(),
        "/Evaluations/Round" => b.RoundId.ToString(),
        "/Reports/View" => b.ReportId.ToString(),
        "/Admin/Users/Edit" => b.AdminId,
        _ => null,
    };

    /// <summary>Office B's value for a form field or query parameter that names a record.</summary>
    private static string ValueOf(string page, string field, OfficeB b) => field switch
    {
        "VisitIds" => b.VisitId.ToString(),
        "StaffId" or "ToStaffId" or "AssigneeId" => b.FieldStaffId,
        "CustomerId" => b.CustomerId.ToString(),
        "ComplaintId" => b.ComplaintId.ToString(),
        "MemberId" => b.MemberId.ToString(),
        "photoId" => b.PhotoId.ToString(),
        "fileId" => b.DocumentId.ToString(),
        "kind" => page == "/Reductions/Case" ? "document" : "tariff",
        "batch" => b.ExportId.ToString(),
        "Reception" => b.Reception,
        "Account" or "AccountNumber" => b.Account,
        "id" => page switch
        {
            "/Admin/ApiKeys" => b.KeyId.ToString(),
            "/Surges/Scans" => b.ScanRunId.ToString(),
            "/Visits/Mine" => b.VisitId.ToString(),
            _ => "1",
        },
        "Date" or "From" or "To" or "NewDeadline" or "PreferredDate" or "LeakDate" => "2026-11-27",
        "Window" or "PreferredWindow" => "09-12",
        _ => "1",
    };

    [Fact]
    public async Task Office_B_ids_in_any_page_handler_answer_404_or_403_and_change_nothing()
    {
        var b = factory.B;
        var before = factory.FingerprintOfB();
        var failures = new List<string>();
        var clients = new Dictionary<string, TestClient>();
        foreach (var form in Forms(factory).Where(f => f.Page is not ("/Account/Logout" or "/Culture")))
        {
            foreach (var role in form.Roles.Where(AccountOf.ContainsKey))
            {
                if (!clients.TryGetValue(role, out var client)) clients[role] = client = await TestClient.SignedInAsync(factory, AccountOf[role]);
                var path = form.Page.EndsWith("/Index", StringComparison.Ordinal) ? form.Page[..^"/Index".Length] : form.Page;
                if (form.RouteParameters.Count > 0)
                {
                    var id = RouteIdOf(form.Page, b);
                    if (id is null)
                    {
                        failures.Add($"{form.Page}: a page with an id that this test does not know; name office B's id for it");
                        continue;
                    }
                    path += "/" + Uri.EscapeDataString(id);
                }
                var fields = form.Fields.Select(f => new KeyValuePair<string, string>(f, ValueOf(form.Page, f, b))).ToList();
                HttpResponseMessage response;
                if (form.IsGet)
                {
                    var query = string.Join('&', fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}")
                        .Prepend(form.Handler.Length > 0 ? "handler=" + form.Handler : "").Where(p => p.Length > 0));
                    response = await client.GetAsync(path + (query.Length > 0 ? "?" + query : ""));
                }
                else
                {
                    var url = path + (form.Handler.Length > 0 ? "?handler=" + form.Handler : "");
                    response = await client.PostFieldsAsync(url, fields, formPage: "/");
                }
                var label = $"{role} {(form.IsGet ? "GET" : "POST")} {path}?handler={form.Handler}";
                var status = (int)response.StatusCode;
                if (status >= 500) failures.Add($"{label}: {status}");
                if (form.RouteParameters.Count > 0 && status is not (404 or 403)) failures.Add($"{label}: {status}, expected 404 or 403");
                if ((await TextOf(response)).Contains(Marker, StringComparison.Ordinal)) failures.Add($"{label}: shows office B");
                if (!form.IsGet && factory.FingerprintOfB() != before)
                {
                    failures.Add($"{label}: changed office B");
                    before = factory.FingerprintOfB();
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Office_A_key_reads_files_and_scans_nothing_of_office_B()
    {
        var b = factory.B;
        var before = factory.FingerprintOfB();
        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", DemoData.ApiKey);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/open311/v2/requests/{b.Reception}.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/open311/v2/tokens/{b.Reception}.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/surge-scans/{b.ScanRunId}")).StatusCode);

        // An account number that only office B has: filing on it is refused, and nothing is written anywhere.
        var onlyB = factory.With(db =>
        {
            var a = db.Customers.Select(c => c.AccountNumber).ToHashSet();
            return db.Customers.IgnoreQueryFilters(ArisuDbContext.AllOffices).Where(c => c.OfficeId == b.Id).Select(c => c.AccountNumber)
                .AsEnumerable().First(n => !a.Contains(n));
        });
        var complaintsOfA = factory.With(db => db.Complaints.Count());
        var filed = await api.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["service_code"] = "OUTDOOR_LEAK", ["attribute[account_number]"] = onlyB, ["address_string"] = "어딘가", ["description"] = "누수",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, filed.StatusCode);
        Assert.Equal(complaintsOfA, factory.With(db => db.Complaints.Count()));
        Assert.Equal(before, factory.FingerprintOfB());

        // Office B's own key sees its own request, and not office A's.
        var keyB = factory.CreateClient();
        keyB.DefaultRequestHeaders.Add("X-Api-Key", TwoOfficeFactory.KeyB);
        Assert.Equal(HttpStatusCode.OK, (await keyB.GetAsync($"/open311/v2/requests/{b.Reception}.json")).StatusCode);
        var receptionOfA = factory.With(db => db.Complaints.OrderBy(c => c.Id).Select(c => c.ReceptionNumber).First());
        Assert.Equal(HttpStatusCode.NotFound, (await keyB.GetAsync($"/open311/v2/requests/{receptionOfA}.json")).StatusCode);
    }

    [Fact]
    public async Task After_the_cookie_is_revalidated_the_clerk_still_sees_only_her_office()
    {
        var b = factory.B;
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        Assert.DoesNotContain(Marker, WithoutEcho(await clerk.GetPageAsync($"/Complaints?q={b.Reception}"), $"?q={b.Reception}"));
        // Past the five-minute validation interval: the next request re-reads the user (security stamp) before the page.
        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        var list = await clerk.GetPageAsync($"/Complaints?q={b.Reception}");
        Assert.DoesNotContain(Marker, WithoutEcho(list, $"?q={b.Reception}"));
        Assert.DoesNotContain(Marker, WithoutEcho(await clerk.GetPageAsync($"/Complaints?q={Marker}"), $"?q={Marker}"));
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/Complaints/Detail/{b.ComplaintId}")).StatusCode);
    }

    [Fact]
    public async Task Each_office_administers_only_its_own_staff()
    {
        var b = factory.B;
        var adminB = await TestClient.SignedInAsync(factory, "administrator@north.local", TwoOfficeFactory.PasswordB);
        var users = await adminB.GetPageAsync("/Admin/Users");
        Assert.Contains(Marker, users);
        Assert.DoesNotContain("field1@arisu.local", users);
        var field1 = factory.With(db => db.Users.Single(u => u.Email == "field1@arisu.local"));
        Assert.Equal(HttpStatusCode.NotFound, (await adminB.GetAsync($"/Admin/Users/Edit/{field1.Id}")).StatusCode);
        var locked = await adminB.PostFormAsync($"/Admin/Users/Edit/{field1.Id}?handler=Lock", [], formPage: "/Admin/Users");
        Assert.Equal(HttpStatusCode.NotFound, locked.StatusCode);
        Assert.Equal(field1.ConcurrencyStamp, factory.With(db => db.Users.AsNoTracking().Single(u => u.Id == field1.Id).ConcurrencyStamp));
        Assert.DoesNotContain("field1@arisu.local", await adminB.GetPageAsync("/Admin/AccessLog/Permissions"));

        // Office A's administrator cannot place a new user in office B.
        var adminA = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var created = await adminA.PostFormAsync("/Admin/Users/Create", new()
        {
            ["Email"] = "intruder@arisu.local", ["Password"] = "Intruder-Passw0rd-1", ["Form.DisplayName"] = "침입", ["Form.OfficeId"] = b.Id.ToString(),
            ["Form.Division"] = Divisions.FieldComplaints, ["Form.Role"] = Roles.FieldStaff,
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("자기 사업소의 사용자만", await created.Content.ReadAsStringAsync());
        Assert.False(factory.With(db => db.Users.Any(u => u.Email == "intruder@arisu.local")));
    }

    [Fact]
    public async Task One_offices_performance_targets_are_neither_shown_nor_changed_by_the_other()
    {
        var b = factory.B;
        var adminB = await TestClient.SignedInAsync(factory, "administrator@north.local", TwoOfficeFactory.PasswordB);
        var saved = await adminB.PostFormAsync("/Admin/Targets?year=2026", new() { ["Year"] = "2026", ["Targets[proactive_rate]"] = "77.7" },
            formPage: "/Admin/Targets?year=2026");
        Assert.Contains("id=\"targets-saved\"", await saved.Content.ReadAsStringAsync());
        var chiefA = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        Assert.DoesNotContain("id=\"target-proactive\"", await chiefA.GetPageAsync("/Dashboard?from=2026-10&to=2026-10"));
        var adminA = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        Assert.DoesNotContain("77.7", await adminA.GetPageAsync("/Admin/Targets?year=2026"));
        // Office A saving its own targets leaves office B's as they were.
        await adminA.PostFormAsync("/Admin/Targets?year=2026", new() { ["Year"] = "2026", ["Targets[proactive_rate]"] = "" }, formPage: "/Admin/Targets?year=2026");
        Assert.Equal(777, factory.With(db => db.PerformanceTargets.IgnoreQueryFilters(ArisuDbContext.AllOffices)
            .Single(t => t.OfficeId == b.Id && t.Year == 2026).TargetTenths));
    }
}
