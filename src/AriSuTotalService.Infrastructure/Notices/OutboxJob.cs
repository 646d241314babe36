using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Infrastructure.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AriSuTotalService.Infrastructure.Notices;

/// <summary>
/// Sends text messages to citizens. The default implementation sends nothing outside: the outbox row itself is the
/// message history (관리 › 문자 발송 내역). A real SMS gateway is one class implementing this interface, registered
/// instead of the default; it throws when the gateway refuses, and the outbox retries.
/// </summary>
public interface ISmsSender
{
    Task SendAsync(string toPhone, string body, CancellationToken ct);
}

public sealed class HistoryOnlySmsSender : ISmsSender
{
    public Task SendAsync(string toPhone, string body, CancellationToken ct) => Task.CompletedTask;
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
        // One outbox for the whole city: the job sends every office's messages.
        var batch = await db.OutboxMessages.IgnoreQueryFilters(ArisuDbContext.AllOffices).Where(m => m.SentAtUtc == null && m.Attempts < MaxAttempts)
            .OrderBy(m => m.CreatedAtUtc).ThenBy(m => m.Id).Take(200).ToListAsync(ct);
        var sent = 0;
        foreach (var message in batch)
        {
            try
            {
                await sender.SendAsync(KoreanPhone.E164(message.ToPhone), message.Body, ct);
                message.MarkSent(clock.GetUtcNow().UtcDateTime);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.MarkFailed(ex.Message);
                // The number and text stay out of the log.
                logger.LogWarning("SMS {MessageId} not sent (attempt {Attempt}): {Error}", message.Id, message.Attempts, ex.GetType().Name);
            }
            await db.SaveChangesAsync(ct);
        }
        return sent;
    }
}
