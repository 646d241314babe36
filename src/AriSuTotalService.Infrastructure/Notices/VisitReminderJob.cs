using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Notices;
using AriSuTotalService.Domain.Visits;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Notices;

/// <summary>
/// The evening before (18:00 Asia/Seoul): a reminder for every visit booked for tomorrow, queued once per visit (a rerun
/// finds it already queued), to the complaint's contact number; the outbox sends it outside the quiet hours.
/// </summary>
[AutomaticRetry(Attempts = 3)]
[DisableConcurrentExecution(timeoutInSeconds: 300)]
public sealed class VisitReminderJob(ArisuDbContext db, ComplaintDesk desk, TimeProvider clock)
{
    public const string Id = "visit-reminder";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var tomorrow = SeoulTime.Today(clock).AddDays(1);
        var queued = 0;
        foreach (var officeId in await db.Offices.Select(o => o.Id).ToListAsync(ct))
        {
            // Each office's reminders with its own templates, acting for that office.
            db.ActFor(officeId);
            queued += await RemindAsync(tomorrow, ct);
        }
        return queued;
    }

    private async Task<int> RemindAsync(DateOnly tomorrow, CancellationToken ct)
    {
        var visits = await db.Visits.AsNoTracking().Where(v => v.Date == tomorrow && v.Status == VisitStatuses.Booked).ToListAsync(ct);
        var queued = 0;
        foreach (var v in visits)
        {
            var tag = $"reminder:{v.Id}";
            if (await db.OutboxMessages.AnyAsync(m => m.ComplaintId == v.ComplaintId && m.Kind == tag, ct)) continue;
            var complaint = await db.Complaints.Include(c => c.Type).SingleAsync(c => c.Id == v.ComplaintId, ct);
            var staff = await db.Users.AsNoTracking().Where(u => u.Id == v.StaffId).Select(u => new { u.DisplayName, u.PhoneNumber }).SingleOrDefaultAsync(ct);
            if (await desk.ContactPhoneAsync(complaint, ct) is null) continue;
            await desk.QueueNoticeAsync(complaint, "reminder", Visits.VisitBooking.VisitValues(v, complaint, staff?.DisplayName, null, staff?.PhoneNumber), ct, storedKind: tag);
            queued++;
        }
        await db.SaveChangesAsync(ct);
        return queued;
    }
}
