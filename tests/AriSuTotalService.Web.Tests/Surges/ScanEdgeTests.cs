using AriSuTotalService.Domain.Customers;
using AriSuTotalService.Domain.Meters;
using AriSuTotalService.Domain.Surges;
using AriSuTotalService.Infrastructure.Surges;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AriSuTotalService.Web.Tests.Surges;

/// <summary>Hand-made meters whose every verdict is known, scanned on the real database.</summary>
public class ScanEdgeTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    private static readonly DateOnly Month = new(2030, 3, 1);

    private long Meter(string account, params (string Start, string End, long Reading, int Usage)[] readings) => factory.With(db =>
    {
        var office = db.Offices.Single().Id;
        var customer = new Customer(office, account, "시험", "010-0000-0000", "서울특별시 관악구 관악로 1", "봉천동", "관악구", UseTypes.Household, 15, null);
        db.Customers.Add(customer);
        db.SaveChanges();
        foreach (var r in readings)
            db.MeterReadings.Add(new MeterReading(customer.Id, DateOnly.Parse(r.Start), DateOnly.Parse(r.End), r.Reading, r.Usage));
        db.SaveChanges();
        return customer.Id;
    });

    [Fact]
    public async Task Each_edge_gets_the_verdict_of_the_rule()
    {
        var twoInMonth = Meter("20-9000001", ("2030-01-01", "2030-01-31", 1000, 30), ("2030-01-31", "2030-03-02", 1030, 30), ("2030-03-02", "2030-03-31", 1090, 60));
        var exactly40 = Meter("20-9000002", ("2030-01-01", "2030-01-31", 1000, 20), ("2030-01-31", "2030-03-02", 1028, 28));
        var bimonthlyEqual = Meter("20-9000003", ("2029-11-15", "2030-01-14", 1000, 60), ("2030-01-14", "2030-03-16", 1061, 61));
        var replaced = Meter("20-9000004", ("2030-01-15", "2030-02-14", 5000, 20), ("2030-02-14", "2030-03-16", 40, 40));
        var newUse = Meter("20-9000005", ("2030-01-15", "2030-02-14", 100, 0), ("2030-02-14", "2030-03-16", 105, 5));
        var noPrevious = Meter("20-9000006", ("2030-02-14", "2030-03-16", 105, 50));
        var belowMinimum = Meter("20-9000007", ("2030-01-15", "2030-02-14", 100, 2), ("2030-02-14", "2030-03-16", 104, 4));

        ScanCounts counts;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AriSuTotalService.Infrastructure.Data.ArisuDbContext>();
            counts = await SurgeScan.RunAsync(db, db.Offices.Single().Id, Month, SurgeThresholds.Default, DateTime.UtcNow);
        }
        factory.With(db =>
        {
            var cases = db.SurgeCases.AsNoTracking().Where(c => c.Period == Month).ToDictionary(c => c.CustomerId);
            // Two readings end in March: the later one is current, the earlier (also in March) the previous: 30/30 → 60/29.
            Assert.True(cases[twoInMonth].OnDiagnosisList);
            Assert.Equal(new DateOnly(2030, 3, 31), cases[twoInMonth].CurrentPeriodEnd);
            Assert.Equal(new DateOnly(2030, 3, 2), cases[twoInMonth].PreviousPeriodEnd);
            Assert.Equal(SurgeRule.Increase(new Period(1030, 30, 30), new Period(1090, 60, 29)), cases[twoInMonth].IncreaseTenths);
            Assert.True(cases[exactly40].OnDiagnosisList);
            Assert.Equal(400, cases[exactly40].IncreaseTenths);
            Assert.False(cases.ContainsKey(bimonthlyEqual));
            Assert.Equal(SurgeKinds.Anomaly, cases[replaced].Kind);
            Assert.False(cases[replaced].OnNoticeList);
            Assert.Equal(SurgeKinds.NewUse, cases[newUse].Kind);
            Assert.Null(cases[newUse].IncreaseTenths);
            Assert.False(cases.ContainsKey(noPrevious));
            Assert.False(cases.ContainsKey(belowMinimum));
            return 0;
        });
        Assert.Equal(1, counts.Skipped);
        Assert.Equal(6, counts.Compared);
        Assert.Equal(2, counts.Surges);
        Assert.Equal(1, counts.NewUse);
        Assert.Equal(1, counts.Anomalies);
    }

    [Fact]
    public async Task A_misread_meter_is_stored_with_its_increase_capped_and_the_scan_goes_on()
    {
        var month = new DateOnly(2030, 5, 1);
        // 1 m³ over a year, then 99,999,999 m³ in one day: the raw increase does not fit the case's 32-bit column.
        var misread = Meter("20-9000101", ("2029-04-30", "2030-04-30", 1000, 1), ("2030-05-01", "2030-05-02", 100_000_999, 99_999_999));
        var ordinary = Meter("20-9000102", ("2030-03-31", "2030-04-30", 1000, 20), ("2030-04-30", "2030-05-30", 1030, 30));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AriSuTotalService.Infrastructure.Data.ArisuDbContext>();
            await SurgeScan.RunAsync(db, db.Offices.Single().Id, month, SurgeThresholds.Default, DateTime.UtcNow);
        }
        factory.With(db =>
        {
            var cases = db.SurgeCases.AsNoTracking().Where(c => c.Period == month).ToDictionary(c => c.CustomerId);
            Assert.Equal(SurgeRule.MaxIncreaseTenths, cases[misread].IncreaseTenths);
            Assert.True(cases[misread].OnDiagnosisList);
            Assert.Equal(500, cases[ordinary].IncreaseTenths);
            return 0;
        });
    }

    [Fact]
    public async Task A_gap_of_more_than_ten_days_is_skipped_with_its_reason_and_a_decrease_is_truncated_toward_zero()
    {
        var month = new DateOnly(2030, 7, 1);
        // The previous reading ends 2030-05-31, the current starts 2030-06-15: 15 days not read, a tripled usage not compared.
        var gap = Meter("20-9000201", ("2030-05-01", "2030-05-31", 1000, 20), ("2030-06-15", "2030-07-15", 1060, 60));
        // Exactly ten days: still the period immediately before.
        var tenDays = Meter("20-9000202", ("2030-05-01", "2030-05-31", 1000, 20), ("2030-06-10", "2030-07-10", 1060, 60));
        // A replaced meter (reading lower) whose usage fell from 41 to 35 m³ in 30 days: −14.63 % → −14.6 %.
        var fell = Meter("20-9000203", ("2030-05-10", "2030-06-09", 5000, 41), ("2030-06-09", "2030-07-09", 35, 35));
        ScanCounts counts;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AriSuTotalService.Infrastructure.Data.ArisuDbContext>();
            counts = await SurgeScan.RunAsync(db, db.Offices.Single().Id, month, SurgeThresholds.Default, DateTime.UtcNow);
        }
        Assert.Equal(1, counts.Gaps);
        Assert.True(counts.Skipped >= counts.Gaps);
        factory.With(db =>
        {
            var cases = db.SurgeCases.AsNoTracking().Where(c => c.Period == month).ToDictionary(c => c.CustomerId);
            Assert.False(cases.ContainsKey(gap));
            Assert.True(cases[tenDays].OnDiagnosisList);
            Assert.Equal(SurgeKinds.Anomaly, cases[fell].Kind);
            Assert.Equal(-146, cases[fell].IncreaseTenths);
            return 0;
        });
    }
}
