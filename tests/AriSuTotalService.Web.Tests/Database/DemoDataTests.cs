using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Infrastructure.Seed;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Database;

public class DemoDataTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    private static readonly DeadlineCalendar Calendar = new(ReferenceData.Holidays.Select(h => h.Date));

    [Fact]
    public void The_same_seed_and_day_give_the_same_data()
    {
        var today = new DateOnly(2026, 11, 25);
        var now = new DateTime(2026, 11, 25, 1, 0, 0, DateTimeKind.Utc);
        var a = new DemoDataGenerator(new DemoOptions { Customers = 50, ComplaintsPerYear = 400, Seed = 3 }, today);
        var b = new DemoDataGenerator(new DemoOptions { Customers = 50, ComplaintsPerYear = 400, Seed = 3 }, today);
        Assert.Equal(a.Customers(), b.Customers());
        Assert.Equal(a.Readings(a.Customers()), b.Readings(b.Customers()));
        Assert.Equal(a.Complaints(50, Calendar, "남부", now), b.Complaints(50, Calendar, "남부", now));
        var c = new DemoDataGenerator(new DemoOptions { Customers = 50, ComplaintsPerYear = 400, Seed = 4 }, today);
        Assert.NotEqual(a.Customers(), c.Customers());
    }

    [Fact]
    public void Readings_cover_the_24_months_before_today_monthly_and_bimonthly()
    {
        var today = new DateOnly(2026, 11, 25);
        var g = new DemoDataGenerator(new DemoOptions { Customers = 200, Seed = 5 }, today);
        var readings = g.Readings(g.Customers()).ToList();
        Assert.All(readings, r => Assert.True(r.PeriodEnd <= today && r.PeriodStart >= today.AddMonths(-24)));
        var lengths = readings.Select(r => r.PeriodEnd.DayNumber - r.PeriodStart.DayNumber).ToList();
        Assert.Contains(lengths, d => d is >= 28 and <= 31);
        Assert.Contains(lengths, d => d is >= 59 and <= 62);
        // Every meter's periods follow each other without gaps.
        foreach (var meter in readings.GroupBy(r => r.CustomerIndex))
        {
            var list = meter.OrderBy(r => r.PeriodEnd).ToList();
            for (var i = 1; i < list.Count; i++) Assert.Equal(list[i - 1].PeriodEnd, list[i].PeriodStart);
        }
    }

    [Fact]
    public void Complaints_follow_the_plans_mix_of_types_and_channels()
    {
        var today = new DateOnly(2026, 11, 25);
        var now = new DateTime(2026, 11, 25, 1, 0, 0, DateTimeKind.Utc);
        var g = new DemoDataGenerator(new DemoOptions { Customers = 500, ComplaintsPerYear = 20000, Seed = 9 }, today);
        var rows = g.Complaints(500, Calendar, "남부", now);
        double Share(Func<DemoDataGenerator.ComplaintRow, bool> p, IEnumerable<DemoDataGenerator.ComplaintRow> of) =>
            of.Count(p) / (double)of.Count();
        // Automatic payment and name change are the two largest types (24,108 and 20,666 of 81,016 in 2016).
        Assert.InRange(Share(r => r.TypeId == 2, rows), 0.27, 0.32);
        Assert.InRange(Share(r => r.TypeId == 1, rows), 0.23, 0.28);
        // Leak diagnosis was 64.6% office-initiated in 2016.
        var diagnosis = rows.Where(r => r.TypeId == 7).ToList();
        Assert.InRange(Share(r => Channels.OfficeInitiated.Contains(r.Channel), diagnosis), 0.58, 0.71);
        Assert.All(rows, r => Assert.True(r.ReceivedAtUtc <= now));
        // Receptions are numbered per year without gaps.
        var y2026 = rows.Where(r => r.ReceptionNumber.StartsWith("2026-", StringComparison.Ordinal)).Select(r => r.ReceptionNumber).ToList();
        Assert.Equal(ReceptionNumber.Format(2026, "남부", 1), y2026[0]);
        Assert.Equal(ReceptionNumber.Format(2026, "남부", y2026.Count), y2026[^1]);
    }

    [Fact]
    public void The_development_database_holds_the_demo_office_accounts_key_and_data()
    {
        factory.With(db =>
        {
            Assert.Equal("남부수도사업소", db.Offices.Single().Name);
            Assert.Equal(6, db.Users.Count());
            Assert.Single(db.ApiKeys);
            Assert.Equal(80, db.Customers.Count());
            Assert.True(db.MeterReadings.Count() > 80 * 10);
            Assert.True(db.Complaints.Count() > 400);
            // Derived complaints are linked to the complaint they were found with.
            Assert.True(db.Complaints.Any(c => c.LinkedToId != null));
            // Every complaint has its timeline.
            Assert.Equal(db.Complaints.Count(), db.ComplaintEvents.Count(e => e.Kind == "received"));
            // The sequence continues after the last demo number of the year.
            var seq = db.OfficeSequences.AsNoTracking().Single(s => s.Year == 2026);
            Assert.True(db.Complaints.Any(c => c.ReceptionNumber == ReceptionNumber.Format(2026, "남부", seq.Last)));
            return 0;
        });
    }
}
