namespace AriSuTotalService.Domain.Customers;

/// <summary>Water use types; the Korean names are the stored values (CONTRACTS.md).</summary>
public static class UseTypes
{
    public const string Household = "가정용";
    public const string General = "일반용";
    public const string BathHouse = "욕탕용";

    public static readonly IReadOnlyList<string> All = [Household, General, BathHouse];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value);
}
