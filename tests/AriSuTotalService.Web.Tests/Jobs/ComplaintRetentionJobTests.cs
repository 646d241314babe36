using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Infrastructure.Jobs;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AriSuTotalService.Web.Tests.Jobs;

public class ComplaintRetentionJobTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    private async Task<int> RunAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ComplaintRetentionJob>().RunAsync();
    }

    [Fact]
    public async Task Old_closed_complaints_lose_their_personal_fields_the_figures_stay_and_a_rerun_changes_nothing()
    {
        factory.CreateClient().Dispose();
        // Give the demo's old complaints callers, so there is something personal to remove.
        factory.With(db => db.Complaints.ExecuteUpdate(s => s.SetProperty(c => c.CallerName, "홍길동").SetProperty(c => c.CallerPhone, "010-1111-2222")
            .SetProperty(c => c.CallerEmail, "citizen@example.kr").SetProperty(c => c.Latitude, 37.478312m).SetProperty(c => c.Longitude, 126.951587m)));
        var cutoff = ArisuFactory.Now.UtcDateTime.AddYears(-3);
        var before = factory.With(db => new
        {
            Total = db.Complaints.Count(),
            Resolved = db.Complaints.Count(c => c.Status == ComplaintStatuses.Resolved),
            Old = db.Complaints.Count(c => c.Status == ComplaintStatuses.Resolved && c.ClosedAtUtc < cutoff),
        });

        // The demo data covers 24 months: with 3 years' retention nothing is old enough yet.
        Assert.Equal(0, before.Old);
        Assert.Equal(0, await RunAsync());

        // Two years and a half later, everything closed by then is past the retention period.
        factory.Clock.Advance(TimeSpan.FromDays(365 * 2.5));
        var first = await RunAsync();
        Assert.True(first > 0);
        factory.With(db =>
        {
            Assert.Equal(before.Total, db.Complaints.Count());
            Assert.Equal(before.Resolved, db.Complaints.Count(c => c.Status == ComplaintStatuses.Resolved));
            var anonymised = db.Complaints.AsNoTracking().Where(c => c.AnonymizedAtUtc != null).ToList();
            Assert.All(anonymised, c =>
            {
                Assert.Null(c.CallerName);
                Assert.Null(c.CallerPhone);
                Assert.Null(c.CallerEmail);
                Assert.Null(c.Latitude);
                Assert.True(c.Description is null or ComplaintRetentionJob.Placeholder);
            });
            // Open complaints keep their callers whatever their age.
            Assert.All(db.Complaints.AsNoTracking().Where(c => ComplaintStatuses.Open.Contains(c.Status)).ToList(),
                c => Assert.Equal("홍길동", c.CallerName));
            return 0;
        });
        Assert.Equal(0, await RunAsync());
    }
}

public class ComplaintRetentionConcurrencyTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    private async Task<int> RunAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ComplaintRetentionJob>().RunAsync();
    }

    [Fact]
    public async Task Two_runs_at_once_anonymise_each_complaint_exactly_once()
    {
        factory.CreateClient().Dispose();
        factory.Clock.Advance(TimeSpan.FromDays(365 * 5));
        var expected = factory.With(db => db.Complaints.Count(c => c.AnonymizedAtUtc == null
            && (c.Status == ComplaintStatuses.Resolved || c.Status == ComplaintStatuses.Cancelled)));
        Assert.True(expected > 0);
        var runs = await Task.WhenAll(RunAsync(), RunAsync());
        Assert.Equal(expected, runs.Sum());
        Assert.Equal(0, factory.With(db => db.Complaints.Count(c => c.AnonymizedAtUtc == null
            && (c.Status == ComplaintStatuses.Resolved || c.Status == ComplaintStatuses.Cancelled))));
    }
}
