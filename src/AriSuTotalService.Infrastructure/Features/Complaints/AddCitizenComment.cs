using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Features.Complaints;

/// <summary>
/// A citizen's comment on a complaint of the office, sent through an integration (Open311's request updates): kept on
/// the complaint's timeline with the key that sent it. A reception number of another office is not found.
/// </summary>
public static class AddCitizenComment
{
    /// <summary>A citizen's comment fits the timeline entry with its label.</summary>
    public const int MaxComment = 1900;

    public sealed record Command(string? ReceptionNumber, string? Text, string By);

    public sealed class Handler(ArisuDbContext db, TimeProvider clock)
    {
        /// <returns>The timeline entry's id, or null when the office has no complaint of that number.</returns>
        public async Task<long?> HandleAsync(Command c, CancellationToken ct)
        {
            var refused = new Refusals();
            if (string.IsNullOrWhiteSpace(c.ReceptionNumber)) refused.Add(nameof(c.ReceptionNumber), "접수번호가 필요합니다.");
            if (string.IsNullOrWhiteSpace(c.Text)) refused.Add(nameof(c.Text), "의견 내용이 필요합니다.");
            else if (c.Text.Length > MaxComment) refused.Add(nameof(c.Text), "의견은 {0}자 이내여야 합니다.", MaxComment);
            refused.ThrowIfAny();
            return await db.InTransactionAsync(async () =>
            {
                var number = c.ReceptionNumber!.Trim();
                var complaint = await db.Complaints.SingleOrDefaultAsync(x => x.ReceptionNumber == number, ct);
                if (complaint is null) return (long?)null;
                var added = complaint.AddNote(ComplaintEventKinds.CitizenComment, c.Text!, clock.GetUtcNow().UtcDateTime, c.By);
                await db.SaveChangesAsync(ct);
                return added.Id;
            }, ct);
        }
    }
}
