using AriSuTotalService.Domain.Integrations;
using System.ComponentModel.DataAnnotations;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features;
using AriSuTotalService.Infrastructure.Privacy;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Admin.ApiKeys;

/// <summary>Integration keys: issued (shown once), listed with their last use, revoked.</summary>
[Authorize(Roles = RoleSets.Administrator)]
public class IndexModel(ArisuDbContext db, Infrastructure.Features.Administration.ApiKeys.Handler keys,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(int Id, string Name, string Prefix, string Scopes, string Created, string? LastUsed, bool Revoked);

    [BindProperty]
    [Display(Name = "키 이름 (연계 시스템)")]
    public string? Name { get; set; }

    [BindProperty]
    public List<string> Scopes { get; set; } = [];

    public string? NewKey { get; private set; }
    public IReadOnlyList<Row> Keys { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        try
        {
            NewKey = await keys.IssueAsync(new Infrastructure.Features.Administration.ApiKeys.Issue(Name, Scopes), ct);
            Name = "";
            Scopes = [];
            ModelState.Clear();
        }
        catch (ValidationFailedException ex)
        {
            ModelState.AddRefusals(ex, l, field => field);
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        if (await keys.RevokeAsync(id, ct) is not { } name) return NotFound();
        TempData["Message"] = l["'{0}' 키를 폐기했습니다.", name].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var officeId = User.OfficeId();
        var rows = await db.ApiKeys.AsNoTracking().Where(k => k.OfficeId == officeId).OrderBy(k => k.RevokedAtUtc != null).ThenBy(k => k.Name)
            .Select(k => new { k.Id, k.Name, k.Prefix, k.Scopes, k.CreatedAtUtc, k.LastUsedAtUtc, k.RevokedAtUtc }).ToListAsync();
        Keys = rows.Select(k => new Row(k.Id, k.Name, k.Prefix, k.Scopes, SeoulTime.ToLocal(k.CreatedAtUtc).ToString("yyyy-MM-dd"),
            k.LastUsedAtUtc is { } u ? SeoulTime.ToLocal(u).ToString("yyyy-MM-dd HH:mm") : null, k.RevokedAtUtc is not null)).ToList();
    }
}
