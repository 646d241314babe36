using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AriSuTotalService.Web.Tests.Browser;

/// <summary>What every page shares, as people see it: Korean words kept whole, long texts counted instead of cut.</summary>
public class EverywhereTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Words of the navigation's links and buttons whose letters stand on more than one line.</summary>
    private const string BrokenWords = """
        () => {
          const broken = [];
          document.querySelectorAll('nav a, nav button').forEach(el => {
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              for (const m of n.data.matchAll(/\S+/g)) {
                const r = document.createRange();
                r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
                const lines = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
                if (lines.size > 1) broken.push(m[0]);
              }
            }
          });
          return broken;
        }
        """;

    [Theory]
    [InlineData("chief@arisu.local", 1366, "ko-KR")]
    [InlineData("chief@arisu.local", 1000, "ko-KR")]
    [InlineData("clerk@arisu.local", 1000, "ko-KR")]
    [InlineData("chief@arisu.local", 1366, "en-US")]
    [InlineData("admin@arisu.local", 1366, "en-US")]
    public async Task No_word_of_the_navigation_is_broken_in_two_and_nothing_runs_off_the_window(string email, int width, string culture)
    {
        var page = await browser.PageAsync(width, 800);
        await BrowserFixture.OnPageAsync(page, async () =>
        {
            await page.Context.AddCookiesAsync([new Cookie
            {
                Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={culture}|uic={culture}"), Url = browser.BaseUrl,
            }]);
            await browser.SignInAsync(page, email);
            await page.GotoAsync("/");
            Assert.StartsWith(culture[..2], await page.GetAttributeAsync("html", "lang"));
            var broken = await page.EvaluateAsync<string[]>(BrokenWords);
            Assert.True(broken.Length == 0, $"broken at {width} px in {culture}: {string.Join(", ", broken)}");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"the page scrolls sideways at {width} px");
        });
    }

    [Fact]
    public async Task A_description_is_counted_as_it_is_typed_and_past_the_limit_says_so_instead_of_cutting()
    {
        var page = await browser.PageAsync();
        await BrowserFixture.OnPageAsync(page, async () =>
        {
            await browser.SignInAsync(page, "clerk@arisu.local");
            await page.GotoAsync("/Intake");
            var text = page.Locator("#Input_Description");
            await text.FillAsync("물이 샙니다");
            await Assertions.Expect(page.Locator("#description-count")).ToHaveTextAsync("6 / 4,000자");
            await text.FillAsync(new string('가', 4010));
            await Assertions.Expect(page.Locator("#description-count")).ToHaveTextAsync("10자를 넘었습니다. 줄여 주세요 (최대 4,000자).");
            Assert.Equal(4010, (await text.InputValueAsync()).Length); // nothing cut
            await Assertions.Expect(text).ToHaveAttributeAsync("aria-invalid", "true");
        });
    }

    [Fact]
    public async Task The_customer_type_ahead_says_when_nothing_is_found_and_the_arrows_move_through_every_suggestion()
    {
        var page = await browser.PageAsync();
        await BrowserFixture.OnPageAsync(page, async () =>
        {
            await browser.SignInAsync(page, "clerk@arisu.local");
            await page.GotoAsync("/Intake");
            var search = page.Locator("input[data-typeahead]");
            await search.FillAsync("없는동네zz");
            await Assertions.Expect(page.Locator("#typeahead-none")).ToHaveTextAsync("'없는동네zz'(으)로 찾은 수용가가 없습니다. 번호·이름·주소를 다시 확인하세요.");

            await search.FillAsync("관악구");
            var links = page.Locator("#search-results a");
            await Assertions.Expect(links.Nth(2)).ToBeVisibleAsync();
            await search.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("ArrowDown");
            Assert.Equal(await links.Nth(2).GetAttributeAsync("href"), await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
            await page.Keyboard.PressAsync("Escape");
            Assert.Equal("true", await page.EvaluateAsync<string>("() => String(document.activeElement.hasAttribute('data-typeahead'))"));
        });
    }

    [Fact]
    public async Task Finding_and_choosing_the_customer_keeps_the_type_and_the_words_already_typed()
    {
        var customer = Infrastructure.TestData.Customer(browser.Factory, "유지고객");
        var page = await browser.PageAsync();
        await BrowserFixture.OnPageAsync(page, async () =>
        {
            await browser.SignInAsync(page, "clerk@arisu.local");
            await page.GotoAsync("/Intake");
            await page.Locator("#Input_TypeCode").SelectOptionAsync(Domain.Complaints.ComplaintTypeCodes.SupplyInconvenience);
            await page.Locator("#Input_Description").FillAsync("수압이 약하고 밸브에서 소리가 남");
            var search = page.Locator("input[data-typeahead]");
            // Enter in the search box lists the matches on the page itself.
            await search.FillAsync(customer.Phone);
            await search.PressAsync("Enter");
            await page.Locator("#search-results a[data-customer]").First.WaitForAsync();
            Assert.EndsWith("/Intake", page.Url);
            await page.Locator("#search-results a[data-customer]").First.ClickAsync();
            await page.WaitForURLAsync("**/Intake?customerId=*");
            Assert.Contains(customer.Account, await page.Locator("#customer-panel").InnerTextAsync());
            Assert.Equal(Domain.Complaints.ComplaintTypeCodes.SupplyInconvenience, await page.Locator("#Input_TypeCode").InputValueAsync());
            Assert.Equal("수압이 약하고 밸브에서 소리가 남", await page.Locator("#Input_Description").InputValueAsync());
            // The intake saves to itself, not to the choice.
            await page.Locator("#intake-submit").ClickAsync();
            await page.WaitForURLAsync("**/Complaints/**");
        });
    }

    [Fact]
    public async Task The_dashboard_prints_without_its_filters_navigation_and_footer()
    {
        var page = await browser.PageAsync();
        await BrowserFixture.OnPageAsync(page, async () =>
        {
            await browser.SignInAsync(page, "chief@arisu.local");
            await page.GotoAsync("/Dashboard");
            await Assertions.Expect(page.Locator("#dashboard-filters")).ToBeVisibleAsync();
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            foreach (var hidden in new[] { "#dashboard-filters", "header", "footer" })
                await Assertions.Expect(page.Locator(hidden).First).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator("#four-types")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task A_phone_intake_with_a_second_problem_to_a_booked_visit_takes_at_most_80_key_presses()
    {
        var customer = Infrastructure.TestData.Customer(browser.Factory, "한건반");
        var field1 = browser.Factory.With(db => db.Users.Single(u => u.Email == "field1@arisu.local").Id);
        var page = await browser.PageAsync();
        await BrowserFixture.OnPageAsync(page, async () =>
        {
            await browser.SignInAsync(page, "clerk@arisu.local");
            var keys = new CountingKeyboard(page);
            await keys.TabToAsync("nav-intake"); // 민원 접수
            await keys.PressAsync("Enter");
            await page.WaitForURLAsync("**/Intake");
            await keys.TypeAsync(customer.Phone);
            await page.Locator("#search-results a").First.WaitForAsync();
            await keys.PressAsync("ArrowDown");
            await keys.PressAsync("Enter");
            await page.WaitForURLAsync("**/Intake?customerId=*");
            await keys.ArrowToOptionAsync("Input_TypeCode", Domain.Complaints.ComplaintTypeCodes.LeakDiagnosis);
            await keys.TabToAsync("Input_Description");
            await keys.TypeAsync("벽 속에서 물 흐르는 소리");
            await keys.TabToAsync("Input_PreferredDate");
            await keys.TypeAsync("11272026");
            await keys.TabToAsync("Input_PreferredWindow");
            await keys.ArrowToOptionAsync("Input_PreferredWindow", "13-15");
            await keys.TabToAsync("other-" + Domain.Complaints.ComplaintTypeCodes.WaterQualityTest);
            await keys.PressAsync("Space");
            await keys.TabToAsync("intake-submit"); // 접수 저장
            await keys.PressAsync("Enter");
            await page.WaitForURLAsync("**/Complaints/Detail/**");
            await keys.TabToAsync("book-visit"); // the confirmation's next step has the focus
            await keys.PressAsync("Enter");
            await page.WaitForURLAsync("**/Visits/Book/**");
            Assert.Equal("2026-11-27", await page.InputValueAsync("#Date"));
            await keys.TabToAsync("StaffId");
            await keys.ArrowToOptionAsync("StaffId", field1);
            await keys.TabToAsync("book-submit"); // 예약하고 민원인에게 문자 안내
            await keys.PressAsync("Enter");
            await page.WaitForURLAsync("**/Complaints/Detail/**");
            var visit = browser.Factory.With(db => db.Visits.AsNoTracking().Single(v => db.Complaints.Any(c => c.Id == v.ComplaintId && c.CustomerId == customer.Id)));
            Assert.Equal((field1, new DateOnly(2026, 11, 27), "13-15"), (visit.StaffId, visit.Date, visit.Window));
            Assert.True(keys.Presses <= 80, $"{keys.Presses} key presses");
            Console.WriteLine($"keyboard intake to a booked visit: {keys.Presses} key presses");
        });
    }
}
