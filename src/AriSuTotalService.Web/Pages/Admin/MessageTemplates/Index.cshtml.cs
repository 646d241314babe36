using AriSuTotalService.Domain.Notices;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Notices;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Admin.MessageTemplates;

/// <summary>The wording of the text messages to citizens, per kind, with placeholders; a blank text goes back to the default.</summary>
[Authorize(Roles = RoleSets.Administrator)]
public class IndexModel(ArisuDbContext db) : PageModel
{
    [BindProperty] public Dictionary<string, string> Texts { get; set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        foreach (var (kind, text) in Texts)
        {
            if (!Infrastructure.Notices.MessageTemplates.Defaults.ContainsKey(kind)) ModelState.AddModelError($"Texts[{kind}]", "알 수 없는 종류입니다.");
            else if (text?.Length > 1000) ModelState.AddModelError($"Texts[{kind}]", "1000자 이내로 입력하세요.");
            else if (Infrastructure.Notices.MessageTemplates.UnknownPlaceholders(text ?? "") is { Count: > 0 } unknown)
                ModelState.AddModelError($"Texts[{kind}]", $"알 수 없는 자리표시: {string.Join(", ", unknown.Select(u => "{" + u + "}"))}");
        }
        if (!ModelState.IsValid) return Page();
        var officeId = User.OfficeId();
        var rows = await db.MessageTemplates.Where(t => t.OfficeId == officeId).ToListAsync(ct);
        foreach (var (kind, text) in Texts)
        {
            var row = rows.FirstOrDefault(r => r.Kind == kind);
            var isDefault = string.IsNullOrWhiteSpace(text) || text.Trim() == Infrastructure.Notices.MessageTemplates.Defaults[kind].Text;
            if (isDefault && row is not null) db.MessageTemplates.Remove(row);
            else if (!isDefault && row is null) db.MessageTemplates.Add(new MessageTemplate { OfficeId = officeId, Kind = kind, Text = text!.Trim() });
            else if (!isDefault && row is not null) row.Text = text!.Trim();
        }
        await db.SaveChangesAsync(ct);
        Message = "저장했습니다. 다음 문자부터 적용됩니다.";
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var officeId = User.OfficeId();
        var saved = await db.MessageTemplates.AsNoTracking().Where(t => t.OfficeId == officeId).ToDictionaryAsync(t => t.Kind, t => t.Text, ct);
        Texts = Infrastructure.Notices.MessageTemplates.Defaults.ToDictionary(d => d.Key, d => saved.GetValueOrDefault(d.Key) ?? d.Value.Text);
    }
}
