using AriSuTotalService.Domain.Surges;

namespace AriSuTotalService.Domain.Tests.Surges;

public class SurgeRuleTests
{
    private static readonly SurgeThresholds T = SurgeThresholds.Default;

    private static SurgeVerdict Judge(long prevUsage, int prevDays, long curUsage, int curDays, long prevReading = 1000, long? curReading = null) =>
        SurgeRule.Judge(new Period(prevReading, prevUsage, prevDays), new Period(curReading ?? prevReading + curUsage, curUsage, curDays), T);

    [Fact]
    public void Exactly_40_percent_is_on_both_lists()
    {
        var v = Judge(20, 30, 28, 30);
        Assert.Equal(SurgeKind.Surge, v.Kind);
        Assert.True(v.OnDiagnosisList);
        Assert.True(v.OnNoticeList);
        Assert.Equal(40.0m, v.IncreasePercent);
    }

    [Fact]
    public void Just_below_40_percent_is_only_on_the_notice_list()
    {
        var v = Judge(100, 30, 139, 30);
        Assert.Equal(SurgeKind.Surge, v.Kind);
        Assert.False(v.OnDiagnosisList);
        Assert.True(v.OnNoticeList);
        Assert.Equal(39.0m, v.IncreasePercent);
    }

    [Fact]
    public void Exactly_30_percent_is_a_notice_and_just_below_is_nothing()
    {
        Assert.True(Judge(100, 30, 130, 30).OnNoticeList);
        var below = Judge(100, 30, 129, 30);
        Assert.Equal(SurgeKind.None, below.Kind);
        Assert.False(below.OnNoticeList);
        Assert.Equal(29.0m, below.IncreasePercent);
    }

    [Fact]
    public void Monthly_against_bimonthly_with_equal_usage_per_day_is_not_a_surge()
    {
        // 60 m³ in 60 days, then 30 m³ in 30 days: 1 m³ a day both times.
        var v = Judge(60, 60, 30, 30);
        Assert.Equal(SurgeKind.None, v.Kind);
        Assert.Equal(0.0m, v.IncreasePercent);
        // Bi-monthly after monthly: the same.
        Assert.Equal(SurgeKind.None, Judge(30, 30, 62, 62).Kind);
    }

    [Fact]
    public void Per_day_usage_decides_across_different_period_lengths()
    {
        // 30 m³ in 30 days (1.0/day) then 84 m³ in 60 days (1.4/day): exactly +40%.
        var v = Judge(30, 30, 84, 60);
        Assert.True(v.OnDiagnosisList);
        Assert.Equal(40.0m, v.IncreasePercent);
        // 83 m³ in 60 days is 1.3833/day: +38.3%, notice only.
        var w = Judge(30, 30, 83, 60);
        Assert.False(w.OnDiagnosisList);
        Assert.Equal(38.3m, w.IncreasePercent);
    }

    [Fact]
    public void Previous_usage_zero_is_new_use_when_the_current_reaches_the_minimum()
    {
        var v = Judge(0, 30, 3, 30);
        Assert.Equal(SurgeKind.NewUse, v.Kind);
        Assert.Null(v.IncreasePercent);
        Assert.False(v.OnDiagnosisList);
        Assert.Equal(SurgeKind.None, Judge(0, 30, 2, 30).Kind);
    }

    [Fact]
    public void A_reading_lower_than_the_previous_one_is_an_anomaly_never_a_surge()
    {
        // Meter replaced: the new meter reads 12 after the old one read 1000, usage high.
        var v = Judge(10, 30, 50, 30, prevReading: 1000, curReading: 12);
        Assert.Equal(SurgeKind.Anomaly, v.Kind);
        Assert.False(v.OnDiagnosisList);
        Assert.False(v.OnNoticeList);
    }

    [Fact]
    public void No_previous_reading_is_skipped()
    {
        var v = SurgeRule.Judge(null, new Period(100, 30, 30), T);
        Assert.Equal(SurgeKind.Skipped, v.Kind);
    }

    [Fact]
    public void The_minimum_increase_applies_at_its_edge()
    {
        // +100% but only 3 m³ more over the same days: exactly the minimum → a surge.
        Assert.True(Judge(3, 30, 6, 30).OnDiagnosisList);
        // +100% with 2 m³ more: below the minimum → nothing.
        Assert.Equal(SurgeKind.None, Judge(2, 30, 4, 30).Kind);
        // Different lengths: prev 6 in 60 days, cur 6 in 30 days: increase = 6×60 − 6×30 = 180 = 3 × 60 → at the edge.
        Assert.True(Judge(6, 60, 6, 30).OnDiagnosisList);
        Assert.Equal(SurgeKind.None, Judge(5, 60, 5, 30).Kind);
    }

    [Fact]
    public void Thresholds_are_the_administrators_numbers()
    {
        var strict = new SurgeThresholds(DiagnosisPercent: 50, NoticePercent: 45, MinIncreaseM3: 10);
        var v = SurgeRule.Judge(new Period(0, 20, 30), new Period(28, 28, 30), strict);
        Assert.Equal(SurgeKind.None, v.Kind);
        var w = SurgeRule.Judge(new Period(0, 20, 30), new Period(30, 30, 30), strict);
        Assert.True(w.OnDiagnosisList);
    }

    [Fact]
    public void Increase_is_truncated_not_rounded()
    {
        // 1.4166… → 41.6%, not 41.7%.
        Assert.Equal(41.6m, Judge(120, 30, 170, 30).IncreasePercent);
    }

    [Fact]
    public void Large_usages_do_not_overflow()
    {
        var v = Judge(2_000_000, 62, 3_000_000, 62);
        Assert.True(v.OnDiagnosisList);
        Assert.Equal(50.0m, v.IncreasePercent);
    }

    [Fact]
    public void A_misread_meter_is_still_a_surge_with_the_increase_capped()
    {
        // 1 m³ over a year, then 99,999,999 m³ in one day: 3.65 × 10^13 tenths, beyond a 32-bit column.
        var v = Judge(1, 365, 99_999_999, 1);
        Assert.True(v.OnDiagnosisList);
        Assert.Equal(SurgeRule.MaxIncreaseTenths, v.IncreaseTenths);
        Assert.Equal(999_999.9m, v.IncreasePercent);
    }

    [Fact]
    public void A_decrease_is_truncated_toward_zero_like_an_increase()
    {
        // 41 → 35 m³ over the same 30 days: −14.634… % → −14.6 %, not −14.7 %.
        Assert.Equal(-146, SurgeRule.Increase(new Period(1000, 41, 30), new Period(1035, 35, 30)));
        Assert.Equal(-14.6m, SurgeRule.Judge(new Period(1000, 41, 30), new Period(990, 35, 30), T).IncreasePercent);
    }

    [Fact]
    public void A_previous_reading_more_than_ten_days_before_is_not_compared_across_the_gap()
    {
        var prev = new Period(1000, 20, 30);
        var cur = new Period(1060, 60, 30);
        Assert.Equal(SurgeKind.Surge, SurgeRule.Judge(prev, cur, T, gapDays: SurgeRule.MaxGapDays).Kind);
        var gap = SurgeRule.Judge(prev, cur, T, gapDays: SurgeRule.MaxGapDays + 1);
        Assert.Equal(SurgeKind.Gap, gap.Kind);
        Assert.False(gap.OnDiagnosisList);
    }
}
