using AriSuTotalService.Domain.Reductions;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Features.Reductions;

/// <summary>
/// "Reductions for the next bill": every approved reduction not yet exported and every cancellation of an exported one
/// are marked in one new batch, in one transaction, so nothing is sent twice. Only billing clerks export.
/// </summary>
public static class ExportReductions
{
    /// <param name="ByBillingClerk">Whether the one exporting is a billing clerk (from the sign-in).</param>
    public sealed record Command(bool ByBillingClerk);

    public sealed class NotAllowedException() : Exception("only billing clerks export reductions");

    public sealed class Handler(ArisuDbContext db, ICurrentUser user, TimeProvider clock)
    {
        public async Task<ReductionExport> HandleAsync(Command c, CancellationToken ct)
        {
            if (!c.ByBillingClerk) throw new NotAllowedException();
            return await db.InTransactionAsync(async () =>
            {
                var office = db.Office;
                var reductions = await db.LeakReductions.Where(r => r.Status == ReductionStatuses.Approved && r.ExportBatchId == null).ToListAsync(ct);
                var cancellations = await db.LeakReductions.Where(r => r.Status == ReductionStatuses.Reversed
                    && r.ExportBatchId != null && r.ReversalBatchId == null).ToListAsync(ct);
                var refused = new Refusals();
                if (reductions.Count + cancellations.Count == 0) refused.Add("", "내보낼 감면 건이 없습니다.");
                refused.ThrowIfAny();
                var now = clock.GetUtcNow().UtcDateTime;
                var batch = new ReductionExport(office, now, user.Name);
                db.ReductionExports.Add(batch);
                await db.SaveChangesAsync(ct);
                foreach (var r in reductions) r.MarkExported(batch.Id, now);
                foreach (var r in cancellations) r.MarkReversalExported(batch.Id);
                batch.SetTotals(reductions.Count, cancellations.Count, reductions.Sum(r => r.TotalWon) - cancellations.Sum(r => r.TotalWon));
                await db.SaveChangesAsync(ct);
                return batch;
            }, ct);
        }
    }
}
