using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Customers;
using AriSuTotalService.Domain.Reductions;

namespace AriSuTotalService.Domain.Tests.Reductions;

public class LeakReductionCalculatorTests
{
    private const string H = UseTypes.Household;

    /// <summary>Household prices: water 480 → 580 from 2023, sewer tiered 400 / 930 / 1,420 (monthly bounds 30, 50), levy 170.</summary>
    private static readonly TariffRate[] Household =
    [
        new(H, Charges.Water, new(2022, 1, 1), 0, 480, false, null),
        new(H, Charges.Water, new(2023, 1, 1), 0, 580, false, null),
        new(H, Charges.Sewer, new(2020, 1, 1), 0, 400, false, null),
        new(H, Charges.Sewer, new(2020, 1, 1), 30, 930, false, null),
        new(H, Charges.Sewer, new(2020, 1, 1), 50, 1420, false, null),
        new(H, Charges.Levy, new(2012, 1, 1), 0, 170, false, null),
    ];

    private static readonly ReductionRate[] Rates = [new(H, new(2012, 1, 1), 50, 100, 50, false)];

    private static ReadingPeriod P(string start, string end, long usage) => new(DateOnly.Parse(start), DateOnly.Parse(end), usage);

    private static long Won(ReductionWorking w, string charge) => w.Charges.Single(c => c.Charge == charge).ReductionWon;

    [Fact]
    public void Monthly_reading_reduces_half_the_leak_on_water_and_levy_and_all_of_it_on_sewer_through_the_tiers()
    {
        var w = LeakReductionCalculator.Compute(P("2026-09-01", "2026-10-01", 60), NormalBases.PreviousTwo,
            [P("2026-07-01", "2026-07-31", 15), P("2026-07-31", "2026-08-30", 15)], Household, Rates);
        Assert.Equal(45, w.LeakVolumeM3);                     // 60 − 30/60 × 30
        Assert.Equal(13_050, Won(w, Charges.Water));          // 22.5 m³ × 580
        Assert.Equal(44_800, w.Charges.Single(c => c.Charge == Charges.Sewer).ChargeWon); // 30×400 + 20×930 + 10×1,420
        Assert.Equal(38_800, Won(w, Charges.Sewer));          // 44,800 − 15×400
        Assert.Equal(3_825, Won(w, Charges.Levy));            // 22.5 m³ × 170
        Assert.Equal(55_675, w.TotalWon);
        Assert.Null(w.RejectionReason);
    }

    [Fact]
    public void Bi_monthly_reading_uses_per_day_normal_usage_and_doubles_the_tier_bounds()
    {
        var w = LeakReductionCalculator.Compute(P("2026-08-01", "2026-10-01", 120), NormalBases.PreviousTwo,
            [P("2026-04-01", "2026-06-01", 30), P("2026-06-01", "2026-08-01", 30)], Household, Rates);
        Assert.Equal(61, w.Leak.Days);
        Assert.Equal(90, w.LeakVolumeM3);                      // 120 − 60/122 × 61
        Assert.All(w.Charges, c => Assert.Equal(2, c.TierMonths));
        Assert.Equal(77_600, Won(w, Charges.Sewer));           // (60×400 + 40×930 + 20×1,420) − 30×400
        Assert.Equal(26_100, Won(w, Charges.Water));
        Assert.Equal(7_650, Won(w, Charges.Levy));
        Assert.Equal(111_350, w.TotalWon);
    }

    [Fact]
    public void The_same_usage_read_monthly_would_cross_the_tiers_sooner()
    {
        // 120 m³ billed for one month crosses the 50 m³ bound; for two months it stays under the 100 m³ bound longer.
        var monthly = LeakReductionCalculator.Compute(P("2026-09-01", "2026-10-01", 120), NormalBases.PreviousTwo,
            [P("2026-07-01", "2026-07-31", 15), P("2026-07-31", "2026-08-30", 15)], Household, Rates);
        Assert.Equal(1, monthly.Charges[0].TierMonths);
        Assert.Equal(30 * 400 + 20 * 930 + 70 * 1420, monthly.Charges.Single(c => c.Charge == Charges.Sewer).ChargeWon);
    }

    [Fact]
    public void Usage_at_or_below_normal_gives_no_volume_and_a_rejection_reason()
    {
        var w = LeakReductionCalculator.Compute(P("2026-09-01", "2026-10-01", 14), NormalBases.PreviousTwo,
            [P("2026-07-01", "2026-07-31", 15), P("2026-07-31", "2026-08-30", 15)], Household, Rates);
        Assert.Equal(0, w.LeakVolumeM3);
        Assert.Equal(0, w.TotalWon);
        Assert.Equal(LeakReductionCalculator.NoLeakVolume, w.RejectionReason);

        var equal = LeakReductionCalculator.Compute(P("2026-09-01", "2026-10-01", 15), NormalBases.PreviousTwo,
            [P("2026-07-01", "2026-07-31", 15), P("2026-07-31", "2026-08-30", 15)], Household, Rates);
        Assert.Equal(0, equal.LeakVolumeM3);
        Assert.NotNull(equal.RejectionReason);
    }

    [Fact]
    public void The_normal_basis_is_the_two_periods_before_then_last_year_then_the_reviewer()
    {
        var leak = P("2026-09-01", "2026-10-01", 60);
        var two = LeakReductionCalculator.ChooseNormal(leak,
            [P("2025-09-01", "2025-10-01", 20), P("2026-06-01", "2026-07-01", 10), P("2026-07-01", "2026-08-01", 12), P("2026-08-01", "2026-09-01", 14), leak]);
        Assert.Equal(NormalBases.PreviousTwo, two!.Value.Basis);
        Assert.Equal([DateOnly.Parse("2026-08-01"), DateOnly.Parse("2026-09-01")], two.Value.Periods.Select(p => p.End));

        var lastYear = LeakReductionCalculator.ChooseNormal(leak, [P("2025-08-20", "2025-09-20", 99), P("2025-09-01", "2025-10-01", 20), P("2026-08-01", "2026-09-01", 14), leak]);
        Assert.Equal(NormalBases.LastYear, lastYear!.Value.Basis);
        Assert.Equal(DateOnly.Parse("2025-10-01"), Assert.Single(lastYear.Value.Periods).End);

        Assert.Null(LeakReductionCalculator.ChooseNormal(leak, [P("2026-08-01", "2026-09-01", 14), leak]));
        Assert.Null(LeakReductionCalculator.ChooseNormal(leak, [P("2025-06-01", "2025-07-01", 14), leak]));
    }

    [Fact]
    public void Last_years_period_alone_gives_the_normal_usage_per_day()
    {
        var w = LeakReductionCalculator.Compute(P("2026-09-01", "2026-10-01", 60), NormalBases.LastYear, [P("2025-09-01", "2025-10-01", 20)], Household, Rates);
        Assert.Equal(40, w.LeakVolumeM3);
        Assert.Equal(NormalBases.LastYear, w.Basis);
    }

    [Fact]
    public void Prices_are_those_in_force_on_the_periods_end_date_even_when_they_changed_inside_it()
    {
        var normal = new[] { P("2022-10-15", "2022-11-15", 15), P("2022-11-15", "2022-12-15", 15) };
        var across = LeakReductionCalculator.Compute(P("2022-12-15", "2023-01-14", 45), NormalBases.PreviousTwo, normal, Household, Rates);
        Assert.Equal(30, across.LeakVolumeM3);
        Assert.Equal(8_700, Won(across, Charges.Water));    // 15 m³ × 580 (2023 price)
        var before = LeakReductionCalculator.Compute(P("2022-11-30", "2022-12-31", 46), NormalBases.PreviousTwo, normal, Household, Rates);
        Assert.Equal(before.LeakVolumeM3 * 50 / 100m * 480, Won(before, Charges.Water)); // 2022 price
    }

    [Fact]
    public void Each_charge_is_rounded_down_to_the_won_on_its_own()
    {
        TariffRate[] odd =
        [
            new(H, Charges.Water, new(2012, 1, 1), 0, 333, false, null),
            new(H, Charges.Sewer, new(2012, 1, 1), 0, 357, false, null),
            new(H, Charges.Levy, new(2012, 1, 1), 0, 171, false, null),
        ];
        var w = LeakReductionCalculator.Compute(P("2026-09-01", "2026-10-01", 50), NormalBases.PreviousTwo,
            [P("2026-06-30", "2026-07-31", 20), P("2026-07-31", "2026-08-30", 21)], odd, Rates);
        Assert.Equal(2016, w.NormalVolumeHundredths);     // 41 / 61 × 30 = 20.16…
        Assert.Equal(29, w.LeakVolumeM3);                 // 29.83… rounded down
        Assert.Equal(4_828, Won(w, Charges.Water));       // 14.5 × 333 = 4,828.5
        Assert.Equal(10_353, Won(w, Charges.Sewer));      // 29 × 357
        Assert.Equal(2_479, Won(w, Charges.Levy));        // 14.5 × 171 = 2,479.5
        Assert.Equal(4_828 + 10_353 + 2_479, w.TotalWon);
    }

    [Fact]
    public void General_use_water_tiers_reduce_from_the_top_tier_first()
    {
        TariffRate[] general =
        [
            new(UseTypes.General, Charges.Water, new(2023, 1, 1), 0, 1270, false, null),
            new(UseTypes.General, Charges.Water, new(2023, 1, 1), 300, 1520, false, null),
            new(UseTypes.General, Charges.Sewer, new(2012, 1, 1), 0, 500, false, null),
            new(UseTypes.General, Charges.Levy, new(2012, 1, 1), 0, 170, false, null),
        ];
        ReductionRate[] rates = [new(UseTypes.General, new(2012, 1, 1), 50, 100, 50, false)];
        var w = LeakReductionCalculator.Compute(P("2026-09-01", "2026-10-01", 400), NormalBases.PreviousTwo,
            [P("2026-07-01", "2026-07-31", 100), P("2026-07-31", "2026-08-30", 100)], general, rates);
        Assert.Equal(300, w.LeakVolumeM3);
        // 150 m³ off 400: 100 m³ at 1,520 and 50 m³ at 1,270
        Assert.Equal(100 * 1520 + 50 * 1270, Won(w, Charges.Water));
    }

    [Fact]
    public void A_missing_tariff_or_rate_is_a_clear_error_not_a_zero()
    {
        var ex = Assert.Throws<DomainException>(() => LeakReductionCalculator.Compute(P("2011-09-01", "2011-10-01", 60), NormalBases.PreviousTwo,
            [P("2011-07-01", "2011-07-31", 15), P("2011-07-31", "2011-08-30", 15)], Household, Rates));
        Assert.Contains("감면율", ex.Message);
        var noWater = Household.Where(t => t.Charge != Charges.Water).ToArray();
        Assert.Contains("상수도요금", Assert.Throws<DomainException>(() => LeakReductionCalculator.Compute(P("2026-09-01", "2026-10-01", 60),
            NormalBases.PreviousTwo, [P("2026-07-01", "2026-07-31", 15), P("2026-07-31", "2026-08-30", 15)], noWater, Rates)).Message);
    }

    [Fact]
    public void The_recorder_of_the_leak_cannot_approve_its_reduction_and_volume_zero_cannot_be_approved()
    {
        var r = new LeakReduction(1, 1, 1, ReductionSources.Visit, new DateOnly(2026, 9, 20), "field1@arisu.local", 1, 1, null);
        var w = LeakReductionCalculator.Compute(P("2026-09-01", "2026-10-01", 60), NormalBases.PreviousTwo,
            [P("2026-07-01", "2026-07-31", 15), P("2026-07-31", "2026-08-30", 15)], Household, Rates);
        r.Apply(w, "{}", null);
        r.RecordRepair(new DateOnly(2026, 9, 20), "방문 중 수리 확인");
        Assert.Throws<DomainException>(() => r.Approve("FIELD1@arisu.local", DateTime.UtcNow));
        r.Approve("billing@arisu.local", DateTime.UtcNow);
        Assert.Equal(ReductionStatuses.Approved, r.Status);

        var zero = new LeakReduction(1, 1, 2, ReductionSources.Visit, new DateOnly(2026, 9, 20), "field1@arisu.local", 1, 1, null);
        zero.Apply(LeakReductionCalculator.Compute(P("2026-09-01", "2026-10-01", 10), NormalBases.PreviousTwo,
            [P("2026-07-01", "2026-07-31", 15), P("2026-07-31", "2026-08-30", 15)], Household, Rates), "{}", null);
        Assert.Equal(LeakReductionCalculator.NoLeakVolume, Assert.Throws<DomainException>(() => zero.Approve("billing@arisu.local", DateTime.UtcNow)).Message);
        zero.Reject(zero.ProposedRejection!, "billing@arisu.local", DateTime.UtcNow);
        Assert.Equal(ReductionStatuses.Rejected, zero.Status);
    }

    [Fact]
    public void The_reviewer_who_changed_the_periods_cannot_also_approve_the_case()
    {
        var r = new LeakReduction(1, 1, 1, ReductionSources.Visit, new DateOnly(2026, 9, 20), "field1@arisu.local", 1, 1, null);
        var w = LeakReductionCalculator.Compute(P("2026-09-01", "2026-10-01", 60), NormalBases.Reviewer,
            [P("2026-07-01", "2026-07-31", 15)], Household, Rates);
        r.Apply(w, "{}", "지난달 검침 오류", "billing@arisu.local");
        r.RecordRepair(new DateOnly(2026, 9, 21), "배관업체 영수증");
        Assert.Equal("billing@arisu.local", r.AdjustedBy);
        var refused = Assert.Throws<DomainException>(() => r.Approve("BILLING@arisu.local", DateTime.UtcNow));
        Assert.Contains("기간을 바꾼 직원", refused.Message);
        Assert.Equal(ReductionStatuses.Pending, r.Status);
        r.Approve("billing2@arisu.local", DateTime.UtcNow);
        Assert.Equal(ReductionStatuses.Approved, r.Status);
    }

    [Fact]
    public void A_found_leak_is_approved_only_once_its_repair_is_recorded_on_or_after_the_day_it_was_found()
    {
        var r = new LeakReduction(1, 1, 1, ReductionSources.Visit, new DateOnly(2026, 9, 20), "field1@arisu.local", 1, 1, null);
        r.Apply(LeakReductionCalculator.Compute(P("2026-09-01", "2026-10-01", 60), NormalBases.PreviousTwo,
            [P("2026-07-01", "2026-07-31", 15), P("2026-07-31", "2026-08-30", 15)], Household, Rates), "{}", null);
        Assert.Contains("수리를 확인하기 전에는", Assert.Throws<DomainException>(() => r.Approve("billing@arisu.local", DateTime.UtcNow)).Message);
        Assert.Throws<DomainException>(() => r.RecordRepair(new DateOnly(2026, 9, 19), "영수증"));
        Assert.Throws<DomainException>(() => r.RecordRepair(new DateOnly(2026, 9, 25), " "));
        r.RecordRepair(new DateOnly(2026, 9, 25), "재방문 확인");
        r.Approve("billing@arisu.local", DateTime.UtcNow);
        Assert.Equal(ReductionStatuses.Approved, r.Status);
        Assert.Equal(new DateOnly(2026, 9, 25), r.RepairedOn);
    }
}
