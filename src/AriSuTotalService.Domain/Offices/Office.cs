namespace AriSuTotalService.Domain.Offices;

/// <summary>A waterworks office (사업소). Every record belongs to one; an install may hold several.</summary>
public class Office
{
    /// <summary>
    /// A reception number is {year}-{short name}-{six digits} in a column of 30: 12 characters besides the short name
    /// leave 18; the city's offices are known by two or three (남부, 강서), so 10 is the rule.
    /// </summary>
    public const int MaxShortNameLength = 10;

    private Office() { }

    public Office(string name, string shortName, IReadOnlyCollection<string> districts)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("name is required", nameof(name));
        if (string.IsNullOrWhiteSpace(shortName)) throw new ArgumentException("short name is required", nameof(shortName));
        if (shortName.Trim().Length > MaxShortNameLength)
            throw new ArgumentException($"the short name is at most {MaxShortNameLength} characters (it stands in every reception number)", nameof(shortName));
        Name = name.Trim();
        ShortName = shortName.Trim();
        Districts = string.Join(',', districts.Select(d => d.Trim()));
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>Used in reception numbers, e.g. 남부 in 2017-남부-000123.</summary>
    public string ShortName { get; private set; } = "";
    /// <summary>Comma-separated district (구) names the office serves.</summary>
    public string Districts { get; private set; } = "";

    public IReadOnlyList<string> DistrictList =>
        Districts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
