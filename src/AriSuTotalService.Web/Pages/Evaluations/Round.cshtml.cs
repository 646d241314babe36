using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Evaluations;
using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Evaluations;

/// <summary>One round: open and close it, mark the complaints panel members filed, enter the six answers per case.</summary>
[Authorize(Roles = RoleSets.PanelCoordinator)]
public class RoundModel(ArisuDbContext db, TimeProvider clock) : PageModel
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

    public Task<IActionResult> OnPostOpenAsync(int id, CancellationToken ct) => ChangeAsync(id, r => { r.Open(); return Task.CompletedTask; }, ct);

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, r => { r.Close(clock.GetUtcNow().UtcDateTime); return Task.CompletedTask; }, ct);

    public Task<IActionResult> OnPostMarkAsync(int id, CancellationToken ct) => ChangeAsync(id, async r =>
    {
        r.EnsureEditable();
        var number = Reception?.Trim() ?? "";
        var found = await db.Complaints.Where(c => c.ReceptionNumber == number).Select(c => new { c.Id, Code = c.Type!.Code }).SingleOrDefaultAsync(ct)
            ?? throw new DomainException($"접수번호를 찾을 수 없습니다: {number}");
        PanelCase.EnsureEligible(found.Code);
        var complaint = found.Id;
        if (await db.PanelCases.AnyAsync(c => c.ComplaintId == complaint, ct)) throw new DomainException("이미 평가 민원으로 표시된 접수번호입니다.");
        if (MemberId is { } m && !await db.PanelMembers.AnyAsync(x => x.Id == m, ct)) throw new DomainException("평가단원을 목록에서 고르세요.");
        db.PanelCases.Add(new PanelCase(r.Id, complaint, MemberId));
    }, ct);

    public Task<IActionResult> OnPostAnswersAsync(int id, CancellationToken ct) => ChangeAsync(id, async r =>
    {
        r.EnsureEditable();
        if (!await db.PanelCases.AnyAsync(c => c.RoundId == r.Id && c.ComplaintId == ComplaintId, ct)) throw new DomainException("이 회차의 평가 민원이 아닙니다.");
        var existing = await db.PanelAnswers.Where(a => a.RoundId == r.Id && a.ComplaintId == ComplaintId).ToListAsync(ct);
        for (var item = 1; item <= 6; item++)
        {
            if (!Answers.TryGetValue(item, out var answer) || string.IsNullOrEmpty(answer)) continue;
            if (!PanelAnswers.IsKnown(answer)) throw new DomainException($"{item}번 문항의 답변을 목록에서 고르세요.");
            var comment = Comments.GetValueOrDefault(item);
            if (comment?.Length > 1000) throw new DomainException($"{item}번 문항의 의견은 1000자 이내로 입력하세요.");
            var row = existing.FirstOrDefault(a => a.Item == item);
            if (row is null) db.PanelAnswers.Add(new PanelAnswer(r.Id, ComplaintId, item, answer, comment));
            else row.Set(answer, comment);
        }
    }, ct);

    private async Task<IActionResult> ChangeAsync(int id, Func<PanelRound, Task> change, CancellationToken ct)
    {
        var round = await db.PanelRounds.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return NotFound();
        try
        {
            await change(round);
            await db.SaveChangesAsync(ct);
            return RedirectToPage(new { id });
        }
        catch (DomainException ex)
        {
            Error = ex.Message;
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            return Page();
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
