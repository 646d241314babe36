using AriSuTotalService.Infrastructure;
using Microsoft.Extensions.Configuration;
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
    [InlineData("Logging:Format", "xml", "Logging__Format must be text or json, not 'xml'")]
    [InlineData("Setup:AdminEmail", "admin@example.go.kr", "Setup__AdminEmail is set, so these are needed too: Setup__AdminPassword (or Setup__AdminPasswordFile), Setup__OfficeName, Setup__OfficeShortName, Setup__Districts")]
    public void A_bad_value_stops_the_start_naming_the_setting_and_what_it_may_be(string key, string value, string message)
    {
        using var factory = new SettingFactory(key, value);
        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var settings = failure as SettingsException ?? failure.InnerException as SettingsException
            ?? (failure as AggregateException)?.InnerExceptions.OfType<SettingsException>().FirstOrDefault();
        Assert.True(settings is not null, failure.ToString());
        Assert.Contains(message, settings.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_json_format_each_console_line_is_one_compact_json_event()
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:Format"] = "json" }).Build();
        var formatter = AriSuTotalService.Web.Setup.Logging.ConsoleFormatter(config);
        var template = new Serilog.Parsing.MessageTemplateParser().Parse("Scan {Period} done: {Cases} cases");
        var logEvent = new Serilog.Events.LogEvent(DateTimeOffset.UtcNow, Serilog.Events.LogEventLevel.Warning, null, template,
            [new Serilog.Events.LogEventProperty("Period", new Serilog.Events.ScalarValue("2026-11")), new Serilog.Events.LogEventProperty("Cases", new Serilog.Events.ScalarValue(12))]);
        using var writer = new StringWriter();
        formatter.Format(logEvent, writer);
        var line = writer.ToString().TrimEnd();
        Assert.DoesNotContain('\n', line);
        var json = System.Text.Json.JsonDocument.Parse(line).RootElement;
        Assert.Equal("Scan {Period} done: {Cases} cases", json.GetProperty("@mt").GetString());
        Assert.Equal("Warning", json.GetProperty("@l").GetString());
        Assert.Equal(12, json.GetProperty("Cases").GetInt32());
    }
}
