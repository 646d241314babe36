namespace AriSuTotalService.Domain.Offices;

/// <summary>The roles of CONTRACTS.md.</summary>
public static class Roles
{
    public const string IntakeClerk = "IntakeClerk";
    public const string FieldStaff = "FieldStaff";
    public const string BillingClerk = "BillingClerk";
    public const string SectionChief = "SectionChief";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All = [IntakeClerk, FieldStaff, BillingClerk, SectionChief, Administrator];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value);
}
