using AriSuTotalService.Infrastructure;
using AriSuTotalService.Web.Tests.Infrastructure;

namespace AriSuTotalService.Web.Tests.Security;

/// <summary>The app with one setting of its choosing.</summary>
public sealed class SettingFactory(string key, string value) : ArisuFactory
{
    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?> { [key] = value };
}

/// <summary>A setting the app cannot use stops the start with a message naming it and what it may be.</summary>
public class SettingsTests
{
    [Theory]
    [InlineData("Database:MigrateOnStart", "yes please", "Database__MigrateOnStart must be true or false, not 'yes please'")]
    [InlineData("Jobs:WorkerCount", "many", "Jobs__WorkerCount must be a whole number, not 'many'")]
    [InlineData("Jobs:WorkerCount", "0", "Jobs__WorkerCount must be from 1 to 50, not 0")]
    [InlineData("Visits:PerWindow", "-3", "Visits__PerWindow must be from 1 to 20, not -3")]
    [InlineData("Retention:ClosedComplaintYears", "2.5", "Retention__ClosedComplaintYears must be a whole number, not '2.5'")]
    [InlineData("Security:SignInAttemptsPerAccount", "ten", "Security__SignInAttemptsPerAccount must be a whole number from 1, not 'ten'")]
    [InlineData("Demo:Customers", "lots", "Demo__Customers must be a whole number, not 'lots'")]
    public void A_bad_value_stops_the_start_naming_the_setting_and_what_it_may_be(string key, string value, string message)
    {
        using var factory = new SettingFactory(key, value);
        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var settings = failure as SettingsException ?? failure.InnerException as SettingsException
            ?? (failure as AggregateException)?.InnerExceptions.OfType<SettingsException>().FirstOrDefault();
        Assert.True(settings is not null, failure.ToString());
        Assert.Contains(message, settings.Message, StringComparison.Ordinal);
    }
}
