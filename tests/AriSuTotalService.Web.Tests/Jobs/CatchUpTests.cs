using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Reports;
using AriSuTotalService.Domain.Surges;
using AriSuTotalService.Infrastructure.Reports;
using AriSuTotalService.Infrastructure.Surges;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AriSuTotalService.Web.Tests.Jobs;

public class CatchUpTests
{
    /// <summary>The same app (same database) started again; the jobs' in-memory store starts empty each time.</summary>
    private sealed class Restarted(string name, bool keepData) : ArisuFactory(name, keepData);

    /// <summary>Starts the app, queues a scan of September (no job server: it stays queued) and stops the app.</summary>
    private static async Task<long> QueueThenStopAsync(string name)
    {
        using var before = new Restarted(name, keepData: true);
        before.CreateClient().Dispose();
        using var scope = before.Services.CreateScope();
        var office = before.With(db => db.Offices.Single(o => o.ShortName == AriSuTotalService.Infrastructure.Demo.DemoData.OfficeShortName).Id);
        scope.ServiceProvider.GetRequiredService<AriSuTotalService.Infrastructure.Data.ArisuDbContext>().ActFor(office);
        return (await scope.ServiceProvider.GetRequiredService<SurgeScanJob>().QueueAsync(office, new DateOnly(2026, 9, 1), "manual", "tester")).Id;
    }

    [Fact]
    public async Task A_scan_queued_before_a_restart_is_marked_failed_with_the_reason_and_its_month_scanned_again()
    {
        var name = Guid.NewGuid().ToString("N");
        var lostId = await QueueThenStopAsync(name);

        using var after = new Restarted(name, keepData: false);
        after.Clock.Advance(TimeSpan.FromHours(3)); // past the two-hour limit
        after.CreateClient().Dispose();
        var runs = after.With(db => db.ScanRuns.AsNoTracking().Where(r => r.Period == new DateOnly(2026, 9, 1)).OrderBy(r => r.Id).ToList());
        var lost = Assert.Single(runs, r => r.Id == lostId);
        Assert.Equal(RunStates.Failed, lost.State);
        Assert.Contains("120분", lost.Error);
        var again = Assert.Single(runs, r => r.Id > lostId);
        Assert.Equal(RunStates.Queued, again.State);
        Assert.Equal("catch-up", again.Trigger);
        // The replaced run, if its job ever comes back, leaves the month to the new one.
        using var scope2 = after.Services.CreateScope();
        await scope2.ServiceProvider.GetRequiredService<SurgeScanJob>().RunAsync(lostId, CancellationToken.None);
        Assert.Equal(RunStates.Failed, after.With(db => db.ScanRuns.AsNoTracking().Single(r => r.Id == lostId).State));
    }

    [Fact]
    public async Task A_scan_within_its_time_limit_is_left_to_run()
    {
        var name = Guid.NewGuid().ToString("N");
        await QueueThenStopAsync(name);
        using var after = new Restarted(name, keepData: false);
        after.Clock.Advance(TimeSpan.FromMinutes(30));
        after.CreateClient().Dispose();
        var runs = after.With(db => db.ScanRuns.AsNoTracking().Where(r => r.Period == new DateOnly(2026, 9, 1)).ToList());
        Assert.Equal(RunStates.Queued, Assert.Single(runs).State);
    }

    [Fact]
    public void The_last_months_report_missed_by_the_schedule_is_frozen_at_start()
    {
        using var app = new ArisuFactory();
        app.CreateClient().Dispose();
        // 2026-11-25: the 6th has passed, so October's report should exist.
        var reports = app.With(db => db.ReportSnapshots.IgnoreQueryFilters(AriSuTotalService.Infrastructure.Data.ArisuDbContext.AllOffices).AsNoTracking()
            .Where(s => s.Kind == ReportSnapshot.Monthly && s.Period == new DateOnly(2026, 10, 1)).ToList());
        Assert.Equal("system", Assert.Single(reports).CreatedBy);
    }
}
