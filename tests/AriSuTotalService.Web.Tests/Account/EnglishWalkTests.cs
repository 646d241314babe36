using System.Net;
using System.Text.RegularExpressions;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Account;

/// <summary>Every page each role opens, in English: no Korean outside the data (names, addresses, places, type names without English).</summary>
public partial class EnglishWalkTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    private static readonly string[] Accounts = ["clerk@arisu.local", "field1@arisu.local", "billing@arisu.local", "chief@arisu.local", "admin@arisu.local"];

    [GeneratedRegex(@"<(script|style)[^>]*>.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex Code();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[\uAC00-\uD7A3]+")]
    private static partial Regex Hangul();

    /// <summary>
    /// The data: every name, place, catalogue word and free text the database holds (and the Korean texts the office
    /// sends citizens), as one text to search.
    /// </summary>
    private string DataText() => factory.With(db => string.Join('\n',
        db.Customers.Select(c => c.HolderName + " " + c.Address + " " + c.Dong + " " + c.District).ToList()
            .Concat(db.Users.Select(u => u.DisplayName).ToList())
            .Concat(db.Offices.Select(o => o.Name + " " + o.ShortName).ToList())
            .Concat(db.ComplaintTypes.Select(t => t.NameKo).ToList())
            .Concat(AriSuTotalService.Domain.Offices.Divisions.All)
            .Concat(["한국어"])
            .Concat(db.AppSettings.Select(a => a.Value).ToList())
            .Concat(db.ApiKeys.Select(k => k.Name).ToList())
            .Concat(db.MessageTemplates.Select(t => t.Text).ToList())
            .Concat(db.PublicHolidays.Select(h => h.Name).ToList())
            .Concat(db.OutboxMessages.Select(m => m.Body).ToList())
            // Words sent to citizens and codes written in Korean: the office's add-on services, the texts of its
            // messages (Korean by law), the use types of the customer file.
            .Concat(AriSuTotalService.Infrastructure.Visits.WaterQualityAddOns.PlanDefaults)
            .Concat(AriSuTotalService.Infrastructure.Notices.MessageTemplates.Defaults.Values.Select(d => d.Label + " " + d.Text))
            .Concat(AriSuTotalService.Domain.Customers.UseTypes.All)
            .Concat(db.Complaints.Select(c => (c.Description ?? "") + " " + (c.Location ?? "") + " " + (c.CallerName ?? "") + " " + (c.Resolution ?? "")
                + " " + (c.CancelReason ?? "") + " " + (c.TransferReason ?? "") + " " + c.ReceptionNumber).ToList())
            .Concat(db.ComplaintEvents.Select(e => e.Detail ?? "").ToList())
            .Concat(db.PanelMembers.Select(m => m.Name).ToList())));

    [Fact]
    public async Task Every_page_in_english_has_no_korean_outside_the_data()
    {
        // A record for each page that shows one: the test's own complaint with its visit booked, and whatever reduction,
        // surge case, panel round and frozen report the demo office has (a page without one is left out).
        var customer = TestData.Customer(factory);
        var complaint = await TestData.ComplaintAsync(factory, AriSuTotalService.Domain.Complaints.ComplaintTypeCodes.LeakDiagnosis, customer.Id);
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var visit = await VisitSteps.BookExistingAsync(factory, clerk, complaint.Id);
        var ids = factory.With(db => new Dictionary<string, long?>
        {
            ["/Complaints/"] = complaint.Id,
            ["/Visits/Book/"] = complaint.Id,
            ["/Visits/Outcome/"] = visit,
            ["/Reductions/"] = db.LeakReductions.OrderBy(r => r.Id).Select(r => (long?)r.Id).FirstOrDefault(),
            ["/Surges/"] = db.SurgeCases.OrderBy(c => c.Id).Select(c => (long?)c.Id).FirstOrDefault(),
            ["/Evaluations/"] = db.PanelRounds.OrderBy(r => r.Id).Select(r => (long?)r.Id).FirstOrDefault(),
            ["/Reports/"] = db.ReportSnapshots.OrderBy(r => r.Id).Select(r => (long?)r.Id).FirstOrDefault(),
        });
        string? Url(EndpointInfo e)
        {
            if (!e.HasParameters) return e.Pattern;
            var id = ids.FirstOrDefault(kv => e.Pattern.StartsWith(kv.Key, StringComparison.Ordinal)).Value;
            var url = id is { } known ? Regex.Replace(e.Pattern, @"\{id(:(int|long))?\}", known.ToString()) : null;
            return url is null || url.Contains('{') ? null : url;
        }
        var pages = EndpointCatalog.All(factory).Where(e => e.Kind == "page" && (e.Methods.Count == 0 || e.Methods.Contains("GET")))
            .Select(Url).OfType<string>().Distinct().Order().ToList();
        var data = DataText();
        var leaks = new SortedDictionary<string, SortedSet<string>>();
        var read = new HashSet<string>();
        foreach (var account in Accounts)
        {
            var client = await TestClient.SignedInAsync(factory, account);
            await client.PostFormAsync("/Culture", new() { ["culture"] = "en-US", ["returnUrl"] = "/" }, formPage: "/");
            foreach (var url in pages)
            {
                var response = await client.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                read.Add(url);
                var text = WebUtility.HtmlDecode(Tag().Replace(Code().Replace(await response.Content.ReadAsStringAsync(), " "), " "));
                foreach (Match m in Hangul().Matches(text))
                {
                    if (data.Contains(m.Value, StringComparison.Ordinal)) continue;
                    var start = Math.Max(0, m.Index - 20);
                    var context = text.Substring(start, Math.Min(text.Length - start, m.Length + 40)).ReplaceLineEndings(" ").Trim();
                    if (!leaks.TryGetValue(url, out var set)) leaks[url] = set = [];
                    set.Add(context);
                }
            }
        }
        // The walk read the pages of every role (a page missing here is not tested).
        Assert.True(read.Count >= 45, $"only {read.Count} pages answered: {string.Join(", ", read)}");
        foreach (var must in new[] { "/Intake", "/Visits/Mine", "/Dashboard", "/Reductions", "/Surges", $"/Complaints/Detail/{complaint.Id}", $"/Visits/Outcome/{visit}" })
            Assert.Contains(must, read);
        var report = string.Join("\n", leaks.Select(kv => $"{kv.Key}: {string.Join(" | ", kv.Value.Take(10))}"));
        Assert.True(leaks.Count == 0, "Korean outside the data in English:\n" + report);
    }

    [Fact]
    public async Task Every_form_refusal_in_english_has_no_korean_outside_the_data()
    {
        var leaks = new SortedDictionary<string, SortedSet<string>>();
        var refusals = 0;
        var clients = new Dictionary<string, TestClient>();
        var forms = Security.BadInputTests.Forms(factory)
            .Where(f => f.RouteParameters.Count == 0 && f.Fields.Count > 0 && f.Page is not ("/Culture" or "/Account/Logout" or "/Account/Login"));
        foreach (var form in forms)
        {
            var role = form.Roles.FirstOrDefault(Security.BadInputTests.AccountOf.ContainsKey) ?? AriSuTotalService.Domain.Offices.Roles.Administrator;
            if (!clients.TryGetValue(role, out var client))
            {
                clients[role] = client = await TestClient.SignedInAsync(factory, Security.BadInputTests.AccountOf[role]);
                await client.PostFormAsync("/Culture", new() { ["culture"] = "en-US", ["returnUrl"] = "/" }, formPage: "/");
            }
            var path = form.Page.EndsWith("/Index", StringComparison.Ordinal) ? form.Page[..^"/Index".Length] : form.Page;
            var url = path + (form.Handler.Length > 0 ? "?handler=" + form.Handler : "");
            // Values of the wrong kind in every field: each form answers with its refusals.
            var response = await client.PostFormAsync(url, form.Fields.ToDictionary(f => f, _ => "not-a-number"), "/");
            if (response.Content.Headers.ContentType?.MediaType != "text/html" || response.StatusCode != HttpStatusCode.OK) continue;
            refusals++;
            var data = DataText();
            var text = WebUtility.HtmlDecode(Tag().Replace(Code().Replace(await response.Content.ReadAsStringAsync(), " "), " "));
            foreach (Match m in Hangul().Matches(text))
            {
                if (data.Contains(m.Value, StringComparison.Ordinal)) continue;
                if (!leaks.TryGetValue(url, out var set)) leaks[url] = set = [];
                var start = Math.Max(0, m.Index - 20);
                set.Add(text.Substring(start, Math.Min(text.Length - start, m.Length + 40)).ReplaceLineEndings(" ").Trim());
            }
        }
        Assert.True(refusals >= 20, $"only {refusals} forms answered with their refusals");
        Assert.True(leaks.Count == 0, "Korean outside the data in English refusals:\n"
            + string.Join("\n", leaks.Select(kv => $"{kv.Key}: {string.Join(" | ", kv.Value.Take(10))}")));
    }
}
