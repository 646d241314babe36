using AriSuTotalService.Domain.Visits;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Visits;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Features.Visits;

/// <summary>
/// Moves booked visits to another field staff member (leave, absence): each complaint is assigned to them and each
/// citizen told the new visitor's name. All the chosen visits move, or none: a visit on a day the new visitor is away
/// too refuses the whole move, naming it.
/// </summary>
public static class ReassignVisits
{
    public sealed record Command(IReadOnlyCollection<long> VisitIds, string? ToStaffId);

    public sealed class Handler(ArisuDbContext db, VisitBooking scheduling, ComplaintDesk desk, ICurrentUser user, TimeProvider clock)
    {
        /// <returns>How many visits moved.</returns>
        public async Task<int> HandleAsync(Command c, CancellationToken ct) => await db.InTransactionAsync(async () =>
        {
            var refused = new Refusals();
            if (c.VisitIds.Count == 0) refused.Add(nameof(c.VisitIds), "넘길 방문을 고르세요.");
            if (string.IsNullOrEmpty(c.ToStaffId)) refused.Add(nameof(c.ToStaffId), "넘겨받을 직원을 고르세요.");
            refused.ThrowIfAny();
            var (staff, refusal) = await scheduling.FieldStaffAsync(db.Office, c.ToStaffId!, ct);
            if (refusal is not null) refused.Add(nameof(c.ToStaffId), refusal);
            refused.ThrowIfAny();
            var visits = await db.Visits.Where(v => c.VisitIds.Contains(v.Id) && v.Status == VisitStatuses.Booked).OrderBy(v => v.Date).ToListAsync(ct);
            var away = await db.StaffLeaves.Where(l => l.StaffId == staff!.Id).Select(l => new { l.From, l.To }).ToListAsync(ct);
            foreach (var v in visits.Where(v => away.Any(l => l.From <= v.Date && l.To >= v.Date)))
                refused.Add(nameof(c.ToStaffId), "{0}님도 {1}에 휴가·부재입니다.", staff!.DisplayName, v.Date.ToString("MM-dd"));
            refused.ThrowIfAny();
            var now = clock.GetUtcNow().UtcDateTime;
            var complaintIds = visits.Select(v => v.ComplaintId).Distinct().ToList();
            var complaints = await db.Complaints.Include(x => x.Type).Include(x => x.Events)
                .Where(x => complaintIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
            foreach (var v in visits)
            {
                v.Reassign(staff!.Id);
                var complaint = complaints[v.ComplaintId];
                complaint.AssignTo(staff.Id, now, user.Name);
                await desk.QueueNoticeAsync(complaint, "rebooked", VisitBooking.VisitValues(v, complaint, staff.DisplayName, staff.Division, staff.PhoneNumber), ct);
            }
            await db.SaveChangesAsync(ct);
            return visits.Count;
        }, ct);
    }
}
