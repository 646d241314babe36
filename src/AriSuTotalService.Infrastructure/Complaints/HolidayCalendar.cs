using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Complaints;

/// <summary>
/// The deadline calendar built from the holiday table, cached for ten minutes per node (and dropped on this node
/// when an administrator edits the holidays). Years after the table's last are computed by the regulation's rules
/// (<see cref="KoreanHolidays"/>) up to three years ahead, so a deadline is never counted over an unknown 추석; their
/// one-off days (elections) still need an administrator.
/// </summary>
public sealed class HolidayCalendar(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private (DeadlineCalendar Calendar, DateOnly LastHoliday, DateTimeOffset LoadedAt)? _cached;

    public async Task<DeadlineCalendar> GetAsync(ArisuDbContext db, CancellationToken ct = default) => (await LoadAsync(db, ct)).Calendar;

    /// <summary>The last date the holiday table covers (its latest holiday's year end).</summary>
    public async Task<DateOnly> CoveredUntilAsync(ArisuDbContext db, CancellationToken ct = default)
    {
        var last = (await LoadAsync(db, ct)).LastHoliday;
        return new DateOnly(last.Year, 12, 31);
    }

    public void Invalidate() => _cached = null;

    private async Task<(DeadlineCalendar Calendar, DateOnly LastHoliday, DateTimeOffset LoadedAt)> LoadAsync(ArisuDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cached is { } c && now - c.LoadedAt < Lifetime) return c;
        var dates = await db.PublicHolidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct);
        var last = dates.Count == 0 ? DateOnly.MinValue : dates.Max();
        var computed = Enumerable.Range(Math.Max(last.Year + 1, 2014), Math.Max(0, Math.Min(SeoulTime.Today(clock).Year + 3, 2049) - Math.Max(last.Year, 2013)))
            .SelectMany(KoreanHolidays.For).Select(h => h.Date);
        var loaded = (new DeadlineCalendar(dates.Concat(computed)), last, now);
        _cached = loaded;
        return loaded;
    }
}
