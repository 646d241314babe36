namespace AriSuTotalService.Domain.Offices;

/// <summary>Divisions of an office; the Korean names are the stored values (CONTRACTS.md).</summary>
public static class Divisions
{
    public const string AdministrativeSupport = "행정지원과";
    public const string FieldComplaints = "현장민원과";
    public const string Billing = "요금과";
    public const string WaterSupplyOperations = "급수운영과";
    public const string FacilitiesManagement = "시설관리과";
    public const string WaterQualityTeam = "수질팀";

    public static readonly IReadOnlyList<string> All =
    [
        AdministrativeSupport, FieldComplaints, Billing, WaterSupplyOperations, FacilitiesManagement, WaterQualityTeam,
    ];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value);
}
