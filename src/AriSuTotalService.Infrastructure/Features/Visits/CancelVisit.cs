using AriSuTotalService.Domain.Visits;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Features.Visits;

/// <summary>
/// Cancels the booked visit of a complaint with a reason: the visit stays in the history as cancelled, the complaint
/// waits for a new booking and the citizen is told, in one transaction.
/// </summary>
public static class CancelVisit
{
    public sealed record Command(long ComplaintId, Guid Version, string? Reason);

    public sealed class Handler(ArisuDbContext db, ComplaintDesk desk, ICurrentUser user, TimeProvider clock)
    {
        /// <returns>Whether the citizen was told (a message queued).</returns>
        public async Task<bool> HandleAsync(Command c, CancellationToken ct) => await db.InTransactionAsync(async () =>
        {
            var complaint = await desk.ForChangeAsync(c.ComplaintId, c.Version, ct);
            var refused = new Refusals();
            var reason = c.Reason?.Trim();
            if (string.IsNullOrEmpty(reason)) refused.Add(nameof(c.Reason), "방문 취소 사유를 입력하세요.");
            else if (reason.Length > Visit.MaxReasonLength) refused.Add(nameof(c.Reason), "사유는 {0}자 이내로 입력하세요.", Visit.MaxReasonLength);
            var current = await db.Visits.Where(v => v.ComplaintId == complaint.Id && VisitStatuses.Active.Contains(v.Status)).ToListAsync(ct);
            if (current.Count == 0) refused.Add("", "취소할 방문이 없습니다.");
            refused.ThrowIfAny();
            foreach (var v in current) v.Cancel(reason!);
            complaint.MarkUnscheduled(clock.GetUtcNow().UtcDateTime, user.Name, reason!);
            var told = await desk.QueueNoticeAsync(complaint, "cancelled", new Dictionary<string, string?> { ["reception"] = complaint.ReceptionNumber, ["reason"] = reason }, ct);
            await db.SaveChangesAsync(ct);
            return told;
        }, ct);
    }
}
