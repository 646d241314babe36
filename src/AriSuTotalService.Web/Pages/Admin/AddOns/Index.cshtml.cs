using AriSuTotalService.Domain.Common;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Visits;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AriSuTotalService.Web.Pages.Admin.AddOns;

/// <summary>The office's water-quality add-on services, one a line, offered as a checklist on the visit outcome.</summary>
[Authorize(Roles = RoleSets.Administrator)]
public class IndexModel(ArisuDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public string Lines { get; set; } = "";

    public async Task OnGetAsync(CancellationToken ct) => Lines = string.Join('\n', await WaterQualityAddOns.GetAsync(db, User.OfficeId(), ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await WaterQualityAddOns.SaveAsync(db, User.OfficeId(), Lines ?? "", ct);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(nameof(Lines), l.Text(ex));
            return Page();
        }
        TempData["Message"] = "저장했습니다. 수질검사 방문 결과 입력에 바로 적용됩니다.";
        return RedirectToPage();
    }
}
