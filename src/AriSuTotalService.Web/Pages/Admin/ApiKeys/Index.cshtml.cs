using AriSuTotalService.Domain.Integrations;
using System.ComponentModel.DataAnnotations;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Privacy;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Admin.ApiKeys;

/// <summary>Integration keys: issued (shown once), listed with their last use, revoked.</summary>
[Authorize(Roles = RoleSets.Administrator)]
public class IndexModel(ArisuDbContext db, TimeProvider clock, PersonalDataLog log) : PageModel
{
    public sealed record Row(int Id, string Name, string Prefix, string Scopes, string Created, string? LastUsed, bool Revoked);

    [BindProperty]
    [Required(ErrorMessage = "{0}을(를) 입력하세요.")]
    [StringLength(100, ErrorMessage = "{0}은(는) {1}자 이내로 입력하세요.")]
    [Display(Name = "키 이름 (연계 시스템)")]
    public string Name { get; set; } = "";

    [BindProperty]
    public List<string> Scopes { get; set; } = [];

    public string? NewKey { get; private set; }
    public IReadOnlyList<Row> Keys { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (Scopes.Count == 0) ModelState.AddModelError(nameof(Scopes), "권한을 하나 이상 선택하세요.");
        if (Scopes.Any(s => !ApiKeyScopes.All.Contains(s))) ModelState.AddModelError(nameof(Scopes), "알 수 없는 권한입니다.");
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var key = ApiKey.NewKey();
        var entity = new ApiKey(User.OfficeId(), Name.Trim(), key, Scopes, User.Identity!.Name!, clock.GetUtcNow().UtcDateTime);
        db.ApiKeys.Add(entity);
        await db.SaveChangesAsync();
        await log.RecordPermissionChangeAsync($"api-key:{entity.Id}", entity.Name, "api_key_created", null, entity.Scopes);
        NewKey = key;
        Name = "";
        Scopes = [];
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.OfficeId == User.OfficeId());
        if (key is null) return NotFound();
        key.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        await log.RecordPermissionChangeAsync($"api-key:{key.Id}", key.Name, "api_key_revoked", key.Scopes, null);
        TempData["Message"] = $"'{key.Name}' 키를 폐기했습니다.";
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
