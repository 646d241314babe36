namespace AriSuTotalService.Infrastructure.Data;

/// <summary>
/// An office-owned record was queried with nobody of an office acting: the code must either act for one office
/// (<see cref="ArisuDbContext.ActFor"/>) or say by name that it spans offices
/// (<c>IgnoreQueryFilters(ArisuDbContext.AllOffices)</c>).
/// </summary>
public sealed class OfficeScopeMissingException()
    : InvalidOperationException("office-owned data queried with no office acting: act for an office, or ignore the \"office\" filter by name");
