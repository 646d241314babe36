namespace AriSuTotalService.Domain.Offices;

/// <summary>
/// A record that belongs to one office. Every such entity is under the "office" query filter of the data layer: a
/// query sees only the acting office's rows unless it names the filter to ignore it.
/// </summary>
public interface IOfficeOwned
{
    int OfficeId { get; }
}
