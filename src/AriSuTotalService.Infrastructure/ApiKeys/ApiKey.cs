using System.Security.Cryptography;
using System.Text;

namespace AriSuTotalService.Infrastructure.ApiKeys;

/// <summary>An integration key. Only its SHA-256 hash is stored; the key itself is shown once when created.</summary>
public class ApiKey : Domain.Offices.IOfficeOwned
{
    private ApiKey() { }

    public ApiKey(int officeId, string name, string key, IEnumerable<string> scopes, string createdBy, DateTime atUtc)
    {
        var list = scopes.Distinct().ToList();
        if (list.Count == 0 || list.Any(s => !ApiKeyScopes.All.Contains(s)))
            throw new ArgumentException("unknown or missing scope", nameof(scopes));
        OfficeId = officeId;
        Name = name;
        Hash = HashOf(key);
        Prefix = key.Length > 6 ? key[..6] : key;
        Scopes = string.Join(',', list);
        CreatedBy = createdBy;
        CreatedAtUtc = atUtc;
    }

    public int Id { get; private set; }
    public int OfficeId { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>First characters of the key, to recognise it in lists.</summary>
    public string Prefix { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public string Scopes { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? RevokedAtUtc { get; private set; }
    public DateTime? LastUsedAtUtc { get; private set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public void Revoke(DateTime atUtc) => RevokedAtUtc ??= atUtc;

    public static string HashOf(string key) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new random key: 32 bytes, URL-safe.</summary>
    public static string NewKey() =>
        "arisu_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>API key scopes (CONTRACTS.md).</summary>
public static class ApiKeyScopes
{
    public const string Import = "import";
    public const string Scans = "scans";
    public const string Reports = "reports";
    public const string Open311 = "open311";
    public static readonly IReadOnlyList<string> All = [Import, Scans, Reports, Open311];
}
