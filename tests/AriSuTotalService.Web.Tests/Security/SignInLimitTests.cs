using System.Net;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Web.Tests.Infrastructure;

namespace AriSuTotalService.Web.Tests.Security;

public class SignInLimitTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    [Fact]
    public async Task Too_many_attempts_on_one_account_are_refused_even_from_fresh_sessions()
    {
        // Fresh clients each time: the limit is per account, not per session. The right password is refused too.
        for (var i = 0; i < 10; i++)
            await TestClient.Anonymous(factory).SignInAsync("nobody-" + "x@arisu.local", "wrong-password-" + i);
        var response = await TestClient.Anonymous(factory).SignInAsync("nobody-x@arisu.local", DemoData.Password);
        Assert.Contains("로그인 시도가 너무 많습니다", await response.Content.ReadAsStringAsync());

        // Another account from the same address is not affected.
        var other = await TestClient.Anonymous(factory).SignInAsync("chief@arisu.local", DemoData.Password);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task Sign_in_failures_and_lockouts_are_logged_without_the_password()
    {
        var secret = "my-secret-guess-77";
        await TestClient.Anonymous(factory).SignInAsync("field1@arisu.local", secret);
        // Log lines are written by a background thread: wait for the line, at most five seconds.
        var logs = LogFiles.ReadAll(factory);
        for (var i = 0; i < 50 && !logs.Contains("Sign-in failed for field1@arisu.local", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            logs = LogFiles.ReadAll(factory);
        }
        Assert.Contains("Sign-in failed for field1@arisu.local", logs);
        Assert.DoesNotContain(secret, logs);
    }
}
