using System.Globalization;
using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Infrastructure.Data;

namespace AriSuTotalService.Infrastructure.Features.Privacy;

/// <summary>
/// The monthly review of who viewed unmasked personal data (개인정보 접속기록 점검): the month reviewed and the reviewer's
/// note, kept with who reviewed and when.
/// </summary>
public static class ReviewAccessLog
{
    public const int MaxNote = 2000;

    public sealed record Command(string? Month, string? Note);

    public sealed class Handler(ArisuDbContext db, ICurrentUser user, TimeProvider clock)
    {
        public async Task HandleAsync(Command c, CancellationToken ct)
        {
            var refused = new Refusals();
            if (!DateOnly.TryParseExact(c.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                refused.Add(nameof(c.Month), "점검 월을 yyyy-MM 형식으로 선택하세요.");
            var note = c.Note?.Trim();
            if (string.IsNullOrEmpty(note)) refused.Add(nameof(c.Note), "점검 의견을 입력하세요.");
            else if (note.Length > MaxNote) refused.Add(nameof(c.Note), "점검 의견은 {0}자 이내로 입력하세요.", MaxNote);
            refused.ThrowIfAny();
            db.AccessLogReviews.Add(new AccessLogReview(db.Office, c.Month!, clock.GetUtcNow().UtcDateTime, user.Name, note!));
            await db.SaveChangesAsync(ct);
        }
    }
}
