using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Evaluations;
using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features;
using AriSuTotalService.Infrastructure.Features.Evaluations;
using Microsoft.Extensions.Localization;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Evaluations;

/// <summary>One round: open and close it, mark the complaints panel members filed, enter the six answers per case.</summary>
[Authorize(Roles = RoleSets.PanelCoordinator)]
public class RoundModel(ArisuDbContext db, PanelAnswering.Handler panel, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record CaseRow(long ComplaintId, string Reception, string Type, string? Member, IReadOnlyDictionary<int, (string Answer, string? Comment)> Answers);

    [BindProperty] public string? Reception { get; set; }
    [BindProperty] public int? MemberId { get; set; }
    [BindProperty] public long ComplaintId { get; set; }
    [BindProperty] public Dictionary<int, string> Answers { get; set; } = [];
    [BindProperty] public Dictionary<int, string> Comments { get; set; } = [];

    public PanelRound Round { get; private set; } = null!;
    public IReadOnlyList<CaseRow> Cases { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Members { get; private set; } = [];
    public PanelFigures Figures { get; private set; } = null!;
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostOpenAsync(int id, CancellationToken ct) => SendAsync(id, () => panel.OpenAsync(id, ct), ct);

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) => SendAsync(id, () => panel.CloseAsync(id, ct), ct);

    public Task<IActionResult> OnPostMarkAsync(int id, CancellationToken ct) =>
        SendAsync(id, () => panel.MarkAsync(new PanelAnswering.MarkCase(id, Reception ?? "", MemberId), ct), ct);

    /// <summary>The answers typed for one case; an item left empty keeps what it had.</summary>
    public Task<IActionResult> OnPostAnswersAsync(int id, CancellationToken ct) =>
        SendAsync(id, () => panel.RecordAsync(new PanelAnswering.RecordAnswers(id, ComplaintId,
            Answers.Where(a => a.Key is >= 1 and <= 6 && !string.IsNullOrEmpty(a.Value))
                .ToDictionary(a => a.Key, a => (a.Value, Comments.GetValueOrDefault(a.Key) is { Length: > 0 } c ? c : null))), ct), ct);

    private async Task<IActionResult> SendAsync(int id, Func<Task> send, CancellationToken ct)
    {
        try
        {
            await send();
            return RedirectToPage(new { id });
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            Error = ex is ValidationFailedException v ? string.Join(" ", v.Errors.Select(l.Text)) : l.Text(ex);
            db.ChangeTracker.Clear();
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var round = await db.PanelRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return false;
        Round = round;
        var cases = await db.PanelCases.AsNoTracking().Where(c => c.RoundId == id)
            .Join(db.Complaints, c => c.ComplaintId, x => x.Id, (c, x) => new { c.ComplaintId, x.ReceptionNumber, Type = x.Type!.NameKo, c.MemberId })
            .OrderBy(c => c.ReceptionNumber).ToListAsync(ct);
        var members = await db.PanelMembers.AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct);
        var answers = await db.PanelAnswers.AsNoTracking().Where(a => a.RoundId == id).ToListAsync(ct);
        Cases = cases.Select(c => new CaseRow(c.ComplaintId, c.ReceptionNumber, c.Type,
            members.FirstOrDefault(m => m.Id == c.MemberId) is { } m ? Masking.Name(m.Name) : null,
            answers.Where(a => a.ComplaintId == c.ComplaintId).ToDictionary(a => a.Item, a => (a.Answer, a.Comment)))).ToList();
        Members = members.Select(m => (m.Id, $"{Masking.Name(m.Name)} ({Masking.Phone(m.Phone)})")).ToList();
        Figures = await PanelFigures.OfRoundsAsync(db, [id], ct);
        return true;
    }
}
