using System.Text.Json;
using System.Text.RegularExpressions;
using AriSuTotalService.Web.Setup;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace AriSuTotalService.Web.Tests.Account;

/// <summary>The README's run command as an operator uses it: the port they choose is the port it listens on.</summary>
public partial class RunCommandTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void The_launch_profile_of_dotnet_run_names_no_url_so_ASPNETCORE_URLS_wins()
    {
        var repo = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(repo, "AriSuTotalService.sln"))) repo = Path.GetDirectoryName(repo.TrimEnd('/'))!;
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(repo, "src/AriSuTotalService.Web/Properties/launchSettings.json")));
        foreach (var profile in settings.RootElement.GetProperty("profiles").EnumerateObject())
        {
            Assert.False(profile.Value.TryGetProperty("applicationUrl", out _), $"profile {profile.Name} overrides ASPNETCORE_URLS");
            if (profile.Value.TryGetProperty("environmentVariables", out var env))
                Assert.False(env.TryGetProperty("ASPNETCORE_URLS", out _));
        }
    }

    [Fact]
    public void The_server_listens_where_the_operator_says_and_on_5080_when_nobody_says()
    {
        Assert.Equal("http://localhost:5080", ListenUrls.DefaultUnlessChosen(Config()));
        Assert.Null(ListenUrls.DefaultUnlessChosen(Config(("urls", "http://0.0.0.0:8080"))));
        Assert.Null(ListenUrls.DefaultUnlessChosen(Config(("http_ports", "8080"))));
        Assert.Null(ListenUrls.DefaultUnlessChosen(Config(("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:9000"))));
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [Fact]
    public void The_logs_of_a_demo_start_have_every_value_filled_in()
    {
        factory.CreateClient().Dispose();
        Assert.DoesNotMatch(Placeholder(), LogFiles.ReadAll(factory));
    }
}
