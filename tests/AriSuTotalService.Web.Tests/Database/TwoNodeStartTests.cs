using System.Net;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Database;

/// <summary>Two web nodes started at the same moment on one database, as a rolling start or a restart of the cluster does.</summary>
public class TwoNodeStartTests
{
    private sealed class Node(string name, bool keep) : ArisuFactory(name, keep);

    [Fact]
    public async Task Two_nodes_started_together_both_serve_and_the_start_up_work_is_done_once()
    {
        var name = Guid.NewGuid().ToString("N");
        using var first = new Node(name, keep: true);
        using var second = new Node(name, keep: false);
        // Both start at once: migrations, roles, the demo office, the catch-up of scans and reports.
        var started = await Task.WhenAll(Task.Run(() => first.CreateClient()), Task.Run(() => second.CreateClient()));
        foreach (var client in started)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
            client.Dispose();
        }
        first.With(db =>
        {
            Assert.Equal(db.Roles.Select(r => r.Name).Distinct().Count(), db.Roles.Count());
            Assert.Single(db.Offices.IgnoreQueryFilters().Where(o => o.ShortName == AriSuTotalService.Infrastructure.Demo.DemoData.OfficeShortName));
            // One start-up scan per office and month, not one per node.
            var startUpRuns = db.ScanRuns.IgnoreQueryFilters().Where(r => r.Trigger == "startup").AsEnumerable()
                .GroupBy(r => (r.OfficeId, r.Period)).Select(g => g.Count()).ToList();
            Assert.All(startUpRuns, count => Assert.Equal(1, count));
            var monthly = db.ReportSnapshots.IgnoreQueryFilters().AsEnumerable().GroupBy(r => (r.OfficeId, r.Kind, r.Period)).Select(g => g.Count()).ToList();
            Assert.All(monthly, count => Assert.Equal(1, count));
            return 0;
        });
    }
}
