using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Admin.Holidays;

/// <summary>Public holidays (data, not code): lunar, substitute and one-off days are added here as the government announces them.</summary>
[Authorize(Roles = RoleSets.Administrator)]
public class IndexModel(ArisuDbContext db, HolidayCalendar calendar, AriSuTotalService.Infrastructure.Features.Administration.Holidays.Handler holidays, TimeProvider clock,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    public static IReadOnlyList<string> Kinds => AriSuTotalService.Infrastructure.Features.Administration.Holidays.Kinds;

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string Kind { get; set; } = "one_off";

    public IReadOnlyList<PublicHoliday> Holidays { get; private set; } = [];
    public DateOnly CoveredUntil { get; private set; }
    public bool CoverageWarning { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid) // a value that is not a date is said beside its field by the binder
        {
            try
            {
                var added = await holidays.AddAsync(new(Date, Name, Kind), ct);
                TempData["Message"] = l["{0} {1}: 공휴일로 등록했습니다. 이후 접수하는 민원의 처리기한에 반영됩니다.", added.Date.ToString("yyyy-MM-dd"), added.Name].Value;
                return RedirectToPage(new { year = added.Date.Year });
            }
            catch (ValidationFailedException ex)
            {
                ModelState.AddRefusals(ex, l, field => field);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        await holidays.RemoveAsync(id, ct) is { } removed ? RedirectToPage(new { year = removed.Date.Year }) : NotFound();

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
