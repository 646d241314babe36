using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hangfire.Common;
using Hangfire.Server;

namespace AriSuTotalService.Infrastructure.Jobs;

/// <summary>
/// Every background job as a trace span ("job SurgeScanJob.RunAsync") with its duration and outcome, and as metrics
/// (<c>arisu.job.duration</c>, <c>arisu.job.failures</c>): exported with the app's OpenTelemetry when it is switched on,
/// nothing when it is not (no listener, no cost).
/// </summary>
public sealed class JobTelemetry : JobFilterAttribute, IServerFilter
{
    public const string SourceName = "AriSuTotalService.Jobs";
    public static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(SourceName);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("arisu.job.duration", "s", "How long a background job ran");
    private static readonly Counter<long> Failures = Meter.CreateCounter<long>("arisu.job.failures", "{job}", "Background jobs that ended in an error");

    private const string ActivityItem = "arisu.activity";
    private const string StartItem = "arisu.start";

    public static string NameOf(Job job) => $"{job.Type.Name}.{job.Method.Name}";

    public void OnPerforming(PerformingContext context)
    {
        var activity = Source.StartActivity($"job {NameOf(context.BackgroundJob.Job)}", ActivityKind.Internal);
        activity?.SetTag("job.id", context.BackgroundJob.Id);
        activity?.SetTag("job.name", NameOf(context.BackgroundJob.Job));
        context.Items[ActivityItem] = activity;
        context.Items[StartItem] = Stopwatch.GetTimestamp();
    }

    public void OnPerformed(PerformedContext context)
    {
        var name = NameOf(context.BackgroundJob.Job);
        var failed = context.Exception is not null && !context.ExceptionHandled;
        if (context.Items.TryGetValue(StartItem, out var start) && start is long started)
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("job.name", name));
        if (failed) Failures.Add(1, new KeyValuePair<string, object?>("job.name", name));
        if (context.Items.TryGetValue(ActivityItem, out var item) && item is Activity activity)
        {
            activity.SetStatus(failed ? ActivityStatusCode.Error : ActivityStatusCode.Ok, failed ? context.Exception!.GetType().Name : null);
            activity.Dispose();
        }
    }
}
