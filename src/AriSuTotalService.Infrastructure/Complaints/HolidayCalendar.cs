using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Complaints;

/// <summary>
/// The deadline calendar built from the holiday table, cached for ten minutes per node (and dropped on this node
/// when an administrator edits the holidays).
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
        var loaded = (new DeadlineCalendar(dates), dates.Count == 0 ? DateOnly.MinValue : dates.Max(), now);
        _cached = loaded;
        return loaded;
    }
}
