using Hangfire;

namespace AriSuTotalService.Infrastructure.Jobs;

/// <summary>
/// At start and every morning: scan runs lost with a restart or a node (queued or running past
/// <see cref="JobOptions.TimeLimitMinutes"/>) are marked failed and their month run again, and a month whose scan or
/// frozen report the schedule missed is made now; imports whose node stopped are marked failed.
/// </summary>
[AutomaticRetry(Attempts = 1)]
[DisableConcurrentExecution(timeoutInSeconds: 300)]
public sealed class CatchUpJob(Surges.SurgeScanJob scans, Reports.MonthlyReportJob reports, Import.ImportQueue imports, Data.ArisuDbContext db)
{
    public const string Id = "catch-up";

    public async Task RunAsync(CancellationToken ct)
    {
        await imports.MarkLostAsync(db, ct);
        await scans.CatchUpAsync(ct);
        await reports.CatchUpAsync(ct);
    }
}
