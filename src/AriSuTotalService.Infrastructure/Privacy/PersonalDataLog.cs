using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Infrastructure.Data;

namespace AriSuTotalService.Infrastructure.Privacy;

/// <summary>Writes the access log and the permission-change log for the acting user.</summary>
public sealed class PersonalDataLog(ArisuDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Records one access and saves it at once (a view must be logged even when nothing else is saved).</summary>
    public async Task RecordAsync(int officeId, string subjectKind, string subjectKey, string action, string? detail = null,
        CancellationToken ct = default)
    {
        Add(officeId, subjectKind, subjectKey, action, detail);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds an entry to be saved with the caller's own changes (same transaction).</summary>
    public void Add(int officeId, string subjectKind, string subjectKey, string action, string? detail = null) =>
        db.PersonalDataAccesses.Add(new PersonalDataAccess(officeId, clock.GetUtcNow().UtcDateTime, user.UserId ?? "system",
            user.Name, user.IpAddress, subjectKind, subjectKey, action, detail));

    public async Task RecordPermissionChangeAsync(string targetUserId, string targetUserName, string change, string? before,
        string? after, CancellationToken ct = default)
    {
        db.PermissionChanges.Add(new PermissionChange(db.Office, clock.GetUtcNow().UtcDateTime, user.Name, user.IpAddress, targetUserId,
            targetUserName, change, before, after));
        await db.SaveChangesAsync(ct);
    }
}
