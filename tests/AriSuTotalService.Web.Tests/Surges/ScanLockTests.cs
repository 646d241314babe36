using AriSuTotalService.Domain.Common;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Surges;
using AriSuTotalService.Web.Tests.Infrastructure;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AriSuTotalService.Web.Tests.Surges;

/// <summary>The city's scans on a cluster: one office's month at a time, every other office beside it.</summary>
public class ScanLockTests(TwoOfficeFactory factory) : IClassFixture<TwoOfficeFactory>
{
    [Fact]
    public async Task An_offices_scan_runs_while_another_offices_scan_of_the_same_month_holds_its_turn()
    {
        var b = factory.B;
        var month = new DateOnly(2026, 10, 1);
        var demo = factory.With(db => db.Office);
        Assert.Null(Attribute.GetCustomAttribute(typeof(SurgeScanJob), typeof(DisableConcurrentExecutionAttribute)));

        long run;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ArisuDbContext>().ActFor(b.Id);
            run = (await scope.ServiceProvider.GetRequiredService<SurgeScanJob>().QueueAsync(b.Id, month, "manual", "test", default)).Id;
        }
        // The demo office's scan of the same month holds its turn (a worker elsewhere is running it).
        using var storage = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        using (storage.AcquireDistributedLock(SurgeScanJob.LockOf(demo, month), TimeSpan.FromSeconds(5)))
        {
            using var scope = factory.Services.CreateScope();
            var scan = scope.ServiceProvider.GetRequiredService<SurgeScanJob>().RunAsync(run, default);
            Assert.Same(scan, await Task.WhenAny(scan, Task.Delay(TimeSpan.FromSeconds(30))));
            await scan;
        }
        Assert.Equal(RunStates.Completed, factory.With(db => db.ScanRuns.IgnoreQueryFilters().AsNoTracking().Single(r => r.Id == run).State));

        // The same office and month waits for its turn.
        Task again;
        using (storage.AcquireDistributedLock(SurgeScanJob.LockOf(b.Id, month), TimeSpan.FromSeconds(5)))
        {
            // On a worker of its own, as Hangfire runs it (the lock is waited for on the worker's thread).
            again = Task.Run(async () =>
            {
                using var scope = factory.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<SurgeScanJob>().RunAsync(run, default);
            });
            Assert.NotSame(again, await Task.WhenAny(again, Task.Delay(TimeSpan.FromMilliseconds(500))));
            Assert.False(again.IsCompleted);
        }
        // Its turn comes when the other lets go (and it finds the month scanned).
        await again.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
