namespace AriSuTotalService.Domain.Calendar;

/// <summary>
/// Processing deadlines per the Civil Complaints Act and its decree: a period of 5 days or less counts in
/// working hours (8 a day, 09:00–18:00 without the 12:00–13:00 lunch hour); a period of 6 days or more counts
/// in days including the first day; Saturdays, Sundays and public holidays never count; "immediately" is
/// 3 working hours. All arguments and results are local Asia/Seoul wall-clock times.
/// </summary>
public sealed class DeadlineCalendar(IEnumerable<DateOnly> holidays)
{
    private static readonly (TimeOnly Start, TimeOnly End)[] WorkingBlocks =
    [
        (new TimeOnly(9, 0), new TimeOnly(12, 0)),
        (new TimeOnly(13, 0), new TimeOnly(18, 0)),
    ];

    private readonly HashSet<DateOnly> _holidays = [.. holidays];

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    public DateOnly NextWorkingDay(DateOnly day)
    {
        var d = day;
        while (!IsWorkingDay(d)) d = d.AddDays(1);
        return d;
    }

    /// <summary>The deadline of a complaint received at <paramref name="receivedLocal"/>.</summary>
    public DateTime Deadline(DateTime receivedLocal, ProcessingPeriod period) =>
        period.CountsInWorkingHours
            ? AddWorkingTime(receivedLocal, TimeSpan.FromHours(period.WorkingHours))
            : AddWorkingDaysIncludingFirst(receivedLocal, period.Value);

    /// <summary>The latest deadline an extension may set: the current deadline plus the type's period once more.</summary>
    public DateTime ExtensionLimit(DateTime deadlineLocal, ProcessingPeriod period)
    {
        if (period.CountsInWorkingHours) return AddWorkingTime(deadlineLocal, TimeSpan.FromHours(period.WorkingHours));
        var nextDay = DateOnly.FromDateTime(deadlineLocal).AddDays(1);
        return AddWorkingDaysIncludingFirst(nextDay.ToDateTime(TimeOnly.MinValue), period.Value);
    }

    /// <summary>After a pause (보완 요청) the deadline moves on by the working time the clock was stopped.</summary>
    public DateTime AfterPause(DateTime deadlineLocal, DateTime pausedLocal, DateTime resumedLocal) =>
        AddWorkingTime(deadlineLocal, WorkingTimeBetween(pausedLocal, resumedLocal));

    /// <summary>Moves forward by working time only (working hours of working days).</summary>
    public DateTime AddWorkingTime(DateTime fromLocal, TimeSpan amount)
    {
        if (amount < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(amount));
        var day = DateOnly.FromDateTime(fromLocal);
        var time = TimeOnly.FromDateTime(fromLocal);
        var left = amount;
        while (true)
        {
            if (IsWorkingDay(day))
            {
                foreach (var (start, end) in WorkingBlocks)
                {
                    if (time >= end) continue;
                    var from = time > start ? time : start;
                    var available = end - from;
                    if (left <= available)
                    {
                        // A deadline that falls exactly on the end of a block stays there (18:00, not next morning).
                        return day.ToDateTime(from).Add(left);
                    }
                    left -= available;
                    time = end;
                }
            }
            day = day.AddDays(1);
            time = TimeOnly.MinValue;
        }
    }

    /// <summary>
    /// Day counting (초일 산입): the day of receipt is day 1 when it is a working day; non-working days are
    /// skipped; the deadline is the end of the working day of the last day.
    /// </summary>
    public DateTime AddWorkingDaysIncludingFirst(DateTime fromLocal, int days)
    {
        if (days < 1) throw new ArgumentOutOfRangeException(nameof(days));
        var day = DateOnly.FromDateTime(fromLocal);
        var counted = 0;
        while (true)
        {
            if (IsWorkingDay(day))
            {
                counted++;
                if (counted == days) return day.ToDateTime(WorkingBlocks[^1].End);
            }
            day = day.AddDays(1);
        }
    }

    /// <summary>Working time between two instants (for "time left" and for pauses that stop the clock).</summary>
    public TimeSpan WorkingTimeBetween(DateTime fromLocal, DateTime toLocal)
    {
        if (toLocal <= fromLocal) return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(fromLocal); day <= DateOnly.FromDateTime(toLocal); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day)) continue;
            foreach (var (start, end) in WorkingBlocks)
            {
                var s = day.ToDateTime(start);
                var e = day.ToDateTime(end);
                if (s < fromLocal) s = fromLocal;
                if (e > toLocal) e = toLocal;
                if (e > s) total += e - s;
            }
        }
        return total;
    }
}
