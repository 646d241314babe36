namespace AriSuTotalService.Domain.Offices;

/// <summary>A waterworks office (사업소). Every record belongs to one; an install may hold several.</summary>
public class Office
{
    private Office() { }

    public Office(string name, string shortName, IReadOnlyCollection<string> districts)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("name is required", nameof(name));
        if (string.IsNullOrWhiteSpace(shortName)) throw new ArgumentException("short name is required", nameof(shortName));
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
