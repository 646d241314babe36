using System.Security.Cryptography;
using System.Text;

namespace AriSuTotalService.Domain.Integrations;

/// <summary>An integration key. Only its SHA-256 hash is stored; the key itself is shown once when created.</summary>
public class ApiKey : Offices.IOfficeOwned
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
    /// <summary>Registers complaints through <c>POST /api/v1/complaints</c> (a call centre, another office system).</summary>
    public const string Complaints = "complaints";
    public static readonly IReadOnlyList<string> All = [Import, Scans, Reports, Open311, Complaints];

    /// <summary>What a scope lets a key do, in words (the resource key of the text).</summary>
    public static string Describe(string scope) => scope switch
    {
        Import => "수용가·검침·민원 이력·만족도 답변 파일 가져오기",
        Scans => "사용량 격증 검사 실행과 결과 조회",
        Reports => "실적 수치 조회",
        Open311 => "Open311로 시민 민원 접수와 의견 등록",
        Complaints => "다른 시스템에서 민원 접수 (POST /api/v1/complaints)",
        _ => scope,
    };
}
