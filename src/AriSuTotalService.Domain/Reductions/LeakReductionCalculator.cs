using AriSuTotalService.Domain.Common;

namespace AriSuTotalService.Domain.Reductions;

/// <summary>A reading period of one meter: days = end − start, usage in whole m³.</summary>
public sealed record ReadingPeriod(DateOnly Start, DateOnly End, long UsageM3)
{
    public int Days => End.DayNumber - Start.DayNumber;
}

/// <summary>Where the normal usage per day came from.</summary>
public static class NormalBases
{
    /// <summary>The two reading periods before the leak period.</summary>
    public const string PreviousTwo = "previous_two";
    /// <summary>The same period of the previous year.</summary>
    public const string LastYear = "last_year";
    /// <summary>Periods the reviewer chose, with a reason.</summary>
    public const string Reviewer = "reviewer";

    public static string Label(string? basis) => basis switch
    {
        PreviousTwo => "직전 2회 검침 평균",
        LastYear => "전년 같은 기간",
        Reviewer => "검토자 지정",
        _ => "정상 사용량 기준 미정",
    };
}

/// <summary>One charge's reduction: the charge at the period's usage and at the usage less the reduced volume.</summary>
public sealed record ChargeWorking(string Charge, int Percent, IReadOnlyList<(int FromM3, int Price)> Tiers, int TierMonths,
    long ReducedVolumeHundredths, long ChargeWon, long ReductionWon)
{
    public decimal ReducedVolumeM3 => ReducedVolumeHundredths / 100m;
    public long AfterWon => ChargeWon - ReductionWon;
}

/// <summary>The whole working of a reduction, as printed on the notice.</summary>
public sealed record ReductionWorking(
    ReadingPeriod Leak, string Basis, IReadOnlyList<ReadingPeriod> Normal, long NormalUsageM3, int NormalDays,
    long NormalVolumeHundredths, long LeakVolumeM3, IReadOnlyList<ChargeWorking> Charges, string? RejectionReason)
{
    public long TotalWon => Charges.Sum(c => c.ReductionWon);
    /// <summary>Normal usage per day in hundredths of m³ (truncated), for display.</summary>
    public long NormalPerDayHundredths => NormalDays == 0 ? 0 : NormalUsageM3 * 100 / NormalDays;
    public long LeakPerDayHundredths => Leak.Days == 0 ? 0 : Leak.UsageM3 * 100 / Leak.Days;
}

/// <summary>
/// The leak fee reduction as Seoul practises it, in integer arithmetic: leak volume = leak-period usage − normal usage per
/// day × leak-period days (never below 0, whole m³ rounded down); each charge is reduced by charge(usage) −
/// charge(usage − its share of the leak volume), with the tiers and prices of the use type in force on the period's end
/// date, whole won rounded down per charge.
/// </summary>
public static class LeakReductionCalculator
{
    /// <summary>Days a reading period may end before the next one starts and still count as the period just before it.</summary>
    public const int MaxGapDays = 10;

    public const string NoLeakVolume = "누수 기간 사용량이 정상 사용량 이하입니다 (누수량 0 m³): 감면할 수 없습니다.";

    /// <summary>
    /// The normal basis the rule picks by itself: the two reading periods just before the leak period, else the period of the
    /// previous year that ends nearest the leak period's end a year earlier (within a month); null when neither exists
    /// and the reviewer must decide.
    /// </summary>
    public static (string Basis, IReadOnlyList<ReadingPeriod> Periods)? ChooseNormal(ReadingPeriod leak, IEnumerable<ReadingPeriod> history)
    {
        var all = history.ToList();
        // The two periods just before: each must end where (or a few days before) the next one starts, so a meter read
        // again after a long gap is not compared with readings from long ago.
        ReadingPeriod? Before(DateOnly start) => all.Where(p => p.End <= start && p.End.DayNumber >= start.DayNumber - MaxGapDays)
            .OrderByDescending(p => p.End).FirstOrDefault();
        if (Before(leak.Start) is { } first && Before(first.Start) is { } second) return (NormalBases.PreviousTwo, [second, first]);
        var target = leak.End.AddYears(-1).DayNumber;
        var lastYear = all.Where(p => p.End < leak.Start && Math.Abs(p.End.DayNumber - target) <= 31)
            .OrderBy(p => Math.Abs(p.End.DayNumber - target)).FirstOrDefault();
        return lastYear is null ? null : (NormalBases.LastYear, [lastYear]);
    }

    /// <summary>Months a period's tier bounds are multiplied by: 1 for a monthly reading, 2 for a bi-monthly one.</summary>
    public static int TierMonths(int days) => Math.Max(1, (days + 15) / 30);

    public static ReductionWorking Compute(ReadingPeriod leak, string basis, IReadOnlyList<ReadingPeriod> normal,
        IEnumerable<TariffRate> tariffs, IEnumerable<ReductionRate> rates)
    {
        if (leak.Days <= 0) throw new DomainException("누수 기간의 일수가 0입니다.");
        if (normal.Count == 0) throw new DomainException("정상 사용량을 구할 검침 기간을 고르세요.");
        if (normal.Any(p => p.Days <= 0)) throw new DomainException("정상 사용량 기간의 일수가 0입니다.");
        if (normal.Any(p => p.End == leak.End)) throw new DomainException("누수 기간을 정상 사용량 기간으로 쓸 수 없습니다.");
        var rate = rates.Where(r => r.EffectiveFrom <= leak.End).OrderByDescending(r => r.EffectiveFrom).FirstOrDefault()
            ?? throw new DomainException("{0}에 적용할 감면율이 없습니다. 관리자가 감면율을 등록해야 합니다.", leak.End.ToString("yyyy-MM-dd"));

        long normalUsage = normal.Sum(p => p.UsageM3);
        int normalDays = normal.Sum(p => p.Days);
        // normal volume of the leak period = normalUsage / normalDays × leakDays, kept in hundredths for display
        var normalVolumeHundredths = normalUsage * 100 * leak.Days / normalDays;
        var excess = leak.UsageM3 * normalDays - normalUsage * leak.Days;
        var volume = excess <= 0 ? 0 : excess / normalDays;

        var months = TierMonths(leak.Days);
        var tariffList = tariffs.ToList();
        var charges = new List<ChargeWorking>();
        foreach (var (code, label) in Charges.All)
        {
            var inForce = tariffList.Where(t => t.Charge == code && t.EffectiveFrom <= leak.End).ToList();
            if (inForce.Count == 0) throw new DomainException("{0}에 적용할 {1} 단가가 없습니다. 관리자가 요금표를 등록해야 합니다.", leak.End.ToString("yyyy-MM-dd"), label);
            var from = inForce.Max(t => t.EffectiveFrom);
            var tiers = inForce.Where(t => t.EffectiveFrom == from).OrderBy(t => t.FromM3).Select(t => (t.FromM3, t.PricePerM3)).ToList();
            if (tiers[0].FromM3 != 0) throw new DomainException("{0} 요금표의 첫 구간은 0 m³부터 시작해야 합니다.", label);
            var percent = rate.PercentOf(code);
            var reduced = volume * percent; // hundredths of m³
            var usage = leak.UsageM3 * 100;
            var before = ChargeHundredths(usage, tiers, months);
            var after = ChargeHundredths(usage - reduced, tiers, months);
            charges.Add(new ChargeWorking(code, percent, tiers, months, reduced, before / 100, (before - after) / 100));
        }
        return new ReductionWorking(leak, basis, normal, normalUsage, normalDays, normalVolumeHundredths, volume, charges,
            volume == 0 ? NoLeakVolume : null);
    }

    /// <summary>The charge, in hundredths of won, of a usage in hundredths of m³ over tiers whose bounds scale with the months billed.</summary>
    public static long ChargeHundredths(long usageHundredths, IReadOnlyList<(int FromM3, int Price)> tiers, int months)
    {
        long total = 0;
        for (var i = 0; i < tiers.Count; i++)
        {
            long lower = tiers[i].FromM3 * 100L * months;
            long upper = i + 1 < tiers.Count ? tiers[i + 1].FromM3 * 100L * months : long.MaxValue;
            if (usageHundredths <= lower) break;
            total += (Math.Min(usageHundredths, upper) - lower) * tiers[i].Price;
        }
        return total;
    }
}
