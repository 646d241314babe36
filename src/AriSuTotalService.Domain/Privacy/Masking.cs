using System.Text;
using System.Text.RegularExpressions;

namespace AriSuTotalService.Domain.Privacy;

/// <summary>
/// The one masking rule set for personal data (개인정보 비식별 표시), used by every list, export and API answer
/// unless the role needs the full value: name 홍*동, phone 010-****-1234, address down to the dong.
/// </summary>
public static partial class Masking
{
    /// <summary>Keeps the first and last character: 홍길동 → 홍*동, 남궁민수 → 남**수, 김수 → 김*.</summary>
    public static string Name(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var s = name.Trim();
        var chars = s.EnumerateRunes().Select(r => r.ToString()).ToList();
        if (chars.Count == 1) return "*";
        if (chars.Count == 2) return chars[0] + "*";
        return chars[0] + new string('*', chars.Count - 2) + chars[^1];
    }

    /// <summary>Hides the middle group: 010-1234-5678 → 010-****-5678; 0226300100 → 02-****-0100.</summary>
    public static string Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return "";
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        // +82 10-1234-5678 is 010-1234-5678 (the country code stands for the leading 0).
        if (phone.TrimStart().StartsWith('+') && digits.StartsWith("82", StringComparison.Ordinal)) digits = "0" + digits[2..];
        if (digits.Length < 7) return new string('*', digits.Length);
        var last = digits[^4..];
        var prefixLength = digits.StartsWith("02", StringComparison.Ordinal) ? 2 : 3;
        var prefix = digits[..prefixLength];
        return $"{prefix}-****-{last}";
    }

    /// <summary>An e-mail address with its local part cut to its first letter: "hong@example.kr" → "h***@example.kr".</summary>
    public static string Email(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return "";
        var at = email.LastIndexOf('@');
        return at <= 0 ? "***" : $"{email[0]}***{email[at..]}";
    }

    /// <summary>
    /// Down to the dong (or, without one, the district): "서울특별시 관악구 관악로 12" with dong 봉천동 → "서울특별시 관악구 봉천동".
    /// </summary>
    public static string Address(string? address, string? dong, string? district)
    {
        var parts = new List<string>();
        var city = address is null ? null : CityPattern().Match(address) is { Success: true } m ? m.Value : null;
        if (city is not null) parts.Add(city);
        if (!string.IsNullOrWhiteSpace(district)) parts.Add(district.Trim());
        if (!string.IsNullOrWhiteSpace(dong)) parts.Add(dong.Trim());
        if (parts.Count == 0) return "";
        var sb = new StringBuilder();
        return sb.AppendJoin(' ', parts).ToString();
    }

    /// <summary>Free text may hold a phone number: every phone-shaped number in it is masked.</summary>
    public static string FreeText(string? text) =>
        string.IsNullOrEmpty(text) ? "" : PhoneInText().Replace(text, m => Phone(m.Value));

    [GeneratedRegex(@"^\S+(특별시|광역시|특별자치시|도|특별자치도)")]
    private static partial Regex CityPattern();

    [GeneratedRegex(@"0\d{1,2}[-\s.]?\d{3,4}[-\s.]?\d{4}")]
    private static partial Regex PhoneInText();
}
