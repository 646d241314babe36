using AriSuTotalService.Domain.Reports;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Features.Reports;

/// <summary>
/// A section chief flags a complaint of the office as a best-practice case (우수사례) with a write-up for the report, or
/// rewrites it. The rules are the case's own (<see cref="BestPractice.Update"/>).
/// </summary>
public static class FlagBestPractice
{
    public sealed record Command(long ComplaintId, string? WriteUp);

    public sealed class Handler(ArisuDbContext db, ICurrentUser user, TimeProvider clock)
    {
        public async Task HandleAsync(Command c, CancellationToken ct)
        {
            if (!await db.Complaints.AnyAsync(x => x.Id == c.ComplaintId, ct)) throw new KeyNotFoundException($"complaint {c.ComplaintId}");
            var now = clock.GetUtcNow().UtcDateTime;
            var existing = await db.BestPractices.SingleOrDefaultAsync(p => p.ComplaintId == c.ComplaintId, ct);
            if (existing is null) db.BestPractices.Add(new BestPractice(db.Office, c.ComplaintId, c.WriteUp ?? "", user.Name, now));
            else existing.Update(c.WriteUp ?? "", user.Name, now);
            await db.SaveChangesAsync(ct);
        }
    }
}
