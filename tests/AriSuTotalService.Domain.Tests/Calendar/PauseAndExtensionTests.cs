using AriSuTotalService.Domain.Calendar;

namespace AriSuTotalService.Domain.Tests.Calendar;

/// <summary>
/// Pauses and extensions on 1-, 5-, 6- and 14-day types across 2026's 추석 (Thu 24 – Sat 26 Sep), the 개천절 substitute
/// (Mon 5 Oct) and 한글날 (Fri 9 Oct), with the holidays as the rules compute them. A complaint received Wed 23 Sep 10:00.
/// </summary>
public class PauseAndExtensionTests
{
    private static readonly DeadlineCalendar Calendar = new(KoreanHolidays.For(2026).Select(h => h.Date));
    private static readonly DateTime Received = At(9, 23, 10);

    private static DateTime At(int m, int d, int h, int min = 0) => new(2026, m, d, h, min, 0);

    [Theory]
    // 1 day = 8 working hours: Wed 10–18 (7), Mon 28 09–10 (1).
    [InlineData(1, 9, 28, 10)]
    // 5 days = 40 working hours: Wed (7), Mon–Thu (32), Fri 2 Oct 09–10 (1).
    [InlineData(5, 10, 2, 10)]
    // 6 days count in days, the first included: Wed 23, Mon 28 … Fri 2 Oct, to the end of its working day.
    [InlineData(6, 10, 2, 18)]
    // 14 days: … Fri 2, Tue 6 (Mon 5 is the substitute), Wed 7, Thu 8, Mon 12 (Fri 9 is 한글날) … Fri 16.
    [InlineData(14, 10, 16, 18)]
    public void The_deadline_counts_across_the_holidays(int days, int m, int d, int h) =>
        Assert.Equal(At(m, d, h), Calendar.Deadline(Received, ProcessingPeriod.InDays(days)));

    [Theory]
    // Hour-counted types extend by their hours again: Mon 28 10:00 + 8 h.
    [InlineData(1, 9, 28, 10, 9, 29, 10)]
    // Fri 2 Oct 10:00 + 40 h: Fri (7), Tue 6 – Thu 8 (24), Mon 12 (8), Tue 13 09–10 (1); Mon 5 and Fri 9 are holidays.
    [InlineData(5, 10, 2, 10, 10, 13, 10)]
    // Day-counted types extend by their days again, from the day after the deadline: Tue 6 … Wed 14.
    [InlineData(6, 10, 2, 18, 10, 14, 18)]
    // 14 more days from Sat 17 Oct: Mon 19 … Thu 5 Nov.
    [InlineData(14, 10, 16, 18, 11, 5, 18)]
    public void An_extension_reaches_at_most_the_period_once_more(int days, int m, int d, int h, int em, int ed, int eh) =>
        Assert.Equal(At(em, ed, eh), Calendar.ExtensionLimit(At(m, d, h), ProcessingPeriod.InDays(days)));

    [Fact]
    public void A_pause_over_the_holidays_moves_the_deadline_by_its_working_time_only()
    {
        // 1-day type: paused Wed 15:00, resumed Mon 28 11:00 → 3 h + 2 h = 5 h; Mon 10:00 + 5 h → 16:00.
        Assert.Equal(At(9, 28, 16), Calendar.AfterPause(At(9, 28, 10), At(9, 23, 15), At(9, 28, 11)));
        // 5-day type: paused and resumed within the holidays: nothing of working time passed, the deadline stays.
        Assert.Equal(At(10, 2, 10), Calendar.AfterPause(At(10, 2, 10), At(9, 24, 9), At(9, 26, 17)));
        // 6-day type: paused Fri 2 Oct 17:00, resumed Tue 6 10:00 → 1 h + 1 h; from Fri 18:00 → Tue 6 11:00.
        Assert.Equal(At(10, 6, 11), Calendar.AfterPause(At(10, 2, 18), At(10, 2, 17), At(10, 6, 10)));
        // 14-day type: the same pause from Fri 16 Oct 18:00 → Mon 19 11:00.
        Assert.Equal(At(10, 19, 11), Calendar.AfterPause(At(10, 16, 18), At(10, 2, 17), At(10, 6, 10)));
    }
}
