using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Features.Administration;

/// <summary>
/// The public-holiday table (city-wide, 관공서의 공휴일에 관한 규정): a day added or removed by an administrator. The
/// deadline calendar is read again afterwards, so complaints received from then on count with it.
/// </summary>
public static class Holidays
{
    public const int MaxName = 60;
    public static readonly IReadOnlyList<string> Kinds = ["fixed", "lunar", "substitute", "one_off"];

    public sealed record Add(DateOnly? Date, string? Name, string? Kind);

    public sealed class Handler(ArisuDbContext db, HolidayCalendar calendar)
    {
        public async Task<PublicHoliday> AddAsync(Add c, CancellationToken ct)
        {
            var refused = new Refusals();
            if (c.Date is null) refused.Add(nameof(c.Date), "날짜를 입력하세요.");
            else if (await db.PublicHolidays.AnyAsync(h => h.Date == c.Date, ct)) refused.Add(nameof(c.Date), "이미 등록된 날짜입니다.");
            var name = c.Name?.Trim();
            if (string.IsNullOrEmpty(name)) refused.Add(nameof(c.Name), "이름을 입력하세요.");
            else if (name.Length > MaxName) refused.Add(nameof(c.Name), "이름은 {0}자 이내로 입력하세요.", MaxName);
            if (!Kinds.Contains(c.Kind ?? "")) refused.Add(nameof(c.Kind), "종류를 선택하세요.");
            refused.ThrowIfAny();
            var holiday = new PublicHoliday(c.Date!.Value, name!, c.Kind!);
            db.PublicHolidays.Add(holiday);
            await db.SaveChangesAsync(ct);
            calendar.Invalidate();
            return holiday;
        }

        /// <returns>The removed day, or null when there is no such row.</returns>
        public async Task<PublicHoliday?> RemoveAsync(int id, CancellationToken ct)
        {
            var holiday = await db.PublicHolidays.SingleOrDefaultAsync(h => h.Id == id, ct);
            if (holiday is null) return null;
            db.PublicHolidays.Remove(holiday);
            await db.SaveChangesAsync(ct);
            calendar.Invalidate();
            return holiday;
        }
    }
}
