using AriSuTotalService.Domain.Complaints;

namespace AriSuTotalService.Domain.Reports;

/// <summary>
/// The plan's tables, as the office reports them to headquarters: fourteen columns in two fields (the city's catalogue
/// has 39 types; each names the column it is counted in — one of these, or the 기타 of its field), which columns the
/// indoor-entry figure counts, and which complaints the scored reduction is of.
/// </summary>
public static class PlanTable
{
    public static readonly IReadOnlyList<string> BillingColumns =
    [
        ComplaintTypeCodes.NameChange, ComplaintTypeCodes.AutoPayment, ComplaintTypeCodes.LeakFeeReduction, ComplaintTypeCodes.EBilling,
        ComplaintTypeCodes.SupplyTermination, ComplaintTypeCodes.BillingOther,
    ];

    public static readonly IReadOnlyList<string> WorksColumns =
    [
        ComplaintTypeCodes.LeakDiagnosis, ComplaintTypeCodes.OutdoorLeak, ComplaintTypeCodes.SupplyInconvenience, ComplaintTypeCodes.MeterReplacement,
        ComplaintTypeCodes.WaterQualityTest, ComplaintTypeCodes.SupplyWorks, ComplaintTypeCodes.IndoorPiping, ComplaintTypeCodes.WorksOther,
    ];

    /// <summary>The fourteen columns in the plan's order (billing, then works).</summary>
    public static readonly IReadOnlyList<string> Columns = [.. BillingColumns, .. WorksColumns];

    public static bool IsColumn(string? code) => code is not null && Columns.Contains(code);

    /// <summary>The field a column belongs to.</summary>
    public static string FieldOf(string column) => BillingColumns.Contains(column) ? ComplaintFields.Billing : ComplaintFields.Works;

    /// <summary>Where a type of the field that is none of the plan's is counted: the field's 기타.</summary>
    public static string OtherOf(string field) => field == ComplaintFields.Billing ? ComplaintTypeCodes.BillingOther : ComplaintTypeCodes.WorksOther;

    /// <summary>
    /// The plan's indoor entries (실내 출입, 8,926 in 2016): every complaint of these columns — leak diagnoses, water-quality
    /// tests, supply inconvenience — …
    /// </summary>
    public static readonly IReadOnlyList<string> IndoorEntryColumns =
        [ComplaintTypeCodes.LeakDiagnosis, ComplaintTypeCodes.WaterQualityTest, ComplaintTypeCodes.SupplyInconvenience];

    /// <summary>
    /// … and of indoor piping only the advice given on site (옥내급수관 상담, the 790 derived of the same page), not every
    /// indoor-piping complaint (3,703).
    /// </summary>
    public const string IndoorAdviceColumn = ComplaintTypeCodes.IndoorPiping;

    /// <summary>
    /// The reduction headquarters scores: of supply-inconvenience complaints (the plan's 2016 evaluation, "급수불편민원
    /// 감소실적"); the reduction of all complaints is shown beside it.
    /// </summary>
    public const string ScoredReductionColumn = ComplaintTypeCodes.SupplyInconvenience;
}
