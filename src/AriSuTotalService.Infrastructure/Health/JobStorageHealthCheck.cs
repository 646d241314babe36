using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AriSuTotalService.Infrastructure.Health;

/// <summary>Ready when the job storage answers (in-memory or SQL Server).</summary>
public sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers();
            return Task.FromResult(HealthCheckResult.Healthy($"job servers: {servers.Count}"));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("job storage unreachable", ex));
        }
    }
}
