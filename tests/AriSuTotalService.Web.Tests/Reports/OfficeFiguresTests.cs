using System.Text.Json;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Infrastructure.Reports;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AriSuTotalService.Web.Tests.Reports;

/// <summary>With several offices in one database, each office's figures — live and frozen by the nightly job — are its own.</summary>
public class OfficeFiguresTests(OfficeFiguresTests.Factory factory) : IClassFixture<OfficeFiguresTests.Factory>
{
    public sealed class Factory : ArisuFactory
    {
        protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?> { ["Demo:ComplaintsPerYear"] = "0" };
    }

    private static readonly DateTime October = SeoulTime.ToUtc(new DateTime(2026, 10, 6, 10, 0, 0));

    [Fact]
    public async Task Another_offices_complaints_count_neither_in_the_dashboard_figures_nor_in_the_frozen_monthly_report()
    {
        var (ours, theirs) = factory.With(db =>
        {
            var other = new Office("북부수도사업소", "북부", ["도봉구", "노원구"]);
            db.Offices.Add(other);
            db.SaveChanges();
            var ourOffice = db.Offices.Single(o => o.ShortName == DemoData.OfficeShortName).Id;
            var type = db.ComplaintTypes.Single(t => t.Code == ComplaintTypeCodes.LeakDiagnosis);
            var n = 0;
            void Add(int office, string shortName, string channel) => db.Complaints.Add(Complaint.Receive(office,
                ReceptionNumber.Format(2026, shortName, 800000 + ++n), October, type, channel, null, "시험", "구청 앞", October.AddDays(3), "test"));
            Add(ourOffice, "남부", Channels.Phone);
            Add(ourOffice, "남부", Channels.Proactive);
            for (var i = 0; i < 5; i++) Add(other.Id, "북부", Channels.Phone);
            db.SaveChanges();
            return (ourOffice, other.Id);
        });

        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var dashboard = await chief.GetPageAsync("/Dashboard?from=2026-10&to=2026-10");
        Assert.Contains("id=\"total-current\">2</a>", dashboard);

        // October as before the schedule of the 6th froze it (the start's catch-up already did, before these complaints).
        factory.With(db => db.ReportSnapshots.IgnoreQueryFilters().Where(s => s.Period == new DateOnly(2026, 10, 1)).ExecuteDelete());
        using (var scope = factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<MonthlyReportJob>().RunScheduledAsync(CancellationToken.None);
        int Total(int office) => factory.With(db => JsonDocument.Parse(db.ReportSnapshots.IgnoreQueryFilters().AsNoTracking()
            .Single(s => s.OfficeId == office && s.Period == new DateOnly(2026, 10, 1)).Content).RootElement.GetProperty("Total").GetInt32());
        Assert.Equal(2, Total(ours));
        Assert.Equal(5, Total(theirs));
    }
}
