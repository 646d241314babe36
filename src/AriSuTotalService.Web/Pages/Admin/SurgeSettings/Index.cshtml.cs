using System.ComponentModel.DataAnnotations;
using AriSuTotalService.Domain.Surges;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Surges;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AriSuTotalService.Web.Pages.Admin.SurgeSettings;

/// <summary>The surge thresholds (defaults 40 %, 30 %, 3 m³), used by the next scan.</summary>
[Authorize(Roles = RoleSets.Administrator)]
public class IndexModel(ArisuDbContext db) : PageModel
{
    [BindProperty, Range(1, 1000, ErrorMessage = "{0}은(는) {1}~{2} 사이여야 합니다."), Display(Name = "진단 대상 기준(%)")]
    public int Diagnosis { get; set; }

    [BindProperty, Range(1, 1000, ErrorMessage = "{0}은(는) {1}~{2} 사이여야 합니다."), Display(Name = "안내문 기준(%)")]
    public int Notice { get; set; }

    [BindProperty, Range(0, 1000, ErrorMessage = "{0}은(는) {1}~{2} 사이여야 합니다."), Display(Name = "최소 증가량(m³)")]
    public int Minimum { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var t = await Infrastructure.Surges.SurgeSettings.GetAsync(db, User.OfficeId(), ct);
        (Diagnosis, Notice, Minimum) = (t.DiagnosisPercent, t.NoticePercent, t.MinIncreaseM3);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && Notice > Diagnosis)
            ModelState.AddModelError(nameof(Notice), "안내문 기준은 진단 대상 기준보다 클 수 없습니다 (진단 대상은 모두 안내문 대상입니다).");
        if (!ModelState.IsValid) return Page();
        await Infrastructure.Surges.SurgeSettings.SaveAsync(db, User.OfficeId(), new SurgeThresholds(Diagnosis, Notice, Minimum), ct);
        TempData["Message"] = "저장했습니다. 다음 검사부터 적용됩니다.";
        return RedirectToPage();
    }
}
