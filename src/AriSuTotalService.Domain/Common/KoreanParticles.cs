using System.Text.RegularExpressions;

namespace AriSuTotalService.Domain.Common;

/// <summary>
/// Korean particles chosen by the word before them: a message written "{0}을(를)" reads "부서를" or "기한을" once the
/// value is in. The pairs 을/를, 이/가, 은/는, 과/와 and (으)로 follow the last syllable's final consonant (받침);
/// 로 also follows ㄹ. After a digit or a Latin letter the word's Korean reading decides (1 일, 2 이, L 엘, …).
/// </summary>
public static partial class KoreanParticles
{
    /// <summary>The text with each written-out pair replaced by the particle its word takes.</summary>
    public static string Fix(string text)
    {
        if (text.IndexOf('(') < 0) return text;
        return Pair().Replace(text, m =>
        {
            var before = m.Groups["word"].Value;
            var final = FinalConsonant(before[^1]);
            return before + m.Groups["pair"].Value switch
            {
                "을(를)" or "를(을)" => final is null ? "를" : "을",
                "이(가)" or "가(이)" => final is null ? "가" : "이",
                "은(는)" or "는(은)" => final is null ? "는" : "은",
                "과(와)" or "와(과)" => final is null ? "와" : "과",
                _ => final is null or 8 ? "로" : "으로", // (으)로: 로 after a vowel or ㄹ (final index 8)
            };
        });
    }

    /// <summary>The final consonant's index (1–27) of the syllable the character is read as, or null when it ends in a vowel.</summary>
    private static int? FinalConsonant(char c)
    {
        if (c is >= '\uAC00' and <= '\uD7A3')
        {
            var final = (c - 0xAC00) % 28;
            return final == 0 ? null : final;
        }
        // Digits as read: 영, 일, 이, 삼, 사, 오, 육, 칠, 팔, 구 (ㅇ 21, ㄹ 8, ㅁ 16, ㄱ 1).
        if (char.IsAsciiDigit(c)) return c switch { '0' => 21, '1' => 8, '3' => 16, '6' => 1, '7' => 8, '8' => 8, _ => null };
        // Letters as read: 엘, 엠, 엔, 알 end in a consonant; the others in a vowel.
        return char.ToUpperInvariant(c) switch { 'L' or 'R' => 8, 'M' => 16, 'N' => 4, _ => null };
    }

    [GeneratedRegex(@"(?<word>[\uAC00-\uD7A3A-Za-z0-9])(?<pair>을\(를\)|를\(을\)|이\(가\)|가\(이\)|은\(는\)|는\(은\)|과\(와\)|와\(과\)|\(으\)로)")]
    private static partial Regex Pair();
}
