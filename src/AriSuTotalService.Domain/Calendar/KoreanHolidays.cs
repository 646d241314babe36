using System.Globalization;

namespace AriSuTotalService.Domain.Calendar;

/// <summary>
/// The public holidays of the regulation on government offices' holidays (관공서의 공휴일에 관한 규정) for any year
/// .NET's Korean lunisolar calendar covers: the fixed days, the lunar ones (설날 and 추석 with the days before and after,
/// 부처님오신날), and substitute holidays (대체공휴일) — for 설날·추석 falling on a Sunday or on another holiday and for
/// 어린이날 on a weekend or another holiday since 2014; for 삼일절, 광복절, 개천절 and 한글날 on a weekend since 2021; for
/// 부처님오신날 and 성탄절 since 2023. A substitute is the first day after that is neither a weekend nor a holiday; two
/// holidays on one day give one. One-off days (elections, temporary holidays) are not rules: administrators add them.
/// </summary>
public static class KoreanHolidays
{
    public const string Fixed = "fixed";
    public const string Lunar = "lunar";
    public const string Substitute = "substitute";

    public sealed record Holiday(DateOnly Date, string Name, string Kind);

    private static readonly KoreanLunisolarCalendar Lunisolar = new();

    public static DateOnly FromLunar(int year, int month, int day)
    {
        var leap = Lunisolar.GetLeapMonth(year);
        var index = leap != 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(Lunisolar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    public static IReadOnlyList<Holiday> For(int year)
    {
        var days = new List<Holiday>
        {
            new(new DateOnly(year, 1, 1), "신정", Fixed), new(new DateOnly(year, 3, 1), "삼일절", Fixed),
            new(new DateOnly(year, 5, 5), "어린이날", Fixed), new(new DateOnly(year, 6, 6), "현충일", Fixed),
            new(new DateOnly(year, 8, 15), "광복절", Fixed), new(new DateOnly(year, 10, 3), "개천절", Fixed),
            new(new DateOnly(year, 10, 9), "한글날", Fixed), new(new DateOnly(year, 12, 25), "성탄절", Fixed),
        };
        var seollal = FromLunar(year, 1, 1);
        var chuseok = FromLunar(year, 8, 15);
        var seollalDays = Enumerable.Range(-1, 3).Select(seollal.AddDays).ToList();
        var chuseokDays = Enumerable.Range(-1, 3).Select(chuseok.AddDays).ToList();
        days.AddRange(seollalDays.Where(d => d.Year == year).Select(d => new Holiday(d, "설날", Lunar)));
        days.AddRange(chuseokDays.Select(d => new Holiday(d, "추석", Lunar)));
        days.Add(new Holiday(FromLunar(year, 4, 8), "부처님오신날", Lunar));

        var taken = days.Select(d => d.Date).ToHashSet();
        var count = days.GroupBy(d => d.Date).ToDictionary(g => g.Key, g => g.Count());
        static bool Weekend(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

        // Occasions that may call for a substitute, in date order: a three-day group, or one day.
        var occasions = new List<(IReadOnlyList<DateOnly> Days, string Name, bool Needs)>();
        if (year >= 2014)
        {
            foreach (var (group, name) in new[] { (seollalDays, "설날"), (chuseokDays, "추석") })
                occasions.Add((group, name, group.Any(d => d.DayOfWeek == DayOfWeek.Sunday || count.GetValueOrDefault(d) > 1)));
        }
        void Single(DateOnly day, string name, int since)
        {
            if (year < since || occasions.Any(o => o.Days.Contains(day))) return;
            occasions.Add(([day], name, Weekend(day) || count.GetValueOrDefault(day) > 1));
        }
        Single(new DateOnly(year, 5, 5), "어린이날", 2014);
        foreach (var (m, d, name) in new[] { (3, 1, "삼일절"), (8, 15, "광복절"), (10, 3, "개천절"), (10, 9, "한글날") })
            Single(new DateOnly(year, m, d), name, 2021);
        Single(FromLunar(year, 4, 8), "부처님오신날", 2023);
        Single(new DateOnly(year, 12, 25), "성탄절", 2023);

        // Two holidays on one day give one substitute: the day is counted once, by the first occasion on it.
        var substituted = new HashSet<DateOnly>();
        foreach (var (group, name, needs) in occasions.OrderBy(o => o.Days[0]))
        {
            if (!needs || group.All(substituted.Contains)) continue;
            foreach (var d in group) substituted.Add(d);
            var next = group[^1].AddDays(1);
            while (Weekend(next) || taken.Contains(next)) next = next.AddDays(1);
            taken.Add(next);
            days.Add(new Holiday(next, $"{name} 대체공휴일", Substitute));
        }
        return [.. days.GroupBy(d => d.Date).Select(g => g.First()).OrderBy(d => d.Date)];
    }
}
