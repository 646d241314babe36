using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Infrastructure.Seed;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AriSuTotalService.Web.Tests.Calendar;

/// <summary>The holiday rules computed from the lunisolar calendar, against the table the office has used since 2014.</summary>
public class HolidayRuleTests
{
    public static TheoryData<int> Years() => [.. Enumerable.Range(2014, 14)];

    [Theory]
    [MemberData(nameof(Years))]
    public void The_computed_holidays_are_the_seeded_table_but_its_one_off_days(int year)
    {
        var seeded = ReferenceData.Holidays.Where(h => h.Date.Year == year && h.Kind != "one_off").Select(h => h.Date).ToList();
        var computed = KoreanHolidays.For(year).Select(h => h.Date).ToList();
        Assert.Equal(seeded, computed);
        Assert.Equal(
            ReferenceData.Holidays.Where(h => h.Date.Year == year && h.Kind == "substitute").Select(h => h.Date),
            KoreanHolidays.For(year).Where(h => h.Kind == KoreanHolidays.Substitute).Select(h => h.Date));
    }

    [Fact]
    public void Two_holidays_on_one_day_give_one_substitute_and_later_years_are_computed_too()
    {
        // 2025-05-05: 어린이날 and 부처님오신날 together → one substitute, the 6th.
        var may2025 = KoreanHolidays.For(2025).Where(h => h.Date.Month == 5).ToList();
        Assert.Equal([new DateOnly(2025, 5, 5), new DateOnly(2025, 5, 6)], may2025.Select(h => h.Date));
        // 2030: 설날 2/2–2/4 (Sat–Mon) takes a Sunday → 2/5; 추석 9/11–9/13.
        var y2030 = KoreanHolidays.For(2030);
        Assert.Contains(y2030, h => h.Date == new DateOnly(2030, 2, 5) && h.Kind == KoreanHolidays.Substitute);
        Assert.Contains(y2030, h => h.Date == new DateOnly(2030, 9, 12) && h.Name == "추석");
    }
}

/// <summary>The office's deadline calendar beyond the holiday table.</summary>
public class HolidayCalendarTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    [Fact]
    public async Task Years_after_the_table_are_counted_with_the_computed_holidays()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AriSuTotalService.Infrastructure.Data.ArisuDbContext>();
        var calendar = await scope.ServiceProvider.GetRequiredService<AriSuTotalService.Infrastructure.Complaints.HolidayCalendar>().GetAsync(db);
        // The table ends in 2027; 2029's 추석 (9/21–23, Fri–Sun) and its substitute Monday are still holidays.
        var y2029 = KoreanHolidays.For(2029);
        Assert.Contains(y2029, h => h.Kind == KoreanHolidays.Substitute && h.Date == new DateOnly(2029, 9, 24));
        Assert.All(y2029, h => Assert.False(calendar.IsWorkingDay(h.Date), h.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2029, 9, 25)));
    }
}
