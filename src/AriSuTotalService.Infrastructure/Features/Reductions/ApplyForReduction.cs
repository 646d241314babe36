using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Reductions;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features.Complaints;
using AriSuTotalService.Infrastructure.Files;
using AriSuTotalService.Infrastructure.Reductions;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Features.Reductions;

/// <summary>
/// A citizen's application for a leak fee reduction with a plumber's receipt (phone, visit or web): every rule checked
/// before anything is stored; then, in one transaction, the complaint (through the intake use case), the case with its
/// repair recorded and the receipt as its evidence. A failure removes the stored receipt. A second application for the
/// same account and leak period is refused naming the existing case (<see cref="DuplicateReductionException"/>).
/// </summary>
public static class ApplyForReduction
{
    public const int MaxDescription = 1000;

    /// <summary>The receipt as uploaded: its content, the name the citizen's file had and its length in bytes.</summary>
    public sealed record Upload(Stream Content, string FileName, long Length);

    public sealed record Command(string? AccountNumber, DateOnly? LeakDate, string? Channel, string? Description, Upload? Receipt);

    public sealed class Validator(ArisuDbContext db, FileStore files, TimeProvider clock)
    {
        /// <returns>The refusals and the customer the account number names in the caller's office.</returns>
        public async Task<(IReadOnlyList<FieldError> Errors, long? CustomerId)> ValidateAsync(Command c, CancellationToken ct)
        {
            var refused = new Refusals();
            long? customerId = null;
            var account = c.AccountNumber?.Trim();
            if (string.IsNullOrEmpty(account)) refused.Add(nameof(c.AccountNumber), "수용가번호를 입력하세요.");
            else
            {
                customerId = await db.Customers.Where(x => x.AccountNumber == account).Select(x => (long?)x.Id).SingleOrDefaultAsync(ct);
                if (customerId is null) refused.Add(nameof(c.AccountNumber), "등록되지 않은 수용가번호입니다.");
            }
            if (c.LeakDate is null) refused.Add(nameof(c.LeakDate), "누수 수리일을 입력하세요.");
            else if (c.LeakDate > SeoulTime.Today(clock)) refused.Add(nameof(c.LeakDate), "누수 수리일은 오늘 이전이어야 합니다.");
            if (!Channels.CitizenApplied.Contains(c.Channel ?? "")) refused.Add(nameof(c.Channel), "접수 경로를 고르세요 (전화·방문·인터넷).");
            if (c.Description?.Trim().Length > MaxDescription) refused.Add(nameof(c.Description), "신청 내용은 {0}자 이내로 입력하세요.", MaxDescription);
            if (c.Receipt is not { Length: > 0 }) refused.Add(nameof(c.Receipt), "수리 영수증(사진 또는 PDF)을 첨부하세요.");
            else if (c.Receipt.Length > files.MaxBytes) refused.Add(nameof(c.Receipt), "파일이 너무 큽니다.");
            return (refused.Errors, customerId);
        }
    }

    public sealed class Handler(ArisuDbContext db, Validator validator, RegisterComplaint.Handler register, LeakReductions reductions,
        ReductionCalculation calculation, FileStore files, ICurrentUser user, TimeProvider clock)
    {
        public async Task<LeakReduction> HandleAsync(Command c, CancellationToken ct)
        {
            var (errors, customerId) = await validator.ValidateAsync(c, ct);
            if (errors.Count > 0) throw new ValidationFailedException(errors);
            var leakDate = c.LeakDate!.Value;
            StoredFile? stored = null;
            try
            {
                return await db.InTransactionAsync(async () =>
                {
                    var history = await calculation.HistoryAsync(customerId!.Value, ct);
                    var period = ReductionCalculation.LeakPeriod(history, leakDate, null);
                    if (await reductions.ExistingAsync(customerId.Value, leakDate, period, ct) is { } existing)
                        throw new DuplicateReductionException(existing.Id, existing.Reception);
                    // The receipt is stored once, even if the unit runs again.
                    stored ??= await files.SaveAsync(c.Receipt!.Content, UploadKind.ImageOrPdf, ct);
                    var intake = await register.HandleAsync(new IntakeRequest(customerId.Value, ComplaintTypeCodes.LeakFeeReduction, c.Channel!,
                        string.IsNullOrWhiteSpace(c.Description) ? "누수 수리 영수증을 첨부한 누수요금 감면 신청" : c.Description.Trim(),
                        null, null, null, null, null, null, []), ct);
                    var reduction = new LeakReduction(db.Office, customerId.Value, intake.First.Id, ReductionSources.Application, leakDate, user.Name, null, null, null);
                    reduction.RecordRepair(leakDate, "배관업체 수리 영수증 (신청 시 제출)");
                    await calculation.PrepareAsync(reduction, history, null, ct);
                    db.LeakReductions.Add(reduction);
                    await db.SaveChangesAsync(ct);
                    db.ReductionDocuments.Add(new ReductionDocument(reduction.Id, ReductionDocument.FitFileName(Path.GetFileName(c.Receipt!.FileName)),
                        stored.Path, stored.ContentType, stored.Length, stored.Sha256, clock.GetUtcNow().UtcDateTime, user.Name));
                    await db.SaveChangesAsync(ct);
                    return reduction;
                }, ct);
            }
            catch when (stored is not null)
            {
                files.Remove(stored.Path);
                throw;
            }
        }
    }
}
