using AriSuTotalService.Domain.Notices;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features;
using AriSuTotalService.Infrastructure.Features.Administration;
using AriSuTotalService.Infrastructure.Notices;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Admin.MessageTemplates;

/// <summary>The wording of the text messages to citizens, per kind, with placeholders; a blank text goes back to the default.</summary>
[Authorize(Roles = RoleSets.Administrator)]
public class IndexModel(ArisuDbContext db, SaveMessageTexts.Handler save, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public Dictionary<string, string> Texts { get; set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await save.HandleAsync(new SaveMessageTexts.Command(Texts.ToDictionary(t => t.Key, t => (string?)t.Value)), ct);
        }
        catch (ValidationFailedException ex)
        {
            ModelState.AddRefusals(ex, l, kind => $"Texts[{kind}]");
            return Page();
        }
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
