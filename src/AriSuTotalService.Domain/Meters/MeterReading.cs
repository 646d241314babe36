namespace AriSuTotalService.Domain.Meters;

/// <summary>One meter reading (검침) of a customer's meter: the index at the end of the period and the usage in it.</summary>
public class MeterReading
{
    private MeterReading() { }

    public MeterReading(long customerId, DateOnly periodStart, DateOnly periodEnd, long readingM3, int usageM3)
    {
        if (periodEnd <= periodStart) throw new ArgumentException("period_end must be after period_start");
        if (usageM3 < 0) throw new ArgumentException("usage must not be negative");
        CustomerId = customerId;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        ReadingM3 = readingM3;
        UsageM3 = usageM3;
        Days = periodEnd.DayNumber - periodStart.DayNumber;
    }

    public long Id { get; private set; }
    public long CustomerId { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    /// <summary>Meter index at period end, whole m³.</summary>
    public long ReadingM3 { get; private set; }
    /// <summary>Billed usage of the period, whole m³.</summary>
    public int UsageM3 { get; private set; }

    /// <summary>Days the period covers (end − start), stored so scans need no date arithmetic.</summary>
    public int Days { get; private set; }
}
