namespace AriSuTotalService.Domain.Common;

/// <summary>Records who created and last changed a row; filled in by the infrastructure on save.</summary>
public interface IAuditable
{
    DateTime CreatedAtUtc { get; set; }
    string? CreatedBy { get; set; }
    DateTime? UpdatedAtUtc { get; set; }
    string? UpdatedBy { get; set; }
}

/// <summary>
/// An editable case carries an application-managed concurrency token: a new value is written on every
/// save, and a save whose token no longer matches the stored one is refused (works on SQL Server and SQLite alike).
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
