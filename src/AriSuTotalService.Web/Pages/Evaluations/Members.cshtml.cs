using System.ComponentModel.DataAnnotations;
using AriSuTotalService.Domain.Evaluations;
using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Evaluations;

/// <summary>Panel members, kept apart from customers and shown masked.</summary>
[Authorize(Roles = RoleSets.PanelCoordinator)]
public class MembersModel(ArisuDbContext db) : PageModel
{
    [BindProperty, Required(ErrorMessage = "{0}을(를) 입력하세요."), StringLength(100), Display(Name = "성명")] public string? Name { get; set; }
    [BindProperty, Required(ErrorMessage = "{0}을(를) 입력하세요."), Phone(ErrorMessage = "올바른 전화번호가 아닙니다."), StringLength(30), Display(Name = "연락처")] public string? Phone { get; set; }

    public IReadOnlyList<(string Name, string Phone)> Members { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        db.PanelMembers.Add(new PanelMember(User.OfficeId(), Name!, Phone!));
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Members = (await db.PanelMembers.AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct))
            .Select(m => (Masking.Name(m.Name), Masking.Phone(m.Phone))).ToList();
}
