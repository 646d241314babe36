using AriSuTotalService.Domain.Offices;
namespace AriSuTotalService.Domain.Notices;

/// <summary>
/// A message to a citizen (SMS) waiting in the outbox: queued by a case change, sent by the outbox job through the
/// configured sender. The phone number is personal data: shown masked, never logged.
/// </summary>
public class OutboxMessage : IOfficeOwned
{
    private OutboxMessage() { }

    public OutboxMessage(int officeId, long? complaintId, string toPhone, string kind, string body, DateTime createdAtUtc)
    {
        if (string.IsNullOrWhiteSpace(toPhone)) throw new ArgumentException("a phone number is required", nameof(toPhone));
        OfficeId = officeId;
        ComplaintId = complaintId;
        ToPhone = toPhone.Trim();
        Kind = kind;
        Body = body;
        CreatedAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }
    public int OfficeId { get; private set; }
    public long? ComplaintId { get; private set; }
    public string ToPhone { get; private set; } = "";
    /// <summary>extended, paused, booked, rebooked, cancelled, reminder:{visit id}…</summary>
    public string Kind { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? SentAtUtc { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    public void MarkSent(DateTime atUtc)
    {
        SentAtUtc = atUtc;
        Attempts++;
        LastError = null;
    }

    public void MarkFailed(string error)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
    }
}
