using AriSuTotalService.Domain.Integrations;
using System.Net;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Reductions;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Infrastructure.Jobs;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AriSuTotalService.Web.Tests.Security;

/// <summary>The seams a review found between the office model and the outside: proxies, web nodes, feeds, exports, refunds, retention, bad input.</summary>
public class SeamTests(SeamTests.Factory factory) : IClassFixture<SeamTests.Factory>
{
    /// <summary>Requests arrive from 203.0.113.7, as from a client on the internet (the test server has no address of its own).</summary>
    public class Factory : ArisuFactory
    {
        public const string ClientAddress = "203.0.113.7";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new RemoteAddress(ClientAddress)));
        }
    }

    private sealed class RemoteAddress(string address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, n) =>
            {
                ctx.Connection.RemoteIpAddress = IPAddress.Parse(address);
                return n(ctx);
            });
            next(app);
        };
    }

    [Fact]
    public async Task A_forwarded_address_sent_by_the_client_itself_changes_neither_the_access_log_nor_the_sign_in_limits()
    {
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var complaint = factory.With(db => db.Complaints.OrderByDescending(c => c.Id).Select(c => c.Id).First());
        var request = new HttpRequestMessage(HttpMethod.Get, $"/Complaints/Detail/{complaint}");
        request.Headers.Add("X-Forwarded-For", "198.51.100.99");
        var page = await clerk.Http.SendAsync(request);
        var token = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var reveal = new HttpRequestMessage(HttpMethod.Post, $"/Complaints/Detail/{complaint}?handler=Reveal")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }),
        };
        reveal.Headers.Add("X-Forwarded-For", "198.51.100.99");
        Assert.Equal(HttpStatusCode.OK, (await clerk.Http.SendAsync(reveal)).StatusCode);
        var logged = factory.With(db => db.PersonalDataAccesses.AsNoTracking().OrderByDescending(a => a.Id).First());
        Assert.Equal(Factory.ClientAddress, logged.IpAddress);

        // Sign-in attempts are counted against the real address, whatever the header claims.
        var http = TestClient.Anonymous(factory);
        http.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.100");
        await http.SignInAsync("nobody@arisu.local", "wrong-password-1");
        Assert.Equal([Factory.ClientAddress], factory.With(db => db.SignInAttempts.Select(a => a.IpAddress).Distinct().ToList()));
    }

    [Fact]
    public async Task Sign_in_limits_are_shared_by_every_web_node()
    {
        // A second node on the same database: attempts on one count on the other.
        using var second = new SecondNode(factory);
        for (var i = 0; i < 10; i++)
            await TestClient.Anonymous(i % 2 == 0 ? factory : second).SignInAsync("limit-x@arisu.local", "wrong-password-" + i);
        var refused = await TestClient.Anonymous(second).SignInAsync("limit-x@arisu.local", DemoData.Password);
        Assert.Contains("로그인 시도가 너무 많습니다", await refused.Content.ReadAsStringAsync());
        var first = await TestClient.Anonymous(factory).SignInAsync("limit-x@arisu.local", DemoData.Password);
        Assert.Contains("로그인 시도가 너무 많습니다", await first.Content.ReadAsStringAsync());
        // Five minutes later the account may try again (the attempts are not remembered for ever).
        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        second.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.DoesNotContain("로그인 시도가 너무 많습니다", await (await TestClient.Anonymous(factory).SignInAsync("limit-x@arisu.local", "x-wrong-password-1")).Content.ReadAsStringAsync());
    }

    /// <summary>Another web node: the same data folder (SQLite file), its own process state.</summary>
    private sealed class SecondNode(Factory first) : ArisuFactory
    {
        protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?> { ["DataFolder"] = first.DataFolder };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(first.Clock));
        }
    }

    [Fact]
    public async Task A_locked_or_demoted_field_worker_s_feed_stops_and_its_secret_stays_out_of_the_logs()
    {
        const string secret = "feed-secret-of-field2-0123456789";
        factory.With(db =>
        {
            db.Users.Single(u => u.Email == "field2@arisu.local").CalendarTokenHash = ApiKey.HashOf(secret);
            return db.SaveChanges();
        });
        var anonymous = TestClient.Anonymous(factory);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/calendar/{secret}.ics")).StatusCode);
        await Task.Delay(300);
        Assert.DoesNotContain(secret, LogFiles.ReadAll(factory));

        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var field2 = factory.With(db => db.Users.Single(u => u.Email == "field2@arisu.local").Id);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Users/Edit/{field2}?handler=Lock", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/calendar/{secret}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Users/Edit/{field2}?handler=Unlock", [])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/calendar/{secret}.ics")).StatusCode);

        // Demoted to intake clerk: no visits of their own, no feed.
        var saved = await admin.PostFormAsync($"/Admin/Users/Edit/{field2}?handler=Save", new()
        {
            ["Form.DisplayName"] = "현장 둘", ["Form.OfficeId"] = factory.With(db => db.Offices.Single().Id).ToString(),
            ["Form.Division"] = Divisions.FieldComplaints, ["Form.Role"] = Roles.IntakeClerk,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/calendar/{secret}.ics")).StatusCode);
    }

    [Fact]
    public async Task Two_approvals_of_one_account_and_leak_period_are_refused_by_the_database()
    {
        factory.CreateClient().Dispose();
        var ids = factory.With(db =>
        {
            var office = db.Offices.Single().Id;
            var complaints = db.Complaints.OrderBy(c => c.Id).Where(c => c.CustomerId != null).Take(2).ToList();
            var customer = complaints[0].CustomerId!.Value;
            var cases = complaints.Select(c => new LeakReduction(office, customer, c.Id, ReductionSources.Application, new DateOnly(2026, 10, 10), "clerk", null, null, null)).ToList();
            foreach (var r in cases) r.SetLeakPeriod(new DateOnly(2026, 9, 20), new DateOnly(2026, 10, 19));
            db.LeakReductions.AddRange(cases);
            db.SaveChanges();
            return cases.Select(r => r.Id).ToList();
        });
        factory.With(db => db.Database.ExecuteSql($"UPDATE \"LeakReductions\" SET \"Status\" = 'approved' WHERE \"Id\" = {ids[0]}"));
        var second = Assert.ThrowsAny<Exception>(() => factory.With(db => db.Database.ExecuteSql($"UPDATE \"LeakReductions\" SET \"Status\" = 'approved' WHERE \"Id\" = {ids[1]}")));
        Assert.Contains("UNIQUE", second.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Retention_also_clears_the_outbox_numbers_and_texts()
    {
        factory.CreateClient().Dispose();
        var office = factory.With(db => db.Offices.Single().Id);
        var old = factory.Clock.GetUtcNow().UtcDateTime;
        factory.With(db =>
        {
            var m = new AriSuTotalService.Domain.Notices.OutboxMessage(office, null, "010-3333-4444", "booked", "내일 방문합니다 010-3333-4444", old);
            m.MarkSent(old);
            db.OutboxMessages.Add(m);
            return db.SaveChanges();
        });
        factory.Clock.Advance(TimeSpan.FromDays(365 * 3 + 2));
        using (var scope = factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ComplaintRetentionJob>().RunAsync();
        var cleared = factory.With(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == "booked" && m.CreatedAtUtc == old).Single());
        Assert.Equal("", cleared.ToPhone);
        Assert.DoesNotContain("010-3333-4444", cleared.Body);
        Assert.NotNull(cleared.SentAtUtc);
    }

    [Fact]
    public async Task A_dashboard_period_out_of_range_is_a_400_with_a_message_and_open311_text_too_long_is_refused()
    {
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var response = await chief.GetAsync("/Dashboard?to=9999-12");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2000-01부터 2100-12", await response.Content.ReadAsStringAsync());

        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", DemoData.ApiKey);
        var before = factory.With(db => db.Complaints.Count());
        foreach (var (field, value) in new[] { ("address_string", new string('가', 301)), ("last_name", new string('나', 101)) })
        {
            var form = new Dictionary<string, string> { ["service_code"] = "OUTDOOR_LEAK", ["address_string"] = "관악구 신림동", ["phone"] = "010-1234-5678" };
            form[field] = value;
            var posted = await api.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(form));
            Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
            Assert.Contains(field, await posted.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, factory.With(db => db.Complaints.Count()));
    }
}
