using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Infrastructure.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AriSuTotalService.Infrastructure.Jobs;

/// <summary>
/// Anonymises the personal fields of complaints closed longer ago than the retention period, in one set-based
/// statement. Idempotent and safe to run twice at once: it only touches rows not yet anonymised.
/// </summary>
[AutomaticRetry(Attempts = 3)]
public sealed class ComplaintRetentionJob(ArisuDbContext db, RetentionOptions options, TimeProvider clock, ILogger<ComplaintRetentionJob> logger)
{
    public const string Id = "complaint-retention";
    public const string Placeholder = "(보존기간 경과로 삭제됨)";

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddYears(-options.ClosedComplaintYears);
        var count = await db.Complaints
            .Where(c => c.AnonymizedAtUtc == null
                && ((c.Status == ComplaintStatuses.Resolved && c.ClosedAtUtc < cutoff)
                    || (c.Status == ComplaintStatuses.Cancelled && (c.UpdatedAtUtc ?? c.ReceivedAtUtc) < cutoff)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.CallerName, (string?)null)
                .SetProperty(c => c.CallerPhone, (string?)null)
                .SetProperty(c => c.Location, (string?)null)
                .SetProperty(c => c.Description, c => c.Description == null ? null : Placeholder)
                .SetProperty(c => c.AnonymizedAtUtc, now), ct);
        logger.LogInformation("Retention: {Count} closed complaints anonymised (closed before {Cutoff:yyyy-MM-dd})", count, cutoff);
        return count;
    }
}
