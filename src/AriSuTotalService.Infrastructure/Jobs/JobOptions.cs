namespace AriSuTotalService.Infrastructure.Jobs;

/// <summary>
/// <c>Jobs__Server</c>: whether this node runs a Hangfire server (default true; web-only nodes set false);
/// <c>Jobs__WorkerCount</c>: workers per server (default 2 × cores, at most 10);
/// <c>Jobs__TimeLimitMinutes</c>: how long a scan run may stay queued or running before the catch-up counts it as
/// lost (a restart, a node that died) and runs its month again (default 120).
/// </summary>
public sealed class JobOptions
{
    public bool Server { get; set; } = true;
    [System.ComponentModel.DataAnnotations.Range(1, 50)]
    public int WorkerCount { get; set; } = Math.Min(10, Environment.ProcessorCount * 2);
    [System.ComponentModel.DataAnnotations.Range(5, 24 * 60)]
    public int TimeLimitMinutes { get; set; } = 120;
}
