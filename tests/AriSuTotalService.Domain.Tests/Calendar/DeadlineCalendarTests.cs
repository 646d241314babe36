using AriSuTotalService.Domain.Calendar;

namespace AriSuTotalService.Domain.Tests.Calendar;

public class DeadlineCalendarTests
{
    // 2017: Tue 3 Oct (개천절) – Fri 6 Oct (추석 substitute) are holidays; Mon 2 Oct a one-off holiday.
    private static readonly DeadlineCalendar Calendar = new(
    [
        new DateOnly(2017, 10, 2), new DateOnly(2017, 10, 3), new DateOnly(2017, 10, 4),
        new DateOnly(2017, 10, 5), new DateOnly(2017, 10, 6), new DateOnly(2017, 10, 9),
    ]);

    private static DateTime At(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0);

    [Fact]
    public void One_day_period_counts_eight_working_hours_and_skips_lunch()
    {
        // Wed 2017-09-13 10:00 + 8 working hours: 10–12 (2), 13–18 (5), next day 09–10 (1).
        Assert.Equal(At(2017, 9, 14, 10), Calendar.Deadline(At(2017, 9, 13, 10), ProcessingPeriod.InDays(1)));
    }

    [Fact]
    public void Immediately_means_three_working_hours()
    {
        Assert.Equal(At(2017, 9, 13, 14), Calendar.Deadline(At(2017, 9, 13, 10), ProcessingPeriod.Immediately));
    }

    [Fact]
    public void Hours_received_on_friday_afternoon_run_on_into_monday()
    {
        // Fri 2017-09-15 16:00 + 3 h: 16–18 (2), Mon 09–10 (1).
        Assert.Equal(At(2017, 9, 18, 10), Calendar.Deadline(At(2017, 9, 15, 16), ProcessingPeriod.InHours(3)));
    }

    [Fact]
    public void Received_at_night_starts_counting_at_nine_the_next_working_morning()
    {
        Assert.Equal(At(2017, 9, 14, 12), Calendar.Deadline(At(2017, 9, 13, 22), ProcessingPeriod.Immediately));
    }

    [Fact]
    public void Received_during_lunch_starts_counting_at_one()
    {
        Assert.Equal(At(2017, 9, 13, 16), Calendar.Deadline(At(2017, 9, 13, 12, 30), ProcessingPeriod.Immediately));
    }

    [Fact]
    public void A_deadline_ending_exactly_at_closing_time_stays_on_that_day()
    {
        Assert.Equal(At(2017, 9, 13, 18), Calendar.Deadline(At(2017, 9, 13, 9), ProcessingPeriod.InDays(1)));
    }

    [Fact]
    public void Working_hours_skip_the_whole_chuseok_holiday_week()
    {
        // Fri 2017-09-29 17:00 + 3 days = 24 h: Fri 1 h, then nothing until Tue 10 Oct (2–9 Oct holidays and weekend).
        // 10 Oct: 8 h, 11 Oct: 8 h, 12 Oct: 7 h → 12 Oct 17:00.
        Assert.Equal(At(2017, 10, 12, 17), Calendar.Deadline(At(2017, 9, 29, 17), ProcessingPeriod.InDays(3)));
    }

    [Fact]
    public void Five_days_still_counts_in_hours_but_six_days_counts_in_days()
    {
        var received = At(2017, 9, 13, 15); // Wednesday
        // 5 days = 40 working hours: Wed 3 h, Thu 8, Fri 8, Mon 8, Tue 8 = 35, Wed 5 more → Wed 20 Sep 15:00.
        Assert.Equal(At(2017, 9, 20, 15), Calendar.Deadline(received, ProcessingPeriod.InDays(5)));
        // 6 days including the first: Wed, Thu, Fri, Mon, Tue, Wed → Wed 20 Sep at closing time.
        Assert.Equal(At(2017, 9, 20, 18), Calendar.Deadline(received, ProcessingPeriod.InDays(6)));
    }

    [Fact]
    public void Day_counting_starts_on_the_next_working_day_when_received_on_a_holiday()
    {
        // Received Sat 2017-09-30: days are Tue 10, Wed 11, Thu 12, Fri 13, Mon 16, Tue 17 Oct.
        Assert.Equal(At(2017, 10, 17, 18), Calendar.Deadline(At(2017, 9, 30, 11), ProcessingPeriod.InDays(6)));
    }

    [Fact]
    public void Saturdays_sundays_and_holidays_are_not_working_days()
    {
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2017, 9, 16)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2017, 9, 17)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2017, 10, 9)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2017, 10, 10)));
    }

    [Fact]
    public void Working_time_between_counts_only_office_hours()
    {
        Assert.Equal(TimeSpan.FromHours(9), Calendar.WorkingTimeBetween(At(2017, 9, 15, 11), At(2017, 9, 18, 12)));
        Assert.Equal(TimeSpan.Zero, Calendar.WorkingTimeBetween(At(2017, 9, 18, 12), At(2017, 9, 15, 11)));
    }
}
