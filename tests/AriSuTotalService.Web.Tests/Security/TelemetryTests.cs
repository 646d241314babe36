using System.Diagnostics;
using AriSuTotalService.Infrastructure.Jobs;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace AriSuTotalService.Web.Tests.Security;

/// <summary>The app with an OTLP endpoint set (nothing listens there) and the spans also kept in memory.</summary>
public sealed class TelemetryFactory : ArisuFactory
{
    public List<Activity> Spans { get; } = [];

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317",
    };

    protected override void OverrideServices(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(new Keeping(Spans)));
        // An EF service provider of its own: EF's providers are shared by the process, and one built by another class's
        // app before this one's listeners existed would never send them its commands.
        services.ConfigureDbContext<AriSuTotalService.Infrastructure.Data.ArisuDbContext>(o =>
            o.ReplaceService<Microsoft.Extensions.Caching.Memory.IMemoryCache, TelemetryQueryCache>());
    }

    public sealed class TelemetryQueryCache() : Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions());

    /// <summary>Keeps each ended span under the list's lock: the app's own background work ends spans while the test reads them.</summary>
    private sealed class Keeping(List<Activity> spans) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data)
        {
            lock (spans) spans.Add(data);
        }
    }
}

/// <summary>Alone, after the parallel classes: the EF and ASP.NET sources are process-wide, so another class's app would add its spans here.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry, alone";
}

[Collection(TelemetryCollection.Name)]
public class TelemetryTests(TelemetryFactory factory) : IClassFixture<TelemetryFactory>
{
    [Fact]
    public async Task With_an_otlp_endpoint_requests_database_commands_and_jobs_are_traced_without_secrets()
    {
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        await clerk.GetPageAsync("/Complaints");
        await clerk.GetAsync("/calendar/a-secret-feed-token.ics");
        // The jobs' source has a listener: a job's span is recorded.
        using (var job = JobTelemetry.Source.StartActivity("job SurgeScanJob.RunAsync")) Assert.NotNull(job);
        Assert.True(factory.Services.GetRequiredService<TracerProvider>().ForceFlush(5000));
        // A request's server span ends after its response has reached the client: waited for, not read at once.
        for (var i = 0; i < 100; i++)
        {
            lock (factory.Spans)
                if (factory.Spans.Any(s => s.Kind == ActivityKind.Server && (s.GetTagItem("url.path") as string) == "/Complaints")) break;
            await Task.Delay(50);
        }

        lock (factory.Spans)
        {
            var seen = string.Join("; ", factory.Spans.Select(s => $"{s.Source.Name}/{s.Kind}/{s.DisplayName}").Distinct().Take(40));
            Assert.True(factory.Spans.Any(s => s.Kind == ActivityKind.Server && (s.GetTagItem("url.path") as string) == "/Complaints"), "no server span of /Complaints: " + seen);
            Assert.True(factory.Spans.Any(s => s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal)), "no EF span: " + seen);
            Assert.True(factory.Spans.Any(s => s.Source.Name == JobTelemetry.SourceName), "no job span: " + seen);
            Assert.DoesNotContain(factory.Spans, s => s.Tags.Any(t => t.Value?.Contains("a-secret-feed-token", StringComparison.Ordinal) == true)
                || s.DisplayName.Contains("a-secret-feed-token", StringComparison.Ordinal));
        }
    }
}

public class TelemetryOffTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    [Fact]
    public void Without_an_endpoint_nothing_is_collected() =>
        Assert.Null(factory.Services.GetService<TracerProvider>());
}
