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
    IReadOnlyList<string> OtherTypes, string? TransferDivision, string? TransferReason);

/// <summary>
/// Records a visit's outcome: what was found and done by complaint type, the photo, new problems found on site as
/// linked complaints (channel derived), problems for another division as a transfer; finishing resolves the complaint,
/// leaves it open with the reason, or (nobody home) sends it back for a new booking.
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
        if (input.OtherTypes.Count > 0) await desk.RegisterLinkedAsync(complaint, input.OtherTypes, "방문 중 추가 불편 확인", ct);
        // A leak found and repaired opens its fee reduction by itself: the citizen applies for nothing.
        if (complaint.Type.Code == ComplaintTypeCodes.LeakDiagnosis) await reductions.OpenFromVisitAsync(complaint, visit, outcome, ct);
        return outcome;
    }
}
