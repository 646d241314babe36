using AriSuTotalService.Domain.Notices;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Infrastructure.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AriSuTotalService.Infrastructure.Notices;

/// <summary>What a gateway knows of one attempt, asked after a crash left the attempt's outcome unknown.</summary>
public enum SmsAttemptStatus
{
    /// <summary>The gateway cannot tell: the outbox sends again with the same idempotency key.</summary>
    Unknown,
    /// <summary>The gateway accepted the attempt: the message is recorded as sent, not sent again.</summary>
    Sent,
    /// <summary>The gateway never got the attempt: it is retried as a new attempt.</summary>
    NotSent,
}

/// <summary>
/// Sends text messages to citizens. The default implementation sends nothing outside: the outbox row itself is the
/// message history (관리 › 문자 발송 내역). A real SMS gateway is one class implementing this interface, registered
/// instead of the default (<c>Sms__Sender</c>).
/// <para>
/// Messages are sent once. Before a message is handed to the gateway the outbox records it as <c>sending</c> with an
/// attempt id and passes that id as <paramref name="idempotencyKey"/>; a gateway implementation must forward it as the
/// gateway's idempotency key (a second request with the same key is answered as the first and sends nothing more).
/// <see cref="SendAsync(string, string, string, CancellationToken)"/> returns when the gateway accepted the message;
/// it throws when the gateway refused it (nothing went out: the outbox retries later as a new attempt, at most five);
/// it throws <see cref="SmsOutcomeUnknownException"/> when it cannot tell (a timeout after the request left): the
/// message stays <c>sending</c>. A message found <c>sending</c> when the outbox next runs (that, or a crash between the
/// gateway's answer and the save) is reconciled through <see cref="LookUpAsync"/>: sent → recorded as sent;
/// not sent → a new attempt; unknown → sent again with the same key, which the gateway does not deliver twice.
/// </para>
/// </summary>
public interface ISmsSender
{
    /// <summary>A sender written before idempotency keys: the key is not passed on.</summary>
    Task SendAsync(string toPhone, string body, CancellationToken ct);

    Task SendAsync(string toPhone, string body, string idempotencyKey, CancellationToken ct) => SendAsync(toPhone, body, ct);

    /// <summary>What the gateway knows of an attempt (by its idempotency key); <see cref="SmsAttemptStatus.Unknown"/> when it cannot be asked.</summary>
    Task<SmsAttemptStatus> LookUpAsync(string idempotencyKey, CancellationToken ct) => Task.FromResult(SmsAttemptStatus.Unknown);
}

/// <summary>Thrown by a sender when the gateway's answer was lost (timeout): the message may or may not have gone out.</summary>
public sealed class SmsOutcomeUnknownException(string message, Exception? inner = null) : Exception(message, inner);

public sealed class HistoryOnlySmsSender : ISmsSender
{
    public Task SendAsync(string toPhone, string body, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Nothing ever leaves: an interrupted attempt is simply made again.</summary>
    public Task<SmsAttemptStatus> LookUpAsync(string idempotencyKey, CancellationToken ct) => Task.FromResult(SmsAttemptStatus.NotSent);
}

/// <summary>
/// Every minute: sends the queued messages through the sender, never between 21:00 and 08:00 Asia/Seoul; a failure is
/// recorded on the message and retried on the next runs (at most five attempts). One run at a time across servers.
/// </summary>
[AutomaticRetry(Attempts = 0)]
[DisableConcurrentExecution(timeoutInSeconds: 120)]
public sealed class OutboxJob(ArisuDbContext db, ISmsSender sender, TimeProvider clock, ILogger<OutboxJob> logger)
{
    public const string Id = "sms-outbox";
    public const int MaxAttempts = 5;

    public static bool IsQuietHour(DateTime utc)
    {
        var hour = SeoulTime.ToLocal(utc).Hour;
        return hour >= 21 || hour < 8;
    }

    public async Task<int> RunAsync(CancellationToken ct)
    {
        if (IsQuietHour(clock.GetUtcNow().UtcDateTime)) return 0;
        // One run at a time (the lock above): a message still sending is one an earlier run left behind.
        var sent = await ReconcileAsync(ct);
        // One outbox for the whole city: the job sends every office's messages.
        var batch = await db.OutboxMessages.IgnoreQueryFilters(ArisuDbContext.AllOffices)
            .Where(m => m.SentAtUtc == null && m.SkippedAtUtc == null && m.SendingSinceUtc == null && m.Attempts < MaxAttempts)
            .OrderBy(m => m.CreatedAtUtc).ThenBy(m => m.Id).Take(200).ToListAsync(ct);
        foreach (var message in batch)
        {
            // A number that cannot take a text (queued before its number was known to be so): kept with the reason, never sent.
            if (KoreanPhone.WhyNotTextable(message.ToPhone) is { } reason)
            {
                message.Skip(reason, clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
                logger.LogInformation("SMS {MessageId} not sent: the number cannot take a text", message.Id);
                continue;
            }
            message.BeginSending(Guid.NewGuid().ToString("N"), clock.GetUtcNow().UtcDateTime);
            // Recorded before the gateway is called: a crash from here on leaves the message sending, never unsent.
            await db.SaveChangesAsync(ct);
            if (await SendAsync(message, ct)) sent++;
        }
        return sent;
    }

    /// <summary>Messages an interrupted run left sending: asks the gateway what became of each attempt.</summary>
    private async Task<int> ReconcileAsync(CancellationToken ct)
    {
        var pending = await db.OutboxMessages.IgnoreQueryFilters(ArisuDbContext.AllOffices)
            .Where(m => m.SentAtUtc == null && m.SendingSinceUtc != null).OrderBy(m => m.Id).Take(200).ToListAsync(ct);
        var sent = 0;
        foreach (var message in pending)
        {
            var status = await sender.LookUpAsync(message.AttemptId!, ct);
            logger.LogInformation("SMS {MessageId} found sending after an interrupted run: the gateway says {Status}", message.Id, status);
            switch (status)
            {
                case SmsAttemptStatus.Sent:
                    message.MarkSent(clock.GetUtcNow().UtcDateTime);
                    await db.SaveChangesAsync(ct);
                    sent++;
                    break;
                case SmsAttemptStatus.NotSent:
                    message.MarkFailed("이전 발송이 중단되어 다시 보냅니다.");
                    await db.SaveChangesAsync(ct);
                    break;
                default:
                    // The same key again: a gateway that got the first request does not deliver it twice.
                    if (await SendAsync(message, ct)) sent++;
                    break;
            }
        }
        return sent;
    }

    /// <summary>Hands the attempt to the gateway and records what it answered; true when sent.</summary>
    private async Task<bool> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        try
        {
            await sender.SendAsync(KoreanPhone.E164(message.ToPhone), message.Body, message.AttemptId!, ct);
            message.MarkSent(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (SmsOutcomeUnknownException)
        {
            // Left sending: the next run asks the gateway.
            logger.LogWarning("SMS {MessageId}: the gateway's answer was lost; reconciled on the next run", message.Id);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            message.MarkFailed(ex.Message);
            // The number and text stay out of the log.
            logger.LogWarning("SMS {MessageId} not sent (attempt {Attempt}): {Error}", message.Id, message.Attempts, ex.GetType().Name);
            await db.SaveChangesAsync(ct);
            return false;
        }
    }
}
