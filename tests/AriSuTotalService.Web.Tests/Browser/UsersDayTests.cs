using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Reductions;
using Microsoft.EntityFrameworkCore;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AriSuTotalService.Web.Tests.Browser;

/// <summary>
/// The users' day in a real Chromium on one fresh database, each step its own test, in order: the intake clerk on the
/// phone (keyboard only), field staff on a phone, the billing clerk, the section chief, the administrator. Each step
/// stands alone: one run by itself first runs the steps whose results it takes (a booked diagnosis, a found leak's
/// reduction), in the browser as the users would.
/// </summary>
[TestCaseOrderer("AriSuTotalService.Web.Tests.Browser.StepOrderer", "AriSuTotalService.Web.Tests")]
public class UsersDayTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private BrowserFactory Factory => browser.Factory;

    [Fact]
    public async Task Step1_the_intake_clerk_registers_a_tenants_leak_with_a_second_problem_and_books_field1_by_keyboard_alone()
    {
        var page = await browser.PageAsync();
        await BrowserFixture.OnPageAsync(page, async () =>
        {
            await browser.SignInAsync(page, "clerk@arisu.local");
            await BrowserFixture.TabToAsync(page, "nav-intake");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync("**/Intake");
            await browser.CheckAsync(page, "intake");

            // Find the customer by phone: the search box has the focus; arrow down to the suggestion.
            await page.Keyboard.TypeAsync(BrowserFixture.LeakPhone);
            await page.Locator("#search-results a").First.WaitForAsync();
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync("**/Intake?customerId=*");
            Assert.Contains(BrowserFixture.LeakAccount, await page.Locator("#customer-panel").InnerTextAsync());

            // Saving without a type: the focus returns to the field, marked invalid and described by its error message.
            await BrowserFixture.TabToAsync(page, "intake-submit");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync("**/Intake**");
            await page.Locator("#Input_TypeCode[aria-invalid=true]").WaitForAsync();
            // The URL pattern also matches the page before the post: the answer's focus is waited for, not read at once.
            await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'Input_TypeCode'", null, new() { Timeout = 10_000 });
            var described = await page.Locator("#Input_TypeCode").GetAttributeAsync("aria-describedby");
            Assert.Equal("민원 유형을 선택하세요.", (await page.Locator("#" + described).InnerTextAsync()).Trim());
            Assert.Contains(BrowserFixture.LeakAccount, await page.Locator("#customer-panel").InnerTextAsync());
            await browser.CheckAsync(page, "intake with an error");
            await BrowserFixture.ArrowToOptionAsync(page, "Input_TypeCode", ComplaintTypeCodes.LeakDiagnosis);
            await BrowserFixture.TabToAsync(page, "Input_Description");
            await page.Keyboard.TypeAsync("세입자: 벽 속에서 물 흐르는 소리가 나고 요금이 많이 나옴");
            await BrowserFixture.TabToAsync(page, "Input_CallerIsHolder");
            if (await page.Locator("#Input_CallerIsHolder").IsCheckedAsync()) await page.Keyboard.PressAsync("Space");
            await BrowserFixture.TabToAsync(page, "Input_CallerName");
            await page.Keyboard.TypeAsync("이세입");
            await BrowserFixture.TabToAsync(page, "Input_CallerPhone");
            await page.Keyboard.TypeAsync("010-7777-8888");
            await BrowserFixture.TabToAsync(page, "Input_CallerRelation");
            await BrowserFixture.ArrowToOptionAsync(page, "Input_CallerRelation", CallerRelations.Tenant);
            await BrowserFixture.TabToAsync(page, "Input_PreferredDate");
            // Debian's headless Chromium lays the date field out as month / day / year whatever the page's language.
            await page.Keyboard.TypeAsync("11252026");
            Assert.Equal("2026-11-25", await page.InputValueAsync("#Input_PreferredDate"));
            await BrowserFixture.TabToAsync(page, "Input_PreferredWindow");
            await BrowserFixture.ArrowToOptionAsync(page, "Input_PreferredWindow", "13-15");
            await BrowserFixture.TabToAsync(page, "other-" + ComplaintTypeCodes.WaterQualityTest);
            await page.Keyboard.PressAsync("Space");
            await browser.CheckAsync(page, "intake filled", screenshot: "intake");

            // The focus order follows the form, top to bottom.
            await page.Locator("#Input_TypeCode").FocusAsync();
            var order = new List<string>();
            for (var i = 0; i < 60 && order.LastOrDefault() != "intake-submit"; i++)
            {
                var id = await page.EvaluateAsync<string>("() => document.activeElement.id");
                if (id.Length > 0 && order.LastOrDefault() != id) order.Add(id);
                await page.Keyboard.PressAsync("Tab");
            }
            string[] expected = ["Input_TypeCode", "Input_Channel", "Input_Description", "Input_CallerIsHolder", "Input_CallerName", "Input_CallerPhone",
                "Input_CallerRelation", "Input_PreferredDate", "Input_PreferredWindow", "other-" + ComplaintTypeCodes.NameChange, "intake-submit"];
            Assert.Equal(expected, order.Where(expected.Contains).ToArray());

            // At 200 % zoom (half the width) the form still fits without scrolling sideways.
            await page.SetViewportSizeAsync(640, 450);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the intake page scrolls sideways at 200 % zoom");
            await page.SetViewportSizeAsync(1280, 900);
            await BrowserFixture.TabToAsync(page, "intake-submit");
            await page.Keyboard.PressAsync("Enter");

            await page.WaitForURLAsync("**/Complaints/Detail/**");
            var reception = (await page.Locator("#reception-number").InnerTextAsync()).Trim();
            Assert.Matches(@"^\d{4}-.+-\d+$", reception);
            Assert.Contains("수질검사", await page.Locator("#linked").InnerTextAsync());
            await browser.CheckAsync(page, "confirmation", screenshot: "complaint-confirmation");
            browser.DiagnosisReception = reception;
            browser.DiagnosisId = Factory.With(db => db.Complaints.Single(c => c.ReceptionNumber == reception).Id);

            // Book field1 in the preferred window: the form comes filled with the citizen's wish.
            await BrowserFixture.TabToAsync(page, "book-visit");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync("**/Visits/Book/**");
            Assert.Equal("13-15", await page.InputValueAsync("#Window"));
            Assert.Equal("2026-11-25", await page.InputValueAsync("#Date"));
            var field1 = Factory.With(db => db.Users.Single(u => u.Email == "field1@arisu.local").Id);
            await BrowserFixture.TabToAsync(page, "StaffId");
            await BrowserFixture.ArrowToOptionAsync(page, "StaffId", field1);
            await browser.CheckAsync(page, "booking", screenshot: "visit-booking");
            await BrowserFixture.TabToAsync(page, "ForceReason");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync("**/Complaints/Detail/**");
            Assert.Contains("방문", await page.Locator("body").InnerTextAsync());
            Factory.With(db =>
            {
                var complaint = db.Complaints.AsNoTracking().Single(c => c.Id == browser.DiagnosisId);
                Assert.Equal(ComplaintStatuses.Scheduled, complaint.Status);
                Assert.Equal(CallerRelations.Tenant, complaint.CallerRelation);
                var visit = db.Visits.AsNoTracking().Single(v => v.ComplaintId == complaint.Id);
                Assert.Equal(field1, visit.StaffId);
                Assert.Equal("13-15", visit.Window);
                return 0;
            });
        });
    }

    /// <summary>Step 1's booked diagnosis; a step run alone (or after step 1 failed) runs step 1 first.</summary>
    private async Task BookedDiagnosisAsync()
    {
        if (browser.DiagnosisId is null) await Step1_the_intake_clerk_registers_a_tenants_leak_with_a_second_problem_and_books_field1_by_keyboard_alone();
    }

    /// <summary>Step 2's reduction; a step run alone runs step 2 (and what it needs) first.</summary>
    private async Task OpenedReductionAsync()
    {
        if (browser.ReductionId is null) await Step2_field1_on_a_phone_arrives_records_a_repaired_leak_with_a_photo_and_the_reduction_opens_by_itself();
    }

    [Fact]
    public async Task Step2_field1_on_a_phone_arrives_records_a_repaired_leak_with_a_photo_and_the_reduction_opens_by_itself()
    {
        await BookedDiagnosisAsync();
        var page = await browser.PageAsync(360, 740);
        await BrowserFixture.OnPageAsync(page, async () =>
        {
            await browser.SignInAsync(page, "field1@arisu.local");
            await page.GotoAsync("/Visits/Mine");
            var card = page.Locator("#my-visits li").Filter(new() { HasText = browser.DiagnosisReception });
            await Assertions.Expect(card).ToHaveCountAsync(1);
            await browser.CheckAsync(page, "my visits", screenshot: "my-visits-phone");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "My visits scrolls sideways at 360 px");

            // The connection's earlier complaints load when the card's history is opened.
            await card.Locator("details summary").ClickAsync();
            await Assertions.Expect(card.Locator("[data-history-body]")).Not.ToContainTextAsync("불러오기");
            await Assertions.Expect(card.Locator("[data-history-body] li, [data-history-body] p").First).ToBeVisibleAsync();

            await card.GetByRole(AriaRole.Button, new() { Name = "도착" }).ClickAsync();
            card = page.Locator("#my-visits li").Filter(new() { HasText = browser.DiagnosisReception });
            await card.GetByRole(AriaRole.Link, new() { Name = "방문 결과 입력" }).ClickAsync();
            await page.WaitForURLAsync("**/Visits/Outcome/**");

            await page.GetByLabel("누수 있음").CheckAsync();
            await page.GetByLabel("누수 위치").SelectOptionAsync("wall_pipe");
            await page.GetByLabel("수리한 사람").FillAsync("현장민원과 보수반");
            await page.GetByLabel("수리 완료").CheckAsync();
            await page.GetByLabel("해결 (민원 종결)").CheckAsync();
            await page.GetByLabel("처리 내용").FillAsync("벽 속 급수관 이음부 누수, 이음부 교체로 수리");
            await page.Locator("#Photo").SetInputFilesAsync(new FilePayload { Name = "repair.jpg", MimeType = "image/jpeg", Buffer = VisitSteps.Jpeg });
            await browser.CheckAsync(page, "visit outcome", screenshot: "visit-outcome-phone");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the outcome form scrolls sideways at 360 px");
            await page.GetByRole(AriaRole.Button, new() { Name = "방문 결과 저장" }).ClickAsync();

            // Back to the day's visits, told what was saved and that the reduction opened.
            await page.WaitForURLAsync("**/Visits/Mine");
            await Assertions.Expect(page.Locator("#done")).ToContainTextAsync($"{browser.DiagnosisReception} 방문 결과를 저장했습니다. 누수요금 감면 건이 열렸습니다.");
            await page.GotoAsync($"/Complaints/Detail/{browser.DiagnosisId}");
            var linked = await page.Locator("#linked").InnerTextAsync();
            Assert.Contains("누수요금감면", linked);
            await browser.CheckAsync(page, "resolved diagnosis");
            var reduction = Factory.With(db => db.LeakReductions.AsNoTracking().Single(r => r.DiagnosisComplaintId == browser.DiagnosisId));
            Assert.Equal(ReductionStatuses.Pending, reduction.Status);
            Assert.Equal(54_900, reduction.TotalWon);
            Assert.Equal(ComplaintStatuses.Resolved, Factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == browser.DiagnosisId).Status));
            browser.ReductionId = reduction.Id;
        });
    }

    [Fact]
    public async Task Step3_the_billing_clerk_approves_the_reduction_and_it_goes_on_the_next_bill_export()
    {
        await OpenedReductionAsync();
        var page = await browser.PageAsync();
        await BrowserFixture.OnPageAsync(page, async () =>
        {
            await browser.SignInAsync(page, "billing@arisu.local");
            await page.GotoAsync("/Reductions");
            await browser.CheckAsync(page, "reductions");
            var reception = Factory.With(db => db.Complaints.Where(c => db.LeakReductions.Any(r => r.Id == browser.ReductionId && r.ComplaintId == c.Id)).Select(c => c.ReceptionNumber).Single());
            await page.GetByRole(AriaRole.Link, new() { Name = reception }).ClickAsync();
            await page.WaitForURLAsync("**/Reductions/Case/**");
            Assert.Equal("54,900", (await page.Locator("#total-won").InnerTextAsync()).Trim());
            Assert.Contains("방문 사진 1", await page.Locator("#evidence").InnerTextAsync());
            await browser.CheckAsync(page, "reduction review", screenshot: "reduction-review");
            // Approval and the export ask first, saying what they do.
            var asked = new List<string>();
            page.Dialog += (_, dialog) =>
            {
                asked.Add(dialog.Message);
                _ = dialog.AcceptAsync();
            };
            await page.Locator("#approve").ClickAsync();
            await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("승인");
            await Assertions.Expect(page.Locator("#done")).ToContainTextAsync("감면액 54,900원을 승인했습니다. 다음 고지서 내보내기에 들어갑니다.");
            Assert.Contains("감면액 54,900원을 승인합니다.", Assert.Single(asked));
            await page.GetByRole(AriaRole.Link, new() { Name = "안내문 인쇄" }).ClickAsync();
            await Assertions.Expect(page.Locator("#notice-name")).ToContainTextAsync("한누수");
            // Dated the day of the approval and signed by the head of the office, all on one A4 page.
            await Assertions.Expect(page.Locator("#notice-date")).ToHaveTextAsync("2026. 11. 25.");
            await Assertions.Expect(page.Locator("#notice-signature")).ToContainTextAsync("남부수도사업소장 (직인 생략)");
            await browser.CheckAsync(page, "reduction notice", screenshot: "reduction-notice");
            Assert.Equal(1, await BrowserFixture.PrintedPagesAsync(page));

            await page.GotoAsync("/Reductions/Export");
            await Assertions.Expect(page.Locator("#pending")).ToContainTextAsync(BrowserFixture.LeakAccount);
            await browser.CheckAsync(page, "next bill list");
            await page.Locator("#export").ClickAsync();
            await page.Locator("#exported").WaitForAsync();
            await Assertions.Expect(page.Locator("#done")).ToContainTextAsync("감면 1건, 취소 0건(합계 54,900원)을 내보내고 내보낸 것으로 표시했습니다.");
            Assert.StartsWith("승인된 감면을 내보내고 내보낸 것으로 표시합니다.", asked[^1]);
            await browser.CheckAsync(page, "exported");
            await Assertions.Expect(page.Locator("#nothing-pending")).ToBeVisibleAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#batches a", new() { HasText = "CSV" }).First.ClickAsync());
            var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
            Assert.Contains($"reduction,{browser.ReductionId},{BrowserFixture.LeakAccount},", csv);
            Assert.Contains(",54900,", csv);
        });
    }

    [Fact]
    public async Task Step4_the_section_chief_loads_readings_runs_the_scan_books_an_unexplained_surge_and_sees_the_figures_move()
    {
        var page = await browser.PageAsync();
        await BrowserFixture.OnPageAsync(page, async () =>
        {
            await browser.SignInAsync(page, "chief@arisu.local");
            await page.GotoAsync("/Dashboard?from=2026-11&to=2026-11");
            var unexplainedBefore = Factory.With(db => db.SurgeCases.Count(c => c.Period == new DateOnly(2026, 11, 1) && c.Status == "unexplained"));
            var proactiveBefore = Factory.With(db => db.Complaints.Count(c => c.Channel == Channels.Proactive && c.ReceivedAtUtc >= new DateTime(2026, 10, 31, 15, 0, 0, DateTimeKind.Utc)));

            // A month of readings, uploaded with a progress bar.
            await page.GotoAsync("/Surges/Readings");
            await browser.CheckAsync(page, "readings upload");
            await page.Locator("#file").SetInputFilesAsync(new FilePayload
            {
                Name = "readings-2026-11.csv", MimeType = "text/csv",
                Buffer = System.Text.Encoding.UTF8.GetBytes("account_number,period_start,period_end,reading_m3,usage_m3\n" + $"{BrowserFixture.SurgeAccount},2026-10-20,2026-11-20,575,60\n"),
            });
            await page.GetByRole(AriaRole.Button, new() { Name = "올리기" }).ClickAsync();
            await Assertions.Expect(page.Locator("#import-result")).ToContainTextAsync("새로 1건");

            // Run the scan now and watch it finish.
            await page.GotoAsync("/Surges/Scans");
            await page.Locator("#Period").FillAsync("2026-11");
            await page.GetByRole(AriaRole.Button, new() { Name = "지금 검사" }).ClickAsync();
            await page.Locator("#scan-progress").WaitForAsync();
            await Assertions.Expect(page.Locator("[data-progress-text]")).ToContainTextAsync("완료", new() { Timeout = 60_000 });
            // The history takes the finished run by itself.
            await Assertions.Expect(page.Locator("#scan-history tbody tr").Filter(new() { HasText = "2026-11" }).First).ToContainTextAsync("완료");
            await browser.CheckAsync(page, "scans");

            // The new surge on the worklist: no explanation, so a proactive diagnosis, booked for field2 tomorrow.
            await page.GotoAsync("/Surges?period=2026-11");
            await browser.CheckAsync(page, "surge worklist", screenshot: "surge-worklist");
            // The same worklist on a field worker's phone: the new surge there too, nothing running off the screen.
            var phone = await browser.PageAsync(360, 740);
            await browser.SignInAsync(phone, "field1@arisu.local");
            await phone.GotoAsync("/Surges?period=2026-11");
            await Assertions.Expect(phone.GetByRole(AriaRole.Link, new() { Name = BrowserFixture.SurgeAccount }).First).ToBeVisibleAsync();
            await browser.CheckAsync(phone, "surge worklist on a phone", screenshot: "surge-worklist-phone");
            Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the worklist scrolls sideways at 360 px");
            await phone.CloseAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = BrowserFixture.SurgeAccount }).First.ClickAsync();
            await page.WaitForURLAsync("**/Surges/Case/**");
            await browser.CheckAsync(page, "surge case", screenshot: "surge-case");
            await page.Locator("#pref-window").SelectOptionAsync("09-12");
            await page.Locator("form[action*=Unexplained] button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/Complaints/Detail/**");
            await browser.CheckAsync(page, "proactive diagnosis");
            await page.Locator("#book-visit").ClickAsync();
            await page.WaitForURLAsync("**/Visits/Book/**");
            await browser.CheckAsync(page, "booking the surge visit");
            var field2 = Factory.With(db => db.Users.Single(u => u.Email == "field2@arisu.local").Id);
            await page.Locator("#StaffId").SelectOptionAsync(field2);
            await page.Locator("#Date").FillAsync("2026-11-26");
            await page.Locator("#Window").SelectOptionAsync("09-12");
            await page.GetByRole(AriaRole.Button, new() { Name = "예약하고 민원인에게 문자 안내" }).ClickAsync();
            await page.WaitForURLAsync("**/Complaints/Detail/**");
            var surge = Factory.With(db => db.SurgeCases.AsNoTracking().Single(c => db.Customers.Any(x => x.Id == c.CustomerId && x.AccountNumber == BrowserFixture.SurgeAccount)));
            Assert.Equal("unexplained", surge.Status);
            Assert.Equal("scheduled", Factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == surge.DiagnosisComplaintId).Status));

            // The dashboard moved: one more unexplained surge, and the proactive complaints of the month include the new diagnosis.
            await page.GotoAsync("/Dashboard?from=2026-11&to=2026-11");
            var funnel = await page.Locator("#surge-funnel").InnerTextAsync();
            Assert.Contains($"원인 불명 {unexplainedBefore + 1}", funnel);
            Assert.Contains("요금 감면 승인", funnel);
            Assert.Equal(proactiveBefore + 1, Factory.With(db => db.Complaints.Count(c => c.Channel == Channels.Proactive && c.ReceivedAtUtc >= new DateTime(2026, 10, 31, 15, 0, 0, DateTimeKind.Utc))));
            await browser.CheckAsync(page, "dashboard", screenshot: "dashboard");

            // The monthly report, frozen now and downloaded as XLSX.
            await page.GotoAsync("/Reports");
            await browser.CheckAsync(page, "reports");
            await page.Locator("#Month").FillAsync("2026-11");
            await page.GetByRole(AriaRole.Button, new() { Name = "지금 만들기" }).First.ClickAsync();
            await page.WaitForURLAsync("**/Reports/View/**");
            await browser.CheckAsync(page, "monthly report");
            // On paper the report takes whole A4 pages: no second sheet holding a few leftover lines.
            Assert.Equal(1, await BrowserFixture.PrintedPagesAsync(page));
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "XLSX" }).ClickAsync());
            await using var xlsx = File.OpenRead((await download.PathAsync())!);
            var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(xlsx);
            Assert.NotEmpty(sheets);
        });
    }

    [Fact]
    public async Task Step5_the_administrator_creates_a_user_and_locks_another_who_then_cannot_sign_in_and_a_clerk_cannot_reach_admin_pages()
    {
        var page = await browser.PageAsync();
        await BrowserFixture.OnPageAsync(page, async () =>
        {
            await browser.SignInAsync(page, "admin@arisu.local");
            await page.GotoAsync("/Admin/Users/Create");
            await browser.CheckAsync(page, "create user");
            await page.Locator("#Email").FillAsync("field3@arisu.local");
            await page.Locator("#Password").FillAsync("Arisu-New-2026!");
            await page.Locator("#Form_DisplayName").FillAsync("최현장");
            await page.Locator("#Form_OfficeId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.Locator("#Form_Division").SelectOptionAsync("현장민원과");
            await page.Locator("#Form_Role").SelectOptionAsync("FieldStaff");
            await page.GetByRole(AriaRole.Button, new() { Name = "등록", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/Admin/Users");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("최현장");
            await browser.CheckAsync(page, "users");

            var field2 = Factory.With(db => db.Users.Single(u => u.Email == "field2@arisu.local").Id);
            await page.GotoAsync($"/Admin/Users/Edit/{field2}");
            await browser.CheckAsync(page, "edit user");
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "잠그기" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "잠금 해제" })).ToBeVisibleAsync();

            var locked = await browser.PageAsync();
            await locked.GotoAsync("/Account/Login");
            await locked.Locator("#Input_Email").FillAsync("field2@arisu.local");
            await locked.Locator("#Input_Password").FillAsync(AriSuTotalService.Infrastructure.Demo.DemoData.Password);
            await locked.Locator("#Input_Password").PressAsync("Enter");
            await Assertions.Expect(locked).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
            await Assertions.Expect(locked.Locator("[role=alert]").First).ToBeVisibleAsync();

            var created = await browser.PageAsync();
            await browser.SignInAsync(created, "field3@arisu.local", "Arisu-New-2026!");
            await Assertions.Expect(created).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));

            var clerk = await browser.PageAsync();
            await browser.SignInAsync(clerk, "clerk@arisu.local");
            Assert.Equal(403, (await clerk.GotoAsync("/hangfire"))!.Status);
            Assert.Equal(403, (await clerk.GotoAsync("/Admin/Users"))!.Status);
            Assert.Equal(403, (await clerk.GotoAsync("/Admin/Tariffs"))!.Status);
        });
    }
}
