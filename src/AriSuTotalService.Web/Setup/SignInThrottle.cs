using System.Collections.Concurrent;

namespace AriSuTotalService.Web.Setup;

/// <summary>
/// Sign-in attempts per account (an office shares one public address, so the per-address limit alone would lock a
/// whole office out or let one account be guessed slowly): at most <see cref="Limit"/> attempts per account in
/// <see cref="Window"/>. Identity's lockout (5 failures) still applies on top, in the database.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IConfiguration config)
{
    /// <summary><c>Security__SignInAttemptsPerAccount</c>, default 10.</summary>
    public int Limit { get; } = config.GetValue("Security:SignInAttemptsPerAccount", 10);
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _attempts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Counts an attempt; false when the account has had too many lately.</summary>
    public bool TryAttempt(string account)
    {
        var now = clock.GetUtcNow();
        var queue = _attempts.GetOrAdd(account.Trim(), _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            while (queue.Count > 0 && now - queue.Peek() > Window) queue.Dequeue();
            if (queue.Count >= Limit) return false;
            queue.Enqueue(now);
            return true;
        }
    }
}
