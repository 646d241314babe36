using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Domain.Reductions;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features;
using AriSuTotalService.Infrastructure.Features.Reductions;
using AriSuTotalService.Infrastructure.Files;
using AriSuTotalService.Infrastructure.Reductions;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Reductions;

/// <summary>
/// One reduction under review: the whole working, the evidence (visit photos, receipts), the reviewer's choice of periods
/// with a reason, approve (not by whoever recorded the leak), reject with a reason, and reversal of an approval.
/// </summary>
[Authorize(Roles = RoleSets.Reductions)]
public class CaseModel(ArisuDbContext db, DecideReduction.Handler decide, FileStore files, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Evidence(string Kind, long Id, string Label);

    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public DateOnly? LeakEnd { get; set; }
    [BindProperty] public List<DateOnly> NormalEnds { get; set; } = [];
    [BindProperty] public string? AdjustReason { get; set; }
    [BindProperty] public string? RejectReason { get; set; }
    [BindProperty] public string? ReverseReason { get; set; }
    [BindProperty] public DateOnly? RepairDate { get; set; }
    [BindProperty] public string? RepairEvidence { get; set; }

    public LeakReduction Reduction { get; private set; } = null!;
    public ReductionWorking? Working { get; private set; }
    public string Account { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string UseType { get; private set; } = "";
    public string Reception { get; private set; } = "";
    public string ComplaintStatus { get; private set; } = "";
    public string? DiagnosisReception { get; private set; }
    public IReadOnlyList<ReadingPeriod> History { get; private set; } = [];
    public IReadOnlyList<Evidence> Evidences { get; private set; } = [];
    public string? Error { get; private set; }
    public bool CanDecide => User.IsInRole(Roles.BillingClerk);
    /// <summary>Approval is offered only to a billing clerk who neither recorded the leak nor changed the period.</summary>
    public bool CanApprove => CanDecide && Reduction.MayBeApprovedBy(User.Identity?.Name ?? "");

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, true, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAdjustAsync(long id, CancellationToken ct) =>
        DecideAsync(id, new DecideReduction.Command(id, Version, DecideReduction.Actions.Adjust, LeakEnd, NormalEnds, AdjustReason), nameof(AdjustReason), ct);

    public Task<IActionResult> OnPostRepairAsync(long id, CancellationToken ct) =>
        DecideAsync(id, new DecideReduction.Command(id, Version, DecideReduction.Actions.Repair, RepairDate: RepairDate, RepairEvidence: RepairEvidence),
            nameof(RepairEvidence), ct);

    public Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct) =>
        DecideAsync(id, new DecideReduction.Command(id, Version, DecideReduction.Actions.Approve), "", ct);

    public Task<IActionResult> OnPostRejectAsync(long id, CancellationToken ct) =>
        DecideAsync(id, new DecideReduction.Command(id, Version, DecideReduction.Actions.Reject, Reason: RejectReason), nameof(RejectReason), ct);

    public Task<IActionResult> OnPostReverseAsync(long id, CancellationToken ct) =>
        DecideAsync(id, new DecideReduction.Command(id, Version, DecideReduction.Actions.Reverse, Reason: ReverseReason), nameof(ReverseReason), ct);

    /// <summary>A visit photo or an uploaded receipt of this case.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(long id, string kind, long fileId, CancellationToken ct)
    {
        var r = await db.LeakReductions.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Id, x.VisitId }).SingleOrDefaultAsync(ct);
        if (r is null) return NotFound();
        var file = kind == "photo"
            ? await db.VisitPhotos.AsNoTracking().Where(p => p.Id == fileId && p.VisitId == r.VisitId).Select(p => new { p.Path, p.ContentType }).SingleOrDefaultAsync(ct)
            : await db.ReductionDocuments.AsNoTracking().Where(d => d.Id == fileId && d.ReductionId == id).Select(d => new { d.Path, d.ContentType }).SingleOrDefaultAsync(ct);
        return file is null ? NotFound() : File(files.OpenRead(file.Path), file.ContentType);
    }

    /// <summary>
    /// Sends the clerk's decision; a refusal is shown beside the action's form (<paramref name="field"/>; empty: above
    /// the forms) with what was typed kept, and a newer version of the case is reported without overwriting it.
    /// </summary>
    private async Task<IActionResult> DecideAsync(long id, DecideReduction.Command command, string field, CancellationToken ct)
    {
        try
        {
            var done = await decide.HandleAsync(command, new DecideReduction.Actor(User.IsInRole(Roles.BillingClerk), User.Identity?.Name ?? ""), ct);
            TempData["Done"] = DoneMessage(command.Action, done);
            return RedirectToPage(new { id });
        }
        catch (DecideReduction.NotAllowedException)
        {
            return Forbid();
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (ValidationFailedException ex)
        {
            foreach (var e in ex.Errors)
            {
                if (e.Field.Length > 0 && field.Length > 0) ModelState.AddModelError(field, l.Text(e));
                else Error = l.Text(e);
            }
        }
        catch (DomainException ex)
        {
            if (field.Length > 0) ModelState.AddModelError(field, l.Text(ex));
            else Error = l.Text(ex);
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = "다른 직원이 먼저 이 건을 바꾸었습니다. 지금 상태를 확인하세요. 입력한 내용은 그대로 두었습니다.";
        }
        db.ChangeTracker.Clear();
        return await LoadAsync(id, false, ct) ? Page() : NotFound();
    }

    /// <summary>What the decision did, and who was told (the citizen's text message, the next bill's export).</summary>
    private string DoneMessage(string action, DecideReduction.Result r)
    {
        var told = r.CitizenTold ? l["민원인에게 결과를 문자로 보냅니다."].Value : l["연락할 번호가 없어 문자는 보내지 않습니다."].Value;
        return action switch
        {
            DecideReduction.Actions.Approve => l["감면액 {0}원을 승인했습니다. 다음 고지서 내보내기에 들어갑니다.", r.TotalWon.ToString("N0")].Value + " " + told,
            DecideReduction.Actions.Reject => l["감면 불가로 종결했습니다."].Value + " " + told,
            DecideReduction.Actions.Reverse => l["승인을 취소했습니다."].Value + " "
                + (r.Exported ? l["이미 내보낸 건이라 다음 내보내기에 취소 건으로 들어갑니다."].Value : l["아직 내보내지 않은 건이라 내보내기에서 빠집니다."].Value),
            DecideReduction.Actions.Repair => l["수리 확인을 기록했습니다."].Value,
            _ => l["기간을 바꿔 다시 계산했습니다: 감면액 {0}원.", r.TotalWon.ToString("N0")].Value,
        };
    }

    private async Task<bool> LoadAsync(long id, bool fillForm, CancellationToken ct)
    {
        var r = await db.LeakReductions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return false;
        Reduction = r;
        Working = ReductionCalculation.Deserialize(r.WorkingJson);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == r.CustomerId)
            .Select(c => new { c.AccountNumber, c.HolderName, c.UseType, c.MeterSizeMm }).SingleAsync(ct);
        (Account, Name, UseType) = (customer.AccountNumber, Masking.Name(customer.HolderName), $"{customer.UseType} · {customer.MeterSizeMm}mm");
        var complaint = await db.Complaints.AsNoTracking().Where(c => c.Id == r.ComplaintId).Select(c => new { c.ReceptionNumber, c.Status }).SingleAsync(ct);
        (Reception, ComplaintStatus) = (complaint.ReceptionNumber, complaint.Status);
        if (r.DiagnosisComplaintId is { } d)
            DiagnosisReception = await db.Complaints.AsNoTracking().Where(c => c.Id == d).Select(c => c.ReceptionNumber).SingleOrDefaultAsync(ct);
        History = (await db.MeterReadings.AsNoTracking().Where(m => m.CustomerId == r.CustomerId).OrderByDescending(m => m.PeriodEnd).Take(24)
            .Select(m => new { m.PeriodStart, m.PeriodEnd, m.UsageM3 }).ToListAsync(ct)).Select(m => new ReadingPeriod(m.PeriodStart, m.PeriodEnd, m.UsageM3)).ToList();
        var evidence = new List<Evidence>();
        if (r.VisitId is { } visit)
            evidence.AddRange((await db.VisitPhotos.AsNoTracking().Where(p => p.VisitId == visit).Select(p => p.Id).ToListAsync(ct))
                .Select((p, i) => new Evidence("photo", p, $"방문 사진 {i + 1}")));
        evidence.AddRange((await db.ReductionDocuments.AsNoTracking().Where(x => x.ReductionId == id).Select(x => new { x.Id, x.FileName }).ToListAsync(ct))
            .Select(x => new Evidence("doc", x.Id, x.FileName)));
        Evidences = evidence;
        if (fillForm)
        {
            Version = r.Version;
            LeakEnd = r.LeakPeriodEnd;
            NormalEnds = new[] { r.NormalEnd1, r.NormalEnd2 }.OfType<DateOnly>().ToList();
            RejectReason = r.ProposedRejection;
        }
        return true;
    }
}
