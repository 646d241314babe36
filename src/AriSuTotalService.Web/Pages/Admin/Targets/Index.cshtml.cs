using System.Globalization;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features;
using AriSuTotalService.Infrastructure.Features.Administration;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Admin.Targets;

/// <summary>
/// The office's yearly targets for the dashboard's headline figures; the panel's satisfaction target (headquarters')
/// is shown beside them as it stands.
/// </summary>
[Authorize(Roles = RoleSets.Administrator)]
public class IndexModel(ArisuDbContext db, PerformanceTargets.Handler save, TimeProvider clock,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>Each measure's target in percent, as typed.</summary>
    [BindProperty] public Dictionary<string, string?> Targets { get; set; } = [];
    public decimal? SatisfactionTarget { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Year ??= SeoulTime.Today(clock).Year;
        if (Year is < 2000 or > 2100) return NotFound();
        await LoadAsync(keepTyped: false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Year ??= SeoulTime.Today(clock).Year;
        try
        {
            await save.HandleAsync(new PerformanceTargets.Command(Year.Value, Targets), ct);
            Message = "저장했습니다. 실적 현황에 바로 반영됩니다.";
            await LoadAsync(keepTyped: false, ct);
        }
        catch (ValidationFailedException ex)
        {
            ModelState.AddRefusals(ex, l, measure => measure == nameof(PerformanceTargets.Command.Year) ? nameof(Year) : $"Targets[{measure}]");
            await LoadAsync(keepTyped: true, ct);
        }
        return Page();
    }

    private async Task LoadAsync(bool keepTyped, CancellationToken ct)
    {
        var year = Year!.Value;
        if (!keepTyped)
            Targets = (await PerformanceTargets.OfYearAsync(db, year, ct)).ToDictionary(t => t.Key, t => (string?)t.Value.ToString("0.0", CultureInfo.InvariantCulture));
        SatisfactionTarget = await Infrastructure.Features.Evaluations.PanelAnswering.TargetOfYearAsync(db, year, ct);
    }
}
