using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Visits;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Visits;

public sealed record OutcomeInput(
    string Result, string Note,
    bool? LeakFound, string? LeakPlace, bool? Repaired, string? RepairedBy, long? ReadingBefore, long? ReadingAfter,
    string? Cause, bool? FixedOnSite,
    decimal? Chlorine, decimal? Iron, decimal? Copper, decimal? Turbidity, decimal? Ph, string? AddOns,
    IReadOnlyList<string> OtherTypes, string? TransferDivision, string? TransferReason)
{
    /// <summary>Open complaints linked with the visit's (e.g. the water-quality test taken at intake) handled and closed on the same visit.</summary>
    public IReadOnlyList<long> AlsoResolved { get; init; } = [];
}

/// <summary>An open complaint linked with a visit's that the visitor may record in the same visit.</summary>
public sealed record AlongsideComplaint(long Id, string ReceptionNumber, string Type, string Status);

/// <summary>
/// Records a visit's outcome: what was found and done by complaint type, the photo, new problems found on site as
/// linked complaints (channel derived), problems for another division as a transfer; finishing resolves the complaint,
/// leaves it open with the reason, or (nobody home) sends it back for a new booking; open complaints linked with it
/// that were handled on the same visit are closed with it.
/// </summary>
public sealed class VisitOutcomes(ArisuDbContext db, ComplaintDesk desk, FileStore files, Reductions.LeakReductions reductions,
    Features.Visits.RecordVisitOutcome.Validator validator, ICurrentUser user, TimeProvider clock)
{
    public async Task<VisitOutcome> RecordAsync(long visitId, string? onlyStaffId, OutcomeInput input, Stream? photo, CancellationToken ct)
    {
        // One unit, saved whole: the outcome, the linked complaints, the transfer and the reduction, or nothing. Every
        // rule is checked before the photo is stored, and the photo is kept only when the unit is saved.
        StoredFile? stored = null;
        try
        {
            return await db.InTransactionAsync(async () =>
            {
                var (visit, complaint) = await LoadAsync(visitId, onlyStaffId, ct);
                var errors = await validator.ValidateAsync(input, complaint.Type!.Code, ct);
                if (errors.Count > 0) throw new Features.ValidationFailedException(errors);
                // Stored once, even if the unit runs again.
                if (photo is not null) stored ??= await files.SaveAsync(photo, UploadKind.Image, ct);
                return await RecordUnitAsync(visit, complaint, input, stored, ct);
            }, ct);
        }
        catch when (stored is not null)
        {
            files.Remove(stored.Path);
            throw;
        }
    }

    /// <summary>
    /// The open complaints linked with this one — its own linked complaints, or its parent and the parent's other
    /// linked complaints — that no active visit of their own is handling and that no other division holds: what the
    /// visitor may record and close in the same visit.
    /// </summary>
    public IQueryable<Complaint> Alongside(long complaintId, long? parentId) =>
        db.Complaints.Where(c => c.Id != complaintId
            && (c.LinkedToId == complaintId || (parentId != null && (c.Id == parentId || c.LinkedToId == parentId)))
            && (c.Status == ComplaintStatuses.Received || c.Status == ComplaintStatuses.Scheduled || c.Status == ComplaintStatuses.Visited)
            && !db.Visits.Any(v => v.ComplaintId == c.Id && (v.Status == VisitStatuses.Booked || v.Status == VisitStatuses.Arrived)));

    /// <summary><see cref="Alongside"/> as the outcome form lists it.</summary>
    public async Task<IReadOnlyList<AlongsideComplaint>> AlongsideAsync(long complaintId, long? parentId, CancellationToken ct) =>
        await Alongside(complaintId, parentId).AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new AlongsideComplaint(c.Id, c.ReceptionNumber, c.Type!.NameKo, c.Status)).ToListAsync(ct);

    /// <summary>Closes the linked complaints handled on the visit, each saying on which visit; any that may not be is refused with the rest.</summary>
    private async Task ResolveAlongsideAsync(Complaint complaint, IReadOnlyList<long> ids, string note, DateTime now, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var linked = await Alongside(complaint.Id, complaint.LinkedToId).Where(c => wanted.Contains(c.Id)).Include(c => c.Events).ToListAsync(ct);
        var refused = wanted.Except(linked.Select(c => c.Id)).ToList();
        if (refused.Count > 0)
            throw new Features.ValidationFailedException([new Features.FieldError(nameof(OutcomeInput.AlsoResolved),
                "이 방문에서 함께 처리할 수 없는 민원입니다 (연계되지 않았거나, 이미 끝났거나, 다른 방문이나 부서가 맡고 있습니다).")]);
        foreach (var c in linked)
            c.Resolve(Text.Fit($"{complaint.ReceptionNumber} 방문에서 함께 처리: {note}", Complaint.MaxResolutionLength), now, user.Name);
        await db.SaveChangesAsync(ct);
    }

    private async Task<(Visit Visit, Complaint Complaint)> LoadAsync(long visitId, string? onlyStaffId, CancellationToken ct)
    {
        var visit = await db.Visits.SingleOrDefaultAsync(v => v.Id == visitId && (onlyStaffId == null || v.StaffId == onlyStaffId), ct)
            ?? throw new KeyNotFoundException($"visit {visitId}");
        if (!VisitStatuses.Active.Contains(visit.Status)) throw new DomainException("이미 끝났거나 취소된 방문입니다.");
        var complaint = await db.Complaints.Include(c => c.Type).Include(c => c.Events).SingleAsync(c => c.Id == visit.ComplaintId, ct);
        return (visit, complaint);
    }

    private async Task<VisitOutcome> RecordUnitAsync(Visit visit, Complaint complaint, OutcomeInput input, StoredFile? stored, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var outcome = new VisitOutcome(visit.Id, complaint.Id, input.Result, input.Note, now, user.Name);
        switch (complaint.Type!.Code)
        {
            case ComplaintTypeCodes.LeakDiagnosis when input.Result != VisitResults.NoShow:
                outcome.RecordLeak(input.LeakFound ?? throw new DomainException("누수 여부를 고르세요."), input.LeakPlace, input.Repaired,
                    input.RepairedBy, input.ReadingBefore, input.ReadingAfter);
                break;
            case ComplaintTypeCodes.SupplyInconvenience when input.Result != VisitResults.NoShow:
                outcome.RecordSupply(input.Cause ?? "", input.FixedOnSite ?? false);
                break;
            case ComplaintTypeCodes.WaterQualityTest when input.Result != VisitResults.NoShow:
                outcome.RecordWaterQuality(input.Chlorine, input.Iron, input.Copper, input.Turbidity, input.Ph, input.AddOns);
                break;
        }

        if (input.Result == VisitResults.NoShow)
        {
            // The note is kept whole on the outcome; the visit and the timeline carry it shortened to their columns.
            visit.Cancel(Text.Fit($"부재(방문했으나 만나지 못함): {outcome.Note}", Visit.MaxReasonLength));
            complaint.MarkUnscheduled(now, user.Name, $"부재로 재예약 필요: {outcome.Note}");
        }
        else
        {
            if (visit.Status == VisitStatuses.Booked) visit.Arrive(now);
            visit.Finish(now);
            complaint.MarkVisited(now, user.Name);
            await desk.ResumeIfPausedAsync(complaint, ct);
            if (input.TransferDivision is { Length: > 0 } division)
                complaint.TransferTo(division, input.TransferReason ?? Text.Fit(outcome.Note, Complaint.MaxReasonLength), now, user.Name);
            else if (input.Result == VisitResults.Resolved)
                complaint.Resolve(outcome.Note, now, user.Name);
        }
        db.VisitOutcomes.Add(outcome);
        if (stored is not null) db.VisitPhotos.Add(new VisitPhoto(visit.Id, stored.Path, stored.ContentType, stored.Length, stored.Sha256, now));
        await db.SaveChangesAsync(ct);
        if (input.AlsoResolved.Count > 0 && input.Result != VisitResults.NoShow) await ResolveAlongsideAsync(complaint, input.AlsoResolved, outcome.Note, now, ct);
        if (input.OtherTypes.Count > 0) await desk.RegisterLinkedAsync(complaint, input.OtherTypes, "방문 중 추가 불편 확인", ct);
        // A leak found and repaired opens its fee reduction by itself: the citizen applies for nothing.
        if (complaint.Type.Code == ComplaintTypeCodes.LeakDiagnosis) await reductions.OpenFromVisitAsync(complaint, visit, outcome, ct);
        return outcome;
    }
}
