using System.ComponentModel.DataAnnotations;
using AriSuTotalService.Domain.Evaluations;
using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features;
using AriSuTotalService.Infrastructure.Features.Evaluations;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Evaluations;

/// <summary>Panel members, kept apart from customers and shown masked.</summary>
[Authorize(Roles = RoleSets.PanelCoordinator)]
public class MembersModel(ArisuDbContext db, PanelAnswering.Handler panel, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty, Display(Name = "성명")] public string? Name { get; set; }
    [BindProperty, Display(Name = "연락처")] public string? Phone { get; set; }

    public IReadOnlyList<(string Name, string Phone)> Members { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await panel.AddMemberAsync(new PanelAnswering.AddMember(Name, Phone), ct);
            return RedirectToPage();
        }
        catch (ValidationFailedException ex)
        {
            ModelState.AddRefusals(ex, l, field => field);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Members = (await db.PanelMembers.AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct))
            .Select(m => (Masking.Name(m.Name), Masking.Phone(m.Phone))).ToList();
}
