using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Web.Tests.Infrastructure;

namespace AriSuTotalService.Web.Tests.Privacy;

[CollectionDefinition(LastCollectionOrderer.LastCollection, DisableParallelization = true)]
public class AfterEverything;

/// <summary>The whole suite's application logs hold no demo customer's name or phone number.</summary>
[Collection(LastCollectionOrderer.LastCollection)]
public class LogScanTests
{
    [Fact]
    public void No_customer_name_or_phone_appears_in_any_log_of_the_test_run()
    {
        var logs = RunLog.Read();
        // The run really logged: start-ups, sign-ins and requests of many test classes.
        var startUps = logs.Split("Application started", StringSplitOptions.None).Length - 1;
        Assert.True(startUps >= 10, $"only {startUps} application start-ups in the gathered logs");
        Assert.Contains("Sign-in succeeded", logs);
        Assert.Contains("HTTP POST", logs);

        var customers = new DemoDataGenerator(new DemoOptions { Customers = 80, Seed = 7 }, DateOnly.FromDateTime(ArisuFactory.Now.UtcDateTime)).Customers();
        var leaks = customers
            .SelectMany(c => new[] { c.HolderName, c.Phone, c.Phone.Replace("-", "", StringComparison.Ordinal) })
            .Where(v => logs.Contains(v, StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.True(leaks.Count == 0, "personal data in the logs: " + string.Join(", ", leaks));
    }
}
