using PhoneNumbers;

namespace AriSuTotalService.Infrastructure.Notices;

/// <summary>
/// Korean phone numbers read in one place (intake, Open311, imports, text messages) by libphonenumber: a number as
/// people write it — 010-1234-5678, 02 2600 0002, 1588-1234 (대표번호), 0505-123-4567 (평생번호), +82 10-1234-5678 —
/// is valid when the numbering plan says so; it is kept in the national form ("010-1234-5678") and handed to the SMS
/// gateway in E.164 ("+821012345678").
/// </summary>
public static partial class KoreanPhone
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static bool TryParse(string? text, out string national, out string e164)
    {
        national = e164 = "";
        if (Valid(text) is not { } number) return false;
        national = Util.Format(number, PhoneNumberFormat.NATIONAL);
        e164 = Util.Format(number, PhoneNumberFormat.E164);
        return true;
    }

    /// <summary>The number the numbering plan knows, or null.</summary>
    private static PhoneNumber? Valid(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 30) return null;
        try
        {
            var number = Util.Parse(text.Trim(), "KR");
            return number.CountryCode == 82 && Util.IsValidNumber(number) ? number : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>
    /// A number the numbering plan knows, or a mobile number (010, 011, 016–019 and the length of one) that it does not
    /// know yet — 010-5970-3970 is such a number: it exists, the plan's data lags behind the ranges given out. Systems of
    /// record (billing) and callers keep such numbers as written; nothing is texted to them.
    /// </summary>
    public static bool IsPossible(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 30) return false;
        if (Valid(text) is not null) return true;
        try
        {
            var number = Util.Parse(text.Trim(), "KR");
            return number.CountryCode == 82 && Util.IsPossibleNumberForType(number, PhoneNumberType.MOBILE)
                && MobilePrefix().IsMatch(Util.GetNationalSignificantNumber(number));
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^1[016-9]\d{7,8}$")]
    private static partial System.Text.RegularExpressions.Regex MobilePrefix();

    /// <summary>The resource key of the text that explains a number without one.</summary>
    public const string NoNumber = "전화번호가 없어 문자를 보낼 수 없습니다.";
    public const string UnknownToPlan = "번호 체계에 없는 번호라 문자를 보낼 수 없습니다 (적힌 그대로 보관합니다).";
    public const string NotMobile = "휴대전화 번호가 아니라 문자를 보낼 수 없습니다.";

    /// <summary>
    /// Why a text cannot go to this number (a resource key), or null when it can: a mobile number the numbering plan
    /// knows. Landlines, 대표번호 and numbers the plan does not know are kept and shown, but never texted.
    /// </summary>
    public static string? WhyNotTextable(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return NoNumber;
        if (Valid(text) is not { } number) return UnknownToPlan;
        return Util.GetNumberType(number) is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE ? null : NotMobile;
    }

    public static bool CanText(string? text) => WhyNotTextable(text) is null;

    /// <summary>The national form of a valid number, else the text as it was.</summary>
    public static string National(string text) => TryParse(text, out var national, out _) ? national : text.Trim();

    /// <summary>The E.164 form for a gateway, else the text as it was (a stored number the plan no longer knows).</summary>
    public static string E164(string text) => TryParse(text, out _, out var e164) ? e164 : text;

    /// <summary>
    /// A <c>tel:</c> URI as RFC 3966 writes a global number ("tel:+82-10-1234-5678"): a national number without its
    /// country would need a <c>phone-context</c>. A number the plan does not know keeps its digits only.
    /// </summary>
    public static string TelUri(string text) =>
        Valid(text) is { } number
            // INTERNATIONAL is "+82 10-1234-5678"; RFC 3966 takes "-" as its visual separator, never a space.
            ? "tel:" + Util.Format(number, PhoneNumberFormat.INTERNATIONAL).Replace(' ', '-')
            : "tel:" + new string(text.Where(ch => char.IsAsciiDigit(ch) || ch == '+').ToArray());
}
