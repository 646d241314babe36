using AriSuTotalService.Domain.Calendar;
using Hangfire;
using Microsoft.Extensions.Configuration;

namespace AriSuTotalService.Infrastructure.Jobs;

/// <summary>Every recurring schedule, in one place; cron expressions run in Asia/Seoul and can be overridden by configuration (<c>Jobs__Cron__{id}</c>).</summary>
public static class RecurringJobs
{
    public static void Register(IRecurringJobManager jobs, IConfiguration config)
    {
        var options = new RecurringJobOptions { TimeZone = SeoulTime.Zone };
        string Cron(string id, string fallback) => config[$"Jobs:Cron:{id}"] is { Length: > 0 } c ? c : fallback;

        jobs.AddOrUpdate<Surges.SurgeScanJob>(Surges.SurgeScanJob.Id, j => j.RunScheduledAsync(CancellationToken.None),
            Cron(Surges.SurgeScanJob.Id, "0 6 5 * *"), options);
        jobs.AddOrUpdate<Reports.MonthlyReportJob>(Reports.MonthlyReportJob.Id, j => j.RunScheduledAsync(CancellationToken.None),
            Cron(Reports.MonthlyReportJob.Id, $"0 7 {Reports.MonthlyReportJob.ScheduledDay} * *"), options);
        jobs.AddOrUpdate<CatchUpJob>(CatchUpJob.Id, j => j.RunAsync(CancellationToken.None),
            Cron(CatchUpJob.Id, "15 8 * * *"), options);
        jobs.AddOrUpdate<Notices.OutboxJob>(Notices.OutboxJob.Id, j => j.RunAsync(CancellationToken.None),
            Cron(Notices.OutboxJob.Id, "* * * * *"), options);
        jobs.AddOrUpdate<Notices.VisitReminderJob>(Notices.VisitReminderJob.Id, j => j.RunAsync(CancellationToken.None),
            Cron(Notices.VisitReminderJob.Id, "0 18 * * *"), options);
        jobs.AddOrUpdate<ComplaintRetentionJob>(ComplaintRetentionJob.Id, j => j.RunAsync(CancellationToken.None),
            Cron(ComplaintRetentionJob.Id, "30 2 * * *"), options);
        jobs.AddOrUpdate<Data.DatabaseInitializer>(Data.DatabaseInitializer.StatisticsJobId, j => j.RefreshStatisticsAsync(CancellationToken.None),
            Cron(Data.DatabaseInitializer.StatisticsJobId, "45 3 * * *"), options);
    }
}
