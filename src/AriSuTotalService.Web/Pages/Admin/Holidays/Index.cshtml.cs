using System.ComponentModel.DataAnnotations;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Admin.Holidays;

/// <summary>Public holidays (data, not code): lunar, substitute and one-off days are added here as the government announces them.</summary>
[Authorize(Roles = RoleSets.Administrator)]
public class IndexModel(ArisuDbContext db, HolidayCalendar calendar, TimeProvider clock) : PageModel
{
    public static readonly string[] Kinds = ["fixed", "lunar", "substitute", "one_off"];

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    [BindProperty, Required(ErrorMessage = "날짜를 입력하세요.")] public DateOnly? Date { get; set; }
    [BindProperty, Required(ErrorMessage = "이름을 입력하세요."), StringLength(60, ErrorMessage = "이름은 60자 이내로 입력하세요.")] public string? Name { get; set; }
    [BindProperty] public string Kind { get; set; } = "one_off";

    public IReadOnlyList<PublicHoliday> Holidays { get; private set; } = [];
    public DateOnly CoveredUntil { get; private set; }
    public bool CoverageWarning { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Kinds.Contains(Kind)) ModelState.AddModelError(nameof(Kind), "종류를 선택하세요.");
        if (Date is { } d && await db.PublicHolidays.AnyAsync(h => h.Date == d, ct)) ModelState.AddModelError(nameof(Date), "이미 등록된 날짜입니다.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        db.PublicHolidays.Add(new PublicHoliday(Date!.Value, Name!.Trim(), Kind));
        await db.SaveChangesAsync(ct);
        calendar.Invalidate();
        TempData["Message"] = $"{Date:yyyy-MM-dd} {Name}을(를) 등록했습니다. 이후 접수하는 민원의 처리기한에 반영됩니다.";
        return RedirectToPage(new { year = Date.Value.Year });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var holiday = await db.PublicHolidays.SingleOrDefaultAsync(h => h.Id == id, ct);
        if (holiday is null) return NotFound();
        db.PublicHolidays.Remove(holiday);
        await db.SaveChangesAsync(ct);
        calendar.Invalidate();
        return RedirectToPage(new { year = holiday.Date.Year });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = SeoulTime.Today(clock);
        Year ??= today.Year;
        var from = new DateOnly(Year.Value, 1, 1);
        var to = new DateOnly(Year.Value, 12, 31);
        Holidays = await db.PublicHolidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= to).OrderBy(h => h.Date).ToListAsync(ct);
        CoveredUntil = await calendar.CoveredUntilAsync(db, ct);
        CoverageWarning = CoveredUntil < today.AddMonths(12);
    }

    public static string KindLabel(string kind) => kind switch
    {
        "fixed" => "고정",
        "lunar" => "음력",
        "substitute" => "대체공휴일",
        "one_off" => "임시·선거",
        _ => kind,
    };
}
