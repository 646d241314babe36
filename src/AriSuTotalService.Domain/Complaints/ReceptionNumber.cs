using System.Globalization;
using System.Text.RegularExpressions;

namespace AriSuTotalService.Domain.Complaints;

/// <summary>Reception number <c>{year}-{office short name}-{six digits}</c>, e.g. 2017-남부-000123.</summary>
public static partial class ReceptionNumber
{
    public static string Format(int year, string officeShortName, int sequence)
    {
        if (sequence is < 1 or > 999_999) throw new ArgumentOutOfRangeException(nameof(sequence));
        return string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{officeShortName}-{sequence:000000}");
    }

    public static bool TryParse(string? value, out int year, out string officeShortName, out int sequence)
    {
        year = 0;
        sequence = 0;
        officeShortName = "";
        if (value is null) return false;
        var m = Pattern().Match(value.Trim());
        if (!m.Success) return false;
        year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        officeShortName = m.Groups[2].Value;
        sequence = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        return sequence > 0;
    }

    [GeneratedRegex(@"^(\d{4})-([^\s-]+)-(\d{6})$")]
    private static partial Regex Pattern();
}
