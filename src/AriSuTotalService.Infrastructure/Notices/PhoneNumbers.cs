using PhoneNumbers;

namespace AriSuTotalService.Infrastructure.Notices;

/// <summary>
/// Korean phone numbers read in one place (intake, Open311, imports, text messages) by libphonenumber: a number as
/// people write it — 010-1234-5678, 02 2600 0002, 1588-1234 (대표번호), 0505-123-4567 (평생번호), +82 10-1234-5678 —
/// is valid when the numbering plan says so; it is kept in the national form ("010-1234-5678") and handed to the SMS
/// gateway in E.164 ("+821012345678").
/// </summary>
public static class KoreanPhone
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
