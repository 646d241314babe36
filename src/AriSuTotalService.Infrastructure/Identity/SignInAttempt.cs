using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AriSuTotalService.Infrastructure.Identity;

/// <summary>
/// One sign-in attempt (the account as typed, normalised, and the address it came from), kept for the limits'
/// windows only. In the database so that every web node counts the same attempts.
/// </summary>
public class SignInAttempt
{
    private SignInAttempt() { }

    public SignInAttempt(string account, string ipAddress, DateTime atUtc)
    {
        Account = account;
        IpAddress = ipAddress;
        AtUtc = atUtc;
    }

    public long Id { get; private set; }
    public string Account { get; private set; } = "";
    public string IpAddress { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
}

public sealed class SignInThrottle(Data.ArisuDbContext db, TimeProvider clock, Microsoft.Extensions.Configuration.IConfiguration config)
{
    public static readonly TimeSpan AccountWindow = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan AddressWindow = TimeSpan.FromMinutes(1);

    public int AccountLimit { get; } = ReadLimit(config, "Security:SignInAttemptsPerAccount", 10);
    public int AddressLimit { get; } = ReadLimit(config, "Security:SignInAttemptsPerAddress", 60);

    /// <summary>At start: a limit that is set must be a whole number from 1 (the throttle would otherwise fall back silently).</summary>
    public static void CheckSettings(Microsoft.Extensions.Configuration.IConfiguration config)
    {
        var problems = new[] { "Security:SignInAttemptsPerAccount", "Security:SignInAttemptsPerAddress" }
            .Where(key => config[key] is { Length: > 0 } v
                && !(int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0))
            .Select(key => $"{Settings.Variable(key)} must be a whole number from 1, not '{config[key]}'.").ToList();
        if (problems.Count > 0) throw new SettingsException(problems);
    }

    private static int ReadLimit(Microsoft.Extensions.Configuration.IConfiguration config, string key, int fallback) =>
        config[key] is { Length: > 0 } v && int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : fallback;

    public enum Verdict { Allowed, AccountLimited, AddressLimited }

    /// <summary>Counts an attempt unless a limit is already reached; the attempt is stored at once.</summary>
    public async Task<Verdict> TryAttemptAsync(string account, string? ipAddress, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var key = account.Trim().ToUpperInvariant();
        if (key.Length > 256) key = key[..256];
        var ip = ipAddress ?? "unknown";
        await db.SignInAttempts.Where(a => a.AtUtc < now - AccountWindow).ExecuteDeleteAsync(ct);
        var addressSince = now - AddressWindow;
        if (await db.SignInAttempts.CountAsync(a => a.IpAddress == ip && a.AtUtc > addressSince, ct) >= AddressLimit)
            return Verdict.AddressLimited;
        var accountSince = now - AccountWindow;
        if (await db.SignInAttempts.CountAsync(a => a.Account == key && a.AtUtc > accountSince, ct) >= AccountLimit)
            return Verdict.AccountLimited;
        db.SignInAttempts.Add(new SignInAttempt(key, ip, now));
        await db.SaveChangesAsync(ct);
        return Verdict.Allowed;
    }
}
