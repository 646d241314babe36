namespace AriSuTotalService.Domain.Calendar;

public enum PeriodUnit
{
    /// <summary>"즉시": within 3 working hours.</summary>
    Immediate = 0,
    Hours = 1,
    Days = 2,
}

/// <summary>The legal processing period (처리기한) of a complaint type.</summary>
public readonly record struct ProcessingPeriod(PeriodUnit Unit, int Value)
{
    public static ProcessingPeriod Immediately => new(PeriodUnit.Immediate, 0);
    public static ProcessingPeriod InHours(int hours) => new(PeriodUnit.Hours, hours);
    public static ProcessingPeriod InDays(int days) => new(PeriodUnit.Days, days);

    /// <summary>Periods of 5 days or less (and any period in hours) count in working hours.</summary>
    public bool CountsInWorkingHours => Unit != PeriodUnit.Days || Value <= 5;

    public int WorkingHours => Unit switch
    {
        PeriodUnit.Immediate => 3,
        PeriodUnit.Hours => Value,
        _ => Value * 8,
    };

    public override string ToString() => string.Format(System.Globalization.CultureInfo.InvariantCulture, LabelKey, Value);

    /// <summary>The label as a resource key, with <see cref="Value"/> for <c>{0}</c>.</summary>
    public string LabelKey => Unit switch
    {
        PeriodUnit.Immediate => "즉시",
        PeriodUnit.Hours => "{0}시간",
        _ => "{0}일",
    };
}
