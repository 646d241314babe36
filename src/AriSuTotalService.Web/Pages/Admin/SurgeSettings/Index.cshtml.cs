using System.ComponentModel.DataAnnotations;
using AriSuTotalService.Domain.Surges;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features;
using AriSuTotalService.Infrastructure.Features.Administration;
using AriSuTotalService.Infrastructure.Surges;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AriSuTotalService.Web.Pages.Admin.SurgeSettings;

/// <summary>The surge thresholds (defaults 40 %, 30 %, 3 m³), used by the next scan.</summary>
[Authorize(Roles = RoleSets.Administrator)]
public class IndexModel(ArisuDbContext db, SaveSurgeThresholds.Handler save, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty, Display(Name = "진단 대상 기준(%)")] public int? Diagnosis { get; set; }
    [BindProperty, Display(Name = "안내문 기준(%)")] public int? Notice { get; set; }
    [BindProperty, Display(Name = "최소 증가량(m³)")] public int? Minimum { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var t = await Infrastructure.Surges.SurgeSettings.GetAsync(db, User.OfficeId(), ct);
        (Diagnosis, Notice, Minimum) = (t.DiagnosisPercent, t.NoticePercent, t.MinIncreaseM3);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A value of the wrong kind is said beside its field by the binder; every rule is the use case's.
        if (!ModelState.IsValid) return Page();
        try
        {
            await save.HandleAsync(new SaveSurgeThresholds.Command(Diagnosis, Notice, Minimum), ct);
        }
        catch (ValidationFailedException ex)
        {
            ModelState.AddRefusals(ex, l, field => field switch
            {
                nameof(SaveSurgeThresholds.Command.DiagnosisPercent) => nameof(Diagnosis),
                nameof(SaveSurgeThresholds.Command.NoticePercent) => nameof(Notice),
                _ => nameof(Minimum),
            });
            return Page();
        }
        TempData["Message"] = "저장했습니다. 다음 검사부터 적용됩니다.";
        return RedirectToPage();
    }
}
