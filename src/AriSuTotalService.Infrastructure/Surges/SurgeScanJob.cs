using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Surges;
using AriSuTotalService.Infrastructure.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AriSuTotalService.Infrastructure.Surges;

/// <summary>
/// Runs a recorded scan (queued → running → completed/failed). Idempotent: a completed run is not repeated, and
/// the scan itself only adds what is new, so a retry or a second server running it at once changes nothing more.
/// Runs of one office and month take turns (a lock of the job storage named by both); other offices' and months'
/// scans run beside them on the cluster's other workers.
/// </summary>
[AutomaticRetry(Attempts = 3)]
public sealed class SurgeScanJob(ArisuDbContext db, IBackgroundJobClient jobs, TimeProvider clock, ILogger<SurgeScanJob> logger,
    Jobs.JobOptions options, ScanProgressBoard board, JobStorage storage, Reports.MonthlyReportJob reports)
{
    public const string Id = "surge-scan";

    /// <summary>The lock runs of one office and month take turns at.</summary>
    public static string LockOf(int officeId, DateOnly period) => $"surge-scan:{officeId}:{period:yyyy-MM}";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task RunAsync(long scanRunId, CancellationToken ct)
    {
        // A job knows only the run's id: it acts for the office the run belongs to.
        var of = await db.ScanRuns.IgnoreQueryFilters(ArisuDbContext.AllOffices).Where(r => r.Id == scanRunId)
            .Select(r => new { r.OfficeId, r.Period }).SingleOrDefaultAsync(ct);
        if (of is null) return;
        var office = of.OfficeId;
        // A run of the same office and month on another worker finishes first (this one then finds the month scanned).
        using var storageConnection = storage.GetConnection();
        using var turn = storageConnection.AcquireDistributedLock(LockOf(office, of.Period), TimeSpan.FromMinutes(options.TimeLimitMinutes));
        db.ActFor(office);
        var run = await db.ScanRuns.SingleOrDefaultAsync(r => r.Id == scanRunId, ct);
        if (run is null || run.State == RunStates.Completed) return;
        // A run the catch-up gave up on and replaced: the newer run scans the month.
        if (run.State == RunStates.Failed && await db.ScanRuns.AnyAsync(r => r.OfficeId == run.OfficeId && r.Period == run.Period && r.Id > run.Id, ct))
            return;
        run.Start(Now);
        await db.SaveChangesAsync(ct);
        try
        {
            var thresholds = await SurgeSettings.GetAsync(db, run.OfficeId, ct);
            ScanCounts counts;
            try
            {
                counts = await SurgeScan.RunAsync(db, run.OfficeId, run.Period, thresholds, Now, ct, board.For(run.Id));
            }
            finally
            {
                board.Remove(run.Id, out var last);
                run.Progress(last.Judged, last.ToJudge);
            }
            run.Complete(Now, counts.Compared, counts.Surges, counts.Notices, counts.NewUse, counts.Anomalies, counts.Skipped, counts.CasesAdded, counts.Gaps);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Surge scan {Run} of {Period:yyyy-MM}: {Compared} compared, {Surges} surges, {Notices} notices, {Added} new cases",
                run.Id, run.Period, counts.Compared, counts.Surges, counts.Notices, counts.CasesAdded);
            // A month's report waits for its scan: frozen now when it is due (the scan stands whatever the freeze meets;
            // the daily catch-up freezes a month it missed).
            try
            {
                await reports.FreezeIfDueAsync(run.OfficeId, run.Period, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Report of {Period:yyyy-MM} not frozen after scan {Run}; the catch-up freezes it", run.Period, run.Id);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            var failed = await db.ScanRuns.SingleAsync(r => r.Id == scanRunId, CancellationToken.None);
            failed.Fail(Now, ex.Message);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>Records a run and queues it; the id is what the API and the page follow.</summary>
    /// <summary>The refusal of a month asked for by a person or a client (a month that has not begun has no readings to compare), or null.</summary>
    public static string? Refusal(DateOnly month, DateOnly today) => month > new DateOnly(today.Year, today.Month, 1) ? MonthRefusal : null;

    public const string MonthRefusal = "검사할 달을 yyyy-MM 형식으로 고르세요 (이번 달까지).";

    public async Task<ScanRun> QueueAsync(int officeId, DateOnly period, string trigger, string by, CancellationToken ct = default)
    {
        var run = new ScanRun(officeId, new DateOnly(period.Year, period.Month, 1), trigger, by, Now);
        db.ScanRuns.Add(run);
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<SurgeScanJob>(j => j.RunAsync(run.Id, CancellationToken.None));
        return run;
    }

    /// <summary>The schedule (06:00 on the 5th): every office, the previous month.</summary>
    public async Task RunScheduledAsync(CancellationToken ct)
    {
        var month = PreviousMonth();
        foreach (var officeId in await db.Offices.Select(o => o.Id).ToListAsync(ct))
        {
            db.ActFor(officeId);
            await QueueAsync(officeId, month, "schedule", "system", ct);
        }
    }

    /// <summary>
    /// At start and daily: a run left queued or running longer than the time limit (its job was lost with a restart
    /// or a node) is marked failed with the reason and its month queued again; when the latest month that should have
    /// been scanned never was (the job store forgot the schedule), it is scanned now.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken ct = default)
    {
        var limit = Now.AddMinutes(-options.TimeLimitMinutes);
        var open = await db.ScanRuns.IgnoreQueryFilters(ArisuDbContext.AllOffices)
            .Where(r => r.State == RunStates.Queued || r.State == RunStates.Running).ToListAsync(ct);
        var lost = open.Where(r => r.IsLost(limit)).ToList();
        foreach (var run in lost)
        {
            run.Fail(Now, $"{options.TimeLimitMinutes}분 안에 끝나지 않아 중단된 것으로 처리했습니다 ({(run.State == RunStates.Queued ? "대기" : "실행")} 중 서버 재시작 등). 같은 달을 다시 검사합니다.");
            logger.LogWarning("Surge scan {Run} of {Period:yyyy-MM} was {State} past the time limit: marked failed, month queued again", run.Id, run.Period, run.State);
        }
        if (lost.Count > 0) await db.SaveChangesAsync(ct);
        foreach (var run in lost.DistinctBy(r => (r.OfficeId, r.Period)))
        {
            db.ActFor(run.OfficeId);
            if (!await HasLiveRunAsync(run.OfficeId, run.Period, ct)) await QueueAsync(run.OfficeId, run.Period, "catch-up", "system", ct);
        }

        var today = SeoulTime.Today(clock);
        var month = today.Day >= 5 ? PreviousMonth() : PreviousMonth().AddMonths(-1);
        foreach (var officeId in await db.Offices.Select(o => o.Id).ToListAsync(ct))
        {
            db.ActFor(officeId);
            if (!await HasLiveRunAsync(officeId, month, ct)) await QueueAsync(officeId, month, "startup", "system", ct);
        }
    }

    /// <summary>A run of the month that is done or still on its way.</summary>
    private Task<bool> HasLiveRunAsync(int officeId, DateOnly month, CancellationToken ct) =>
        db.ScanRuns.AnyAsync(r => r.OfficeId == officeId && r.Period == month
            && (r.State == RunStates.Completed || r.State == RunStates.Queued || r.State == RunStates.Running), ct);

    private DateOnly PreviousMonth()
    {
        var today = SeoulTime.Today(clock);
        return new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
    }
}
