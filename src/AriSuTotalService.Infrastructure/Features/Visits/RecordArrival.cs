using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Visits;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Features.Visits;

/// <summary>
/// 도착: a field staff member arrives at their own booked visit. On the booked day it is taken at once; on another
/// day it counts against the agreed appointment, so it needs the worker's confirmation and the reason, which the
/// complaint's timeline keeps. One save.
/// </summary>
public static class RecordArrival
{
    public const int MaxReason = 300;
    public const string OtherDay = "예약일({0})이 아닌 날의 도착입니다. 약속을 지키지 못한 것으로 기록됩니다. 사유를 적고 도착을 확인하세요.";

    /// <param name="OtherDayReason">Why the visit happens on another day than booked (required then, with the confirmation).</param>
    public sealed record Command(long VisitId, string StaffId, bool ConfirmOtherDay = false, string? OtherDayReason = null);

    public sealed class Handler(ArisuDbContext db, ICurrentUser user, TimeProvider clock)
    {
        public async Task<Visit> HandleAsync(Command command, CancellationToken ct) => await db.InTransactionAsync(async () =>
        {
            // Only one's own visit: another's (or another office's) is not found.
            var visit = await db.Visits.SingleOrDefaultAsync(v => v.Id == command.VisitId && v.StaffId == command.StaffId, ct)
                ?? throw new KeyNotFoundException($"visit {command.VisitId}");
            var refused = new Refusals();
            if (visit.Status != VisitStatuses.Booked) refused.Add("", "예약된 방문만 도착 처리할 수 있습니다.");
            var today = SeoulTime.Today(clock);
            var otherDay = visit.Date != today;
            if (!refused.Any && otherDay)
            {
                if (!command.ConfirmOtherDay || string.IsNullOrWhiteSpace(command.OtherDayReason))
                    refused.Add(nameof(command.OtherDayReason), OtherDay, visit.Date.ToString("yyyy-MM-dd"));
                else if (command.OtherDayReason.Trim().Length > MaxReason)
                    refused.Add(nameof(command.OtherDayReason), "사유는 {0}자 이내로 입력하세요.", MaxReason);
            }
            refused.ThrowIfAny();
            var now = clock.GetUtcNow().UtcDateTime;
            visit.Arrive(now);
            if (otherDay)
            {
                var complaint = await db.Complaints.SingleAsync(c => c.Id == visit.ComplaintId, ct);
                complaint.AddNote(ComplaintEventKinds.ArrivedOtherDay,
                    $"예약일 {visit.Date:yyyy-MM-dd}, 도착 {today:yyyy-MM-dd}: {command.OtherDayReason!.Trim()}", now, user.Name);
            }
            await db.SaveChangesAsync(ct);
            return visit;
        }, ct);
    }
}
