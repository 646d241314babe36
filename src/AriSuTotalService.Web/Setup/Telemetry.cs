using AriSuTotalService.Infrastructure.Jobs;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AriSuTotalService.Web.Setup;

/// <summary>
/// OpenTelemetry traces and metrics — ASP.NET Core requests, EF Core commands, outgoing HTTP, Hangfire jobs, the
/// runtime — exported by OTLP to <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (the standard variables: <c>_PROTOCOL</c>,
/// <c>_HEADERS</c>, <c>OTEL_SERVICE_NAME</c>…). Without the endpoint nothing is collected. Spans carry paths as the
/// request log does (the calendar feed's secret redacted), never a query string or a statement's values.
/// </summary>
public static class Telemetry
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddArisuTelemetry(this IServiceCollection services, IConfiguration config)
    {
        if (string.IsNullOrWhiteSpace(config[EndpointKey])) return services;
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName: config["OTEL_SERVICE_NAME"] is { Length: > 0 } n ? n : "AriSuTotalService",
                serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o =>
                {
                    // Probes every few seconds would drown the traces.
                    o.Filter = http => !http.Request.Path.StartsWithSegments("/health");
                    o.EnrichWithHttpRequest = (activity, request) =>
                    {
                        var path = Logging.RedactedPath(request.Path.Value ?? "");
                        activity.SetTag("url.path", path);
                        activity.SetTag("url.query", null);
                    };
                })
                .AddEntityFrameworkCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddSource(JobTelemetry.SourceName))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(JobTelemetry.SourceName))
            .UseOtlpExporter();
        return services;
    }
}
