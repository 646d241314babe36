namespace AriSuTotalService.Domain.Offices;

/// <summary>Settings administrators change at run time (thresholds…), one row per office and key.</summary>
public class AppSetting : IOfficeOwned
{
    public int OfficeId { get; set; }
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}
