using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Reductions;
using AriSuTotalService.Domain.Visits;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Reductions;

/// <summary>A second reduction for the same account and leak period: refused, with the existing case to show.</summary>
public sealed class DuplicateReductionException(long existingId, string reception)
    : DomainException("이 수용가의 같은 누수 기간에 이미 감면 건이 있습니다 (접수번호 {0}).", reception)
{
    public long ExistingId { get; } = existingId;
}

/// <summary>One line of the "reductions for the next bill" export: a reduction, or the cancellation of an exported one (negative amounts).</summary>
public sealed record ReductionExportLine(string Entry, long ReductionId, string AccountNumber, string ReceptionNumber,
    DateOnly? LeakPeriodStart, DateOnly? LeakPeriodEnd, long LeakVolumeM3, long WaterWon, long SewerWon, long LevyWon, long TotalWon, DateTime? DecidedAtUtc);

/// <summary>
/// The leak fee reduction workflow: opened by itself when a visit records a leak found and repaired (channel proactive,
/// linked to the diagnosis and its surge case) or by a clerk for a citizen's application with a receipt; reviewed,
/// approved or rejected by the billing division; exported once for the next bill; reversed by a cancellation entry.
/// </summary>
public sealed class LeakReductions(ArisuDbContext db, ComplaintDesk desk, ReductionCalculation calculation,
    ICurrentUser user, TimeProvider clock)
{
    public const string EntryReduction = "reduction";
    public const string EntryCancellation = "cancellation";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Called after a visit outcome is saved: a repaired indoor leak on a diagnosis opens exactly one reduction.</summary>
    public async Task<LeakReduction?> OpenFromVisitAsync(Complaint diagnosis, Visit visit, VisitOutcome outcome, CancellationToken ct)
    {
        // Found is enough (the plan: "누수발견시 … 별도의 감면 신청없이"): a leak left for the citizen's plumber waits for its repair.
        if (outcome.LeakFound != true || diagnosis.CustomerId is not { } customerId) return null;
        if (await db.LeakReductions.AnyAsync(r => r.DiagnosisComplaintId == diagnosis.Id && r.Status != ReductionStatuses.Reversed, ct)) return null;
        var surge = await db.SurgeCases.Where(s => s.DiagnosisComplaintId == diagnosis.Id)
            .Select(s => new { s.Id, s.CurrentPeriodEnd }).FirstOrDefaultAsync(ct);
        var leakDate = DateOnly.FromDateTime(SeoulTime.ToLocal(outcome.RecordedAtUtc));
        var history = await calculation.HistoryAsync(customerId, ct);
        var period = ReductionCalculation.LeakPeriod(history, leakDate, surge?.CurrentPeriodEnd);
        if (await ExistingAsync(customerId, leakDate, period, ct) is { } existing)
        {
            diagnosis.AddNote(ComplaintEventKinds.ReductionExists, $"같은 누수 기간의 감면 건이 이미 있습니다: {existing.Reception}", Now, user.Name);
            await db.SaveChangesAsync(ct);
            return null;
        }
        // The division the office gives the reductions that follow a diagnosis (행정지원과 unless changed).
        var division = await DivisionSettings.ProactiveReductionAsync(db, diagnosis.OfficeId, ct);
        var complaint = (await desk.RegisterLinkedAsync(diagnosis, [ComplaintTypeCodes.LeakFeeReduction],
            outcome.Repaired == true
                ? $"방문({visit.Date:yyyy-MM-dd})에서 누수 발견·수리 확인, 누수요금 감면 직권 처리"
                : $"방문({visit.Date:yyyy-MM-dd})에서 누수 발견(수리 전), 누수요금 감면 직권 처리: 수리 확인 후 승인", ct, Channels.Proactive, division))[0];
        var reduction = new LeakReduction(diagnosis.OfficeId, customerId, complaint.Id, ReductionSources.Visit, leakDate, outcome.RecordedBy,
            diagnosis.Id, visit.Id, surge?.Id);
        if (outcome.Repaired == true)
            reduction.RecordRepair(leakDate, outcome.RepairedBy is { Length: > 0 } by ? $"방문 중 수리 확인 ({by})" : "방문 중 수리 확인");
        await calculation.PrepareAsync(reduction, history, surge?.CurrentPeriodEnd, ct);
        db.LeakReductions.Add(reduction);
        await db.SaveChangesAsync(ct);
        return reduction;
    }

    public const string ReductionsBusy = "이 수용가의 다른 감면 처리가 진행 중입니다. 잠시 후 다시 하세요.";

    /// <summary>
    /// The case already open for the same account and leak period (or the same leak date awaiting its reading), if any.
    /// The account's reductions are taken for the rest of the transaction first: two openings for one leak at once (a
    /// visit's outcome and a clerk's application) take turns, and the second finds the first (SQL Server's snapshot reads
    /// would not show it otherwise).
    /// </summary>
    public async Task<(long Id, string Reception)?> ExistingAsync(long customerId, DateOnly leakDate, ReadingPeriod? period, CancellationToken ct)
    {
        await ApplicationLock.TakeAsync(db, $"leak-reduction:{customerId}", ReductionsBusy, ct);
        var same = db.LeakReductions.Where(r => r.CustomerId == customerId && r.Status != ReductionStatuses.Reversed);
        if (period is not null)
        {
            var (start, end) = (period.Start, period.End);
            same = same.Where(r => r.LeakPeriodEnd == end
                || (r.Status == ReductionStatuses.AwaitingReading && r.LeakDate >= start && r.LeakDate <= end));
        }
        else
        {
            same = same.Where(r => r.Status == ReductionStatuses.AwaitingReading || (r.LeakPeriodStart <= leakDate && r.LeakPeriodEnd >= leakDate));
        }
        var found = await same
            .Join(db.Complaints, r => r.ComplaintId, c => c.Id, (r, c) => new { r.Id, c.ReceptionNumber })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Id, found.ReceptionNumber);
    }

    /// <summary>
    /// Loads a case for a change, refusing it when someone changed it since <paramref name="version"/>; the actions
    /// below take the case so loaded (<see cref="Features.Reductions.DecideReduction"/>).
    /// </summary>
    public async Task<LeakReduction> ForChangeAsync(long id, Guid version, CancellationToken ct)
    {
        var r = await db.LeakReductions.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException($"reduction {id}");
        if (r.Version != version) throw new DbUpdateConcurrencyException($"reduction {id} changed since version {version}");
        db.ExpectVersion(r, version);
        return r;
    }

    public async Task AdjustAsync(LeakReduction r, DateOnly leakEnd, IReadOnlyList<DateOnly> normalEnds, string? reason, CancellationToken ct)
    {
        await calculation.AdjustAsync(r, leakEnd, normalEnds, reason, user.Name, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The repair of a leak found on a visit and left for the citizen's plumber: its date and evidence.</summary>
    public async Task RecordRepairAsync(LeakReduction r, DateOnly date, string? evidence, CancellationToken ct)
    {
        r.RecordRepair(date, evidence ?? "");
        var complaint = await ComplaintOfAsync(r, ct);
        complaint.AddNote(ComplaintEventKinds.ReductionRepaired, $"수리 확인 {date:yyyy-MM-dd}: {r.RepairEvidence}", Now, user.Name);
        await db.SaveChangesAsync(ct);
    }

    /// <returns>Whether the citizen is texted the decision (a contact number to text).</returns>
    public const string AlreadyApproved = "같은 누수 기간의 다른 감면 건이 방금 승인되었습니다. 목록을 다시 열어 확인하세요.";

    public async Task<bool> ApproveAsync(LeakReduction r, CancellationToken ct)
    {
        r.Approve(user.Name, Now);
        try
        {
            return await DecidedAsync(r, $"누수요금 감면 승인: 누수량 {r.LeakVolumeM3} m³, 감면액 {r.TotalWon:N0}원 (다음 고지서에 반영)", "reduction_approved",
                ("amount", r.TotalWon.ToString("N0")), ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Two reviewers approving two cases of one leak at once: the database keeps one approval (its unique index);
            // the second reviewer is told, and nothing of theirs is saved.
            throw new DomainException(AlreadyApproved);
        }
    }

    /// <returns>Whether the citizen is texted the decision.</returns>
    public async Task<bool> RejectAsync(LeakReduction r, string? reason, CancellationToken ct)
    {
        r.Reject(reason ?? "", user.Name, Now);
        return await DecidedAsync(r, $"누수요금 감면 불가: {r.DecisionReason}", "reduction_rejected", ("reason", r.DecisionReason), ct);
    }

    /// <summary>The decision closes the reduction complaint and tells the citizen through the outbox.</summary>
    private async Task<bool> DecidedAsync(LeakReduction r, string resolution, string notice, (string Key, string? Value) detail, CancellationToken ct)
    {
        var complaint = await ComplaintOfAsync(r, ct);
        if (complaint.IsOpen && complaint.Status != ComplaintStatuses.Transferred)
        {
            await desk.ResumeIfPausedAsync(complaint, ct);
            complaint.Resolve(resolution, Now, user.Name);
        }
        var told = await desk.QueueNoticeAsync(complaint, notice, new Dictionary<string, string?> { ["reception"] = complaint.ReceptionNumber, [detail.Key] = detail.Value }, ct);
        await db.SaveChangesAsync(ct);
        return told;
    }

    public async Task ReverseAsync(LeakReduction r, string? reason, CancellationToken ct)
    {
        r.Reverse(reason ?? "", user.Name, Now);
        var complaint = await ComplaintOfAsync(r, ct);
        complaint.AddNote(ComplaintEventKinds.ReductionReversed, $"감면 승인 취소: {r.ReversalReason}" + (r.ExportBatchId is null ? "" : " (다음 내보내기에 취소 건으로 포함)"), Now, user.Name);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What the next export will hold: approved reductions not yet sent, and cancellations of sent ones now reversed.</summary>
    public async Task<IReadOnlyList<ReductionExportLine>> PendingExportAsync(CancellationToken ct) =>
        await LinesAsync(db.LeakReductions.Where(r => r.Status == ReductionStatuses.Approved && r.ExportBatchId == null),
            db.LeakReductions.Where(r => r.Status == ReductionStatuses.Reversed && r.ExportBatchId != null && r.ReversalBatchId == null), ct);

    public async Task<IReadOnlyList<ReductionExportLine>> BatchAsync(long batchId, CancellationToken ct) =>
        await LinesAsync(db.LeakReductions.Where(r => r.ExportBatchId == batchId),
            db.LeakReductions.Where(r => r.ReversalBatchId == batchId), ct);

    private async Task<List<ReductionExportLine>> LinesAsync(IQueryable<LeakReduction> reductions, IQueryable<LeakReduction> cancellations, CancellationToken ct)
    {
        var lines = new List<ReductionExportLine>();
        foreach (var (query, entry, sign) in new[] { (reductions, EntryReduction, 1), (cancellations, EntryCancellation, -1) })
        {
            var rows = await query.AsNoTracking()
                .Join(db.Customers, r => r.CustomerId, c => c.Id, (r, c) => new { r, c.AccountNumber })
                .Join(db.Complaints, x => x.r.ComplaintId, c => c.Id, (x, c) => new { x.r, x.AccountNumber, c.ReceptionNumber })
                .OrderBy(x => x.r.Id).ToListAsync(ct);
            lines.AddRange(rows.Select(x => new ReductionExportLine(entry, x.r.Id, x.AccountNumber, x.ReceptionNumber, x.r.LeakPeriodStart, x.r.LeakPeriodEnd,
                sign * (x.r.LeakVolumeM3 ?? 0), sign * x.r.WaterWon, sign * x.r.SewerWon, sign * x.r.LevyWon, sign * x.r.TotalWon,
                sign > 0 ? x.r.DecidedAtUtc : x.r.ReversedAtUtc)));
        }
        return lines;
    }

    private Task<Complaint> ComplaintOfAsync(LeakReduction r, CancellationToken ct) =>
        db.Complaints.Include(c => c.Type).Include(c => c.Events).SingleAsync(c => c.Id == r.ComplaintId, ct);
}
