using AriSuTotalService.Domain.Visits;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Visits;

namespace AriSuTotalService.Infrastructure.Features.Visits;

/// <summary>
/// A field staff member's leave or absence, registered by the section chief: the staff member (a field worker of the
/// office), the first and last day and the reason. Bookings on those days are refused from then on; the visits already
/// booked in it are listed for <see cref="ReassignVisits"/>.
/// </summary>
public static class RegisterLeave
{
    public const int MaxReason = 200;

    public sealed record Command(string? StaffId, DateOnly? From, DateOnly? To, string? Reason);

    public sealed class Handler(ArisuDbContext db, VisitBooking scheduling, ICurrentUser user, TimeProvider clock)
    {
        public async Task<StaffLeave> HandleAsync(Command c, CancellationToken ct)
        {
            var refused = new Refusals();
            if (string.IsNullOrEmpty(c.StaffId)) refused.Add(nameof(c.StaffId), "직원을 고르세요.");
            else if ((await scheduling.FieldStaffAsync(db.Office, c.StaffId, ct)).Refusal is { } refusal) refused.Add(nameof(c.StaffId), refusal);
            if (c.From is null) refused.Add(nameof(c.From), "시작일을 입력하세요.");
            if (c.To is null) refused.Add(nameof(c.To), "종료일을 입력하세요.");
            else if (c.From is { } from && c.To < from) refused.Add(nameof(c.To), "끝나는 날이 시작하는 날보다 앞섭니다.");
            var reason = c.Reason?.Trim();
            if (string.IsNullOrEmpty(reason)) refused.Add(nameof(c.Reason), "사유를 입력하세요.");
            else if (reason.Length > MaxReason) refused.Add(nameof(c.Reason), "사유는 {0}자 이내로 입력하세요.", MaxReason);
            refused.ThrowIfAny();
            var leave = new StaffLeave(db.Office, c.StaffId!, c.From!.Value, c.To!.Value, reason!, user.Name, clock.GetUtcNow().UtcDateTime);
            db.StaffLeaves.Add(leave);
            await db.SaveChangesAsync(ct);
            return leave;
        }
    }
}
