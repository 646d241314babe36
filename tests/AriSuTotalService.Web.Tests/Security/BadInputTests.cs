using System.Net;
using System.Reflection;
using System.Text;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AriSuTotalService.Web.Tests.Security;

/// <summary>
/// Malformed, oversized, wrong-type and injection-shaped values sent to every form handler and API endpoint of the
/// running app, generated from their bound models: never a 500, and a refused request changes nothing.
/// </summary>
public class BadInputTests(BadInputTests.Factory factory) : IClassFixture<BadInputTests.Factory>
{
    public sealed class Factory : ArisuFactory
    {
        // This test signs in many times on a frozen clock.
        protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?> { ["Security:SignInAttemptsPerAccount"] = "10000" };
    }

    internal static readonly IReadOnlyDictionary<string, string> AccountOf = DemoAccounts.ByRole;

    public static readonly IReadOnlyDictionary<string, string> Categories = new Dictionary<string, string>
    {
        ["wrong-type"] = "not-a-number",
        ["oversized"] = new string('가', 120_000),
        ["malformed"] = "\u0001\u0002\uFFFE%%%\\x00",
        ["injection"] = "' OR 1=1; DROP TABLE \"Complaints\"; -- <script>alert(1)</script> {{7*7}} ../../etc/passwd",
    };

    internal sealed record Form(string Page, string Handler, IReadOnlyList<string> Fields, IReadOnlyList<string> RouteParameters, IReadOnlyList<string> Roles);

    /// <summary>Every form handler of the app with the fields it binds (also walked in English by EnglishWalkTests).</summary>
    internal static IReadOnlyList<Form> Forms(ArisuFactory factory)
    {
        var assembly = typeof(Program).Assembly;
        var forms = new List<Form>();
        foreach (var page in EndpointCatalog.All(factory).Where(e => e.Kind == "page" && e.PagePath is not null).DistinctBy(e => e.PagePath))
        {
            var typeName = "AriSuTotalService.Web.Pages" + page.PagePath!.Replace('/', '.') + "Model";
            var type = assembly.GetType(typeName) ?? throw new InvalidOperationException($"no page model {typeName} for {page.PagePath}");
            var bound = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null)
                .SelectMany(p => Flatten(p.GetCustomAttribute<BindPropertyAttribute>()!.Name ?? p.Name, p.PropertyType)).ToList();
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                         .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)))
            {
                var handler = method.Name["OnPost".Length..].Replace("Async", "", StringComparison.Ordinal);
                var parameters = EndpointCatalog.RequestParameters(method);
                var routeParameters = parameters.Where(p => page.Pattern.Contains("{" + p, StringComparison.Ordinal)).ToList();
                var fields = bound.Concat(parameters.Except(routeParameters)).Distinct().ToList();
                forms.Add(new Form(page.PagePath, handler, fields, routeParameters, page.AllowsAnonymous ? [.. AccountOf.Keys] : page.Roles));
            }
        }
        return forms;
    }

    private static IEnumerable<string> Flatten(string prefix, Type type)
    {
        if (type == typeof(string) || type.IsValueType || Nullable.GetUnderlyingType(type) is not null || type.IsAssignableTo(typeof(System.Collections.IEnumerable)))
            return [prefix];
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).SelectMany(p => Flatten($"{prefix}.{p.Name}", p.PropertyType));
    }

    [Fact]
    public void Every_page_with_a_form_is_found()
    {
        var forms = Forms(factory).Select(f => f.Page + "?" + f.Handler).ToList();
        Assert.Contains("/Admin/Users/Create?", forms);
        Assert.Contains("/Admin/Users/Edit?Save", forms);
        Assert.Contains("/Account/Login?", forms);
    }

    [Fact]
    public async Task Bad_values_in_any_form_never_cause_a_500_and_refused_ones_change_nothing()
    {
        var failures = new List<string>();
        var clients = new Dictionary<string, TestClient>();
        foreach (var form in Forms(factory).OrderBy(f => f.Page.Contains("Logout", StringComparison.Ordinal)))
        {
            var role = form.Roles.FirstOrDefault(AccountOf.ContainsKey) ?? Roles.Administrator;
            foreach (var (category, value) in Categories)
            {
                if (!clients.TryGetValue(role, out var client) || form.Page == "/Account/Logout")
                    clients[role] = client = await TestClient.SignedInAsync(factory, AccountOf[role]);
                var path = form.Page.EndsWith("/Index", StringComparison.Ordinal) ? form.Page[..^"/Index".Length] : form.Page;
                foreach (var route in form.RouteParameters) path += "/" + Uri.EscapeDataString(value.Length > 200 ? value[..200] : value);
                var url = path + (form.Handler.Length > 0 ? "?handler=" + form.Handler : "");
                // Any page's anti-forgery token serves every form of the session; the home page has one.
                var formPage = form.Page == "/Account/Login" ? "/Account/Login" : "/";
                var before = DataFingerprint.Of(factory);
                var fields = form.Fields.ToDictionary(f => f, _ => value);
                HttpResponseMessage response;
                try
                {
                    response = await client.PostFormAsync(url, fields, formPage);
                }
                catch (InvalidOperationException ex)
                {
                    failures.Add($"{url} [{category}]: {ex.Message}");
                    continue;
                }
                if ((int)response.StatusCode >= 500) failures.Add($"{url} [{category}]: {(int)response.StatusCode}");
                var refused = response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests;
                if (category != "injection" && form.Fields.Count > 0 && !refused && form.Page is not ("/Culture" or "/Account/Logout"))
                    failures.Add($"{url} [{category}]: accepted with {(int)response.StatusCode}");
                // A handler that takes no input at all has nothing bad to refuse; its action is the request itself.
                if (category != "injection" && form.Fields.Count > 0 && refused && DataFingerprint.Of(factory) != before)
                    failures.Add($"{url} [{category}]: refused but data changed");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Bad_values_sent_to_any_api_endpoint_never_cause_a_500_and_change_nothing()
    {
        var failures = new List<string>();
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", DemoData.ApiKey);
        foreach (var api in EndpointCatalog.All(factory).Where(e => e.Kind is "api" or "open311"))
        {
            foreach (var (category, value) in Categories)
            {
                var escaped = Uri.EscapeDataString(value.Length > 2000 ? value[..2000] : value);
                var query = string.Join('&', new[] { "period", "from", "to", "id", "page", "page_size", "service_code", "start_date" }.Select(p => $"{p}={escaped}"));
                var url = api.SampleUrl().Replace("does-not-exist", escaped, StringComparison.Ordinal).Replace("999999", escaped, StringComparison.Ordinal) + "?" + query;
                foreach (var method in api.Methods.DefaultIfEmpty("GET"))
                {
                    var before = DataFingerprint.Of(factory);
                    var request = new HttpRequestMessage(new HttpMethod(method), url);
                    if (method is "POST" or "PUT")
                        request.Content = new StringContent(value + "\n" + value, Encoding.UTF8, "text/csv");
                    var response = await http.SendAsync(request);
                    if ((int)response.StatusCode >= 500) failures.Add($"{method} {api.Pattern} [{category}]: {(int)response.StatusCode}");
                    if (method != "GET" && (int)response.StatusCode is >= 400 and < 500 && DataFingerprint.Of(factory) != before)
                        failures.Add($"{method} {api.Pattern} [{category}]: refused but data changed");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
