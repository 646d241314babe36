using System.Net.Http.Headers;
using System.Text;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Web.Tests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AriSuTotalService.Web.Tests.Browser;

/// <summary>The app on a real Kestrel port (job server on, for the scan), with the office data the scenario starts from.</summary>
public sealed class BrowserFactory : ArisuFactory
{
    public BrowserFactory() => UseKestrel(0);

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?> { ["Jobs:Server"] = "true" };
}

/// <summary>
/// One fresh database and one headless Debian Chromium (never a downloaded browser) for the whole ordered scenario; what
/// one step leaves (reception numbers, cases) the next picks up. Every page a step visits is checked with axe-core.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The household account the intake clerk finds by phone: monthly readings, 15 m³ a month, then 60 m³ to 2026-11-25.</summary>
    public const string LeakAccount = "41-5550001";
    public const string LeakPhone = "010-5550-0101";
    /// <summary>The account whose November reading jumps; the chief's upload brings it.</summary>
    public const string SurgeAccount = "41-5550002";

    public BrowserFactory Factory { get; } = new();
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    // What the steps hand on.
    public long? DiagnosisId { get; set; }
    public string? DiagnosisReception { get; set; }
    public long? ReductionId { get; set; }

    public async Task InitializeAsync()
    {
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        await ImportAsync("/api/v1/customers/import", "account_number,holder_name,phone,address,district,use_type,meter_size_mm\n" +
            $"{LeakAccount},한누수,{LeakPhone},서울특별시 관악구 남부순환로 1820,관악구,가정용,15\n" +
            $"{SurgeAccount},박격증,010-5550-0202,서울특별시 관악구 봉천로 200,관악구,가정용,15\n");
        await ImportAsync("/api/v1/meter-readings/import", "account_number,period_start,period_end,reading_m3,usage_m3\n" +
            $"{LeakAccount},2026-07-25,2026-08-25,1000,15\n{LeakAccount},2026-08-25,2026-09-25,1015,15\n" +
            $"{LeakAccount},2026-09-25,2026-10-25,1030,15\n{LeakAccount},2026-10-25,2026-11-25,1090,60\n" +
            $"{SurgeAccount},2026-08-20,2026-09-20,500,15\n{SurgeAccount},2026-09-20,2026-10-20,515,15\n");
        if (!File.Exists(ChromiumPath)) throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install -y chromium");
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        await Factory.DisposeAsync();
    }

    private async Task ImportAsync(string url, string csv)
    {
        using var http = Factory.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", DemoData.ApiKey);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await http.PostAsync(url, content);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A browser context of its own (cookies), Korean, at the given viewport (desktop by default).</summary>
    public async Task<IPage> PageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, Locale = "ko-KR", TimezoneId = "Asia/Seoul", ViewportSize = new() { Width = width, Height = height }, AcceptDownloads = true });
        return await context.NewPageAsync();
    }

    public async Task SignInAsync(IPage page, string email, string password = DemoData.Password)
    {
        await page.GotoAsync("/Account/Login");
        await CheckAsync(page, "login");
        // Keyboard only: the e-mail field has the focus.
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(u => !u.Contains("/Account/Login", StringComparison.Ordinal));
    }

    /// <summary>
    /// axe-core over the page (WCAG 2.0/2.1 A and AA rules, the basis of KWCAG 2.2): no serious or critical violation.
    /// With a name, the page is also saved to docs/screenshots/.
    /// </summary>
    public async Task CheckAsync(IPage page, string what, string? screenshot = null)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = RunOnlyOptions.Tags("wcag2a", "wcag2aa", "wcag21a", "wcag21aa") });
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{what} {page.Url}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(bad.Count == 0, string.Join(Environment.NewLine, bad));
        if (screenshot is not null)
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, screenshot + ".png"), FullPage = true });
    }

    /// <summary>Runs a step on a page; a failure says where the page was and what it showed.</summary>
    public static async Task OnPageAsync(IPage page, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex)
        {
            string shown;
            try
            {
                shown = (await page.Locator("main").InnerTextAsync(new() { Timeout = 2000 })).ReplaceLineEndings(" ");
            }
            catch (PlaywrightException)
            {
                shown = "(no main)";
            }
            throw new Xunit.Sdk.XunitException($"{ex.GetType().Name}: {ex.Message}{Environment.NewLine}page {page.Url}: {shown[..Math.Min(shown.Length, 600)]}");
        }
    }

    public static string ScreenshotFolder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AriSuTotalService.sln"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? Path.GetTempPath(), "docs", "screenshots");
        }
    }

    /// <summary>
    /// The page as Chromium prints it on A4 (print media, the page's own @page rules): how many sheets it takes, counted
    /// from the PDF's page objects.
    /// </summary>
    public static async Task<int> PrintedPagesAsync(IPage page)
    {
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        try
        {
            var pdf = await page.PdfAsync(new() { Format = "A4", PreferCSSPageSize = true, PrintBackground = true });
            return System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?![a-zA-Z])").Count;
        }
        finally
        {
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
        }
    }

    /// <summary>Presses Tab until the element with that id has the focus (keyboard navigation; fails if the focus order never reaches it).</summary>
    public static Task TabToAsync(IPage page, string id) => new CountingKeyboard(page).TabToAsync(id);

    /// <summary>Moves a focused select to the option with that value with the arrow keys, as a person does.</summary>
    public static Task ArrowToOptionAsync(IPage page, string id, string value) => new CountingKeyboard(page).ArrowToOptionAsync(id, value);
}

/// <summary>
/// A keyboard that counts what a person presses to move, choose and confirm (Tab, arrows, Space, Enter, access keys); the
/// text typed into fields is the call's content and is not counted.
/// </summary>
public sealed class CountingKeyboard(IPage page)
{
    public int Presses { get; private set; }

    public async Task PressAsync(string key)
    {
        await page.Keyboard.PressAsync(key);
        Presses++;
    }

    public Task TypeAsync(string text) => page.Keyboard.TypeAsync(text);

    public async Task TabToAsync(string id)
    {
        for (var i = 0; i < 80; i++)
        {
            if (await page.EvaluateAsync<string?>("() => document.activeElement && document.activeElement.id") == id) return;
            await PressAsync("Tab");
        }
        throw new Xunit.Sdk.XunitException($"Tab never reached #{id} on {page.Url}");
    }

    public async Task ArrowToOptionAsync(string id, string value)
    {
        var target = await page.EvaluateAsync<int>($"() => Array.from(document.getElementById('{id}').options).findIndex(o => o.value === '{value}')");
        if (target < 0) throw new Xunit.Sdk.XunitException($"#{id} has no option {value}");
        var current = await page.EvaluateAsync<int>($"() => document.getElementById('{id}').selectedIndex");
        for (var i = 0; i < Math.Abs(target - current); i++) await PressAsync(target > current ? "ArrowDown" : "ArrowUp");
        Assert.Equal(value, await page.EvaluateAsync<string>($"() => document.getElementById('{id}').value"));
    }
}

/// <summary>Runs a class's tests in the order of their names (Step1_, Step2_…).</summary>
public sealed class StepOrderer : Xunit.Sdk.ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : Xunit.Abstractions.ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);
}
