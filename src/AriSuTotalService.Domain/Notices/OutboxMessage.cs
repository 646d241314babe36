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
    /// <summary>The attempt under way (the gateway's idempotency key): set before the gateway is called, kept once sent.</summary>
    public string? AttemptId { get; private set; }
    /// <summary>When the attempt under way began; null when no attempt is under way.</summary>
    public DateTime? SendingSinceUtc { get; private set; }

    /// <summary>When the outbox decided not to send it (the number cannot take a text); the reason is <see cref="LastError"/>.</summary>
    public DateTime? SkippedAtUtc { get; private set; }

    /// <summary>Neither sent nor skipped: the outbox will still try it.</summary>
    public bool IsPending => SentAtUtc is null && SkippedAtUtc is null;

    /// <summary>Not to be sent, with the reason (a number the numbering plan does not know, a landline): kept as history.</summary>
    public void Skip(string reason, DateTime atUtc)
    {
        if (SentAtUtc is not null) throw new InvalidOperationException("the message was sent");
        SkippedAtUtc = atUtc;
        SendingSinceUtc = null;
        AttemptId = null;
        LastError = reason.Length > 500 ? reason[..500] : reason;
    }

    /// <summary>Handed to the gateway, outcome not yet known (a crash here leaves it so until reconciled).</summary>
    public bool IsSending => SendingSinceUtc is not null && SentAtUtc is null;

    /// <summary>Recorded (and saved) before the gateway is called.</summary>
    public void BeginSending(string attemptId, DateTime atUtc)
    {
        if (SentAtUtc is not null) throw new InvalidOperationException("the message was sent");
        AttemptId = attemptId;
        SendingSinceUtc = atUtc;
    }

    public void MarkSent(DateTime atUtc)
    {
        SentAtUtc = atUtc;
        SendingSinceUtc = null;
        Attempts++;
        LastError = null;
    }

    /// <summary>The gateway refused (or says it never got) the attempt: nothing went out; the next run tries again with a new attempt.</summary>
    public void MarkFailed(string error)
    {
        Attempts++;
        SendingSinceUtc = null;
        AttemptId = null;
        LastError = error.Length > 500 ? error[..500] : error;
    }
}
