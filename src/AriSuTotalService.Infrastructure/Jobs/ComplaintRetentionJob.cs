using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Infrastructure.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AriSuTotalService.Infrastructure.Jobs;

/// <summary>
/// Anonymises the personal fields of complaints closed longer ago than the retention period, and clears the phone
/// numbers and texts of the text messages of that age from the outbox, each in one set-based statement, for every
/// office. Idempotent and safe to run twice at once: it only touches rows not yet anonymised.
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
        // Retention is the same rule in every office: this job spans offices by name.
        var count = await db.Complaints.IgnoreQueryFilters(ArisuDbContext.AllOffices)
            .Where(c => c.AnonymizedAtUtc == null
                && ((c.Status == ComplaintStatuses.Resolved && c.ClosedAtUtc < cutoff)
                    || (c.Status == ComplaintStatuses.Cancelled && (c.UpdatedAtUtc ?? c.ReceivedAtUtc) < cutoff)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.CallerName, (string?)null)
                .SetProperty(c => c.CallerPhone, (string?)null)
                .SetProperty(c => c.CallerEmail, (string?)null)
                .SetProperty(c => c.Latitude, (decimal?)null)
                .SetProperty(c => c.Longitude, (decimal?)null)
                .SetProperty(c => c.Location, (string?)null)
                .SetProperty(c => c.Description, c => c.Description == null ? null : Placeholder)
                .SetProperty(c => c.AnonymizedAtUtc, now)
                // A form still open on one of them is refused when saved, as after any other change.
                .SetProperty(c => c.Version, Guid.NewGuid()), ct);
        // A message the outbox is done with (sent, or given up) keeps its date, kind and outcome; the number and text go.
        var messages = await db.OutboxMessages.IgnoreQueryFilters(ArisuDbContext.AllOffices)
            .Where(m => m.CreatedAtUtc < cutoff && m.ToPhone != "" && (m.SentAtUtc != null || m.Attempts >= Notices.OutboxJob.MaxAttempts))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ToPhone, "")
                .SetProperty(m => m.Body, Placeholder), ct);
        logger.LogInformation("Retention: {Count} closed complaints anonymised, {Messages} text messages cleared (before {Cutoff:yyyy-MM-dd})",
            count, messages, cutoff);
        return count;
    }
}
