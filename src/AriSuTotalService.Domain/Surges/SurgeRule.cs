namespace AriSuTotalService.Domain.Surges;

/// <summary>Thresholds in whole percent and the minimum absolute increase in whole m³ (administrators change them).</summary>
public sealed record SurgeThresholds(int DiagnosisPercent = 40, int NoticePercent = 30, int MinIncreaseM3 = 3)
{
    public static readonly SurgeThresholds Default = new();
}

/// <summary>One reading period of a meter as the rule sees it.</summary>
public readonly record struct Period(long ReadingM3, long UsageM3, int Days);

public enum SurgeKind
{
    /// <summary>Not a case.</summary>
    None,
    Surge,
    NewUse,
    Anomaly,
    /// <summary>No previous reading: counted, not compared.</summary>
    Skipped,
    /// <summary>The previous reading ends more than <see cref="SurgeRule.MaxGapDays"/> before the current one starts: not compared across the gap.</summary>
    Gap,
}

public readonly record struct SurgeVerdict(SurgeKind Kind, bool OnDiagnosisList, bool OnNoticeList, int? IncreaseTenths)
{
    /// <summary><c>increasePercent</c> of CONTRACTS.md: truncated to one decimal, null when the previous usage is 0.</summary>
    public decimal? IncreasePercent => IncreaseTenths is { } t ? t / 10m : null;
}

/// <summary>
/// Usage surge (사용량 격증), in integer arithmetic only. Usage per day of the current period is compared with the
/// previous period of the same meter, so monthly and bi-monthly reading both work:
/// surge at T when <c>cur × prevDays × 100 ≥ (100 + T) × prev × curDays</c> and the increase is at least the minimum,
/// <c>cur × prevDays − prev × curDays ≥ min × prevDays</c>. The diagnosis threshold puts a meter on the field staff's
/// worklist, the notice threshold on the billing division's letter list; every diagnosis meter is on both.
/// A reading lower than the previous one is an anomaly (meter replaced or misread), never a surge; previous usage 0
/// with current at least the minimum is new use; no previous reading is skipped.
/// </summary>
public static class SurgeRule
{
    /// <summary>
    /// The longest gap, in days, between the previous reading's end and the current one's start that is still "the
    /// period immediately before" — the limit the leak fee reduction uses for its normal periods.
    /// </summary>
    public const int MaxGapDays = Reductions.LeakReductionCalculator.MaxGapDays;

    public static SurgeVerdict Judge(Period? previous, Period current, SurgeThresholds t, int gapDays = 0)
    {
        if (previous is not { } prev) return new SurgeVerdict(SurgeKind.Skipped, false, false, null);
        if (gapDays > MaxGapDays) return new SurgeVerdict(SurgeKind.Gap, false, false, null);
        if (current.Days <= 0 || prev.Days <= 0) throw new ArgumentException("periods must have at least one day");
        if (current.ReadingM3 < prev.ReadingM3) return new SurgeVerdict(SurgeKind.Anomaly, false, false, Increase(prev, current));
        if (prev.UsageM3 == 0)
            return current.UsageM3 >= t.MinIncreaseM3 ? new SurgeVerdict(SurgeKind.NewUse, false, false, null) : new SurgeVerdict(SurgeKind.None, false, false, null);
        var diagnosis = Exceeds(prev, current, t.DiagnosisPercent, t.MinIncreaseM3);
        var notice = diagnosis || Exceeds(prev, current, t.NoticePercent, t.MinIncreaseM3);
        return notice
            ? new SurgeVerdict(SurgeKind.Surge, diagnosis, notice, Increase(prev, current))
            : new SurgeVerdict(SurgeKind.None, false, false, Increase(prev, current));
    }

    public static bool Exceeds(Period prev, Period cur, int thresholdPercent, int minIncreaseM3)
    {
        var curScaled = cur.UsageM3 * prev.Days;   // current usage on the previous period's day count
        var prevScaled = prev.UsageM3 * cur.Days;  // previous usage on the current period's day count
        return curScaled * 100 >= (100L + thresholdPercent) * prevScaled
            && curScaled - prevScaled >= (long)minIncreaseM3 * prev.Days;
    }

    /// <summary>
    /// The largest increase stored, in tenths of a percent (999,999.9 %): a misread meter (1 m³ a year, then 99,999,999
    /// m³ in a day) gives an increase beyond any column; it is stored as this cap, here and in the scan's SQL.
    /// </summary>
    public const int MaxIncreaseTenths = 9_999_999;

    /// <summary>
    /// (cur per day ÷ prev per day − 1) × 100 in tenths of a percent, truncated toward zero both ways (+41.66 → 41.6,
    /// −14.63 → −14.6), at most <see cref="MaxIncreaseTenths"/>; null when prev is 0.
    /// </summary>
    public static int? Increase(Period prev, Period cur)
    {
        if (prev.UsageM3 == 0) return null;
        var changePerMille = (cur.UsageM3 * prev.Days - prev.UsageM3 * cur.Days) * 1000 / (prev.UsageM3 * cur.Days);
        return (int)Math.Min(changePerMille, MaxIncreaseTenths);
    }
}
