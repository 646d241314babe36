namespace AriSuTotalService.Domain.Complaints;

/// <summary>Complaint type codes of CONTRACTS.md.</summary>
public static class ComplaintTypeCodes
{
    public const string NameChange = "NAME_CHANGE";
    public const string AutoPayment = "AUTO_PAYMENT";
    public const string LeakFeeReduction = "LEAK_FEE_REDUCTION";
    public const string EBilling = "E_BILLING";
    public const string SupplyTermination = "SUPPLY_TERMINATION";
    public const string BillingOther = "BILLING_OTHER";
    public const string LeakDiagnosis = "LEAK_DIAGNOSIS";
    public const string OutdoorLeak = "OUTDOOR_LEAK";
    public const string SupplyInconvenience = "SUPPLY_INCONVENIENCE";
    public const string MeterReplacement = "METER_REPLACEMENT";
    public const string WaterQualityTest = "WATER_QUALITY_TEST";
    public const string SupplyWorks = "SUPPLY_WORKS";
    public const string IndoorPiping = "INDOOR_PIPING";

    /// <summary>
    /// The plan's four citizen-inconvenience types (4대 시민불편 민원): the proactive rate and every figure headquarters
    /// scores count these, whatever an administrator's catalogue flag says (the flag may add types to office views only).
    /// </summary>
    public static readonly IReadOnlyList<string> TotalService = [LeakDiagnosis, LeakFeeReduction, SupplyInconvenience, WaterQualityTest];
    public const string WorksOther = "WORKS_OTHER";

}

/// <summary>The two fields of the complaint catalogue.</summary>
public static class ComplaintFields
{
    public const string Billing = "billing";
    public const string Works = "works";
    public static readonly IReadOnlyList<string> All = [Billing, Works];

    /// <summary>The field's name as the office writes it (요금, 공사); empty for a total across fields.</summary>
    public static string Korean(string field) => field switch { Billing => "요금", Works => "공사", _ => "" };
}

/// <summary>How a complaint reached the office (CONTRACTS.md).</summary>
public static class Channels
{
    public const string Phone = "phone";
    public const string Visit = "visit";
    public const string Web = "web";
    /// <summary>The office acted first (선제적).</summary>
    public const string Proactive = "proactive";
    /// <summary>An extra problem found by asking at intake or on site, registered as staff work (직원 민원업무).</summary>
    public const string Derived = "derived";

    public static readonly IReadOnlyList<string> All = [Phone, Visit, Web, Proactive, Derived];
    public static readonly IReadOnlyList<string> CitizenApplied = [Phone, Visit, Web];
    public static readonly IReadOnlyList<string> OfficeInitiated = [Proactive, Derived];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value);
}

/// <summary>Complaint statuses (CONTRACTS.md).</summary>
public static class ComplaintStatuses
{
    public const string Received = "received";
    public const string Scheduled = "scheduled";
    public const string Visited = "visited";
    public const string Transferred = "transferred";
    public const string Resolved = "resolved";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Received, Scheduled, Visited, Transferred, Resolved, Cancelled];
    public static readonly IReadOnlyList<string> Open = [Received, Scheduled, Visited, Transferred];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value);
}

/// <summary>Who is calling, when it is not the account holder.</summary>
public static class CallerRelations
{
    public const string Family = "family";
    public const string Tenant = "tenant";
    public const string BuildingManager = "building_manager";
    public const string Other = "other";
    public static readonly IReadOnlyList<string> All = [Family, Tenant, BuildingManager, Other];
}

/// <summary>What a complaint's timeline entry records (<c>ComplaintEvent.Kind</c>).</summary>
public static class ComplaintEventKinds
{
    public const string Received = "received";
    public const string Linked = "linked";
    public const string Assigned = "assigned";
    public const string Scheduled = "scheduled";
    public const string Unscheduled = "unscheduled";
    public const string Visited = "visited";
    public const string Transferred = "transferred";
    public const string TransferResult = "transfer_result";
    public const string Resolved = "resolved";
    public const string Cancelled = "cancelled";
    public const string Extended = "extended";
    public const string Paused = "paused";
    public const string Resumed = "resumed";
    public const string ReductionExists = "reduction_exists";
    public const string ReductionRepaired = "reduction_repaired";
    public const string ReductionReversed = "reduction_reversed";
    public const string CitizenComment = "citizen_comment";
    /// <summary>A visit arrived at on another day than booked, with the worker's reason.</summary>
    public const string ArrivedOtherDay = "arrived_other_day";

    public static readonly IReadOnlyList<string> All = [Received, Linked, Assigned, Scheduled, Unscheduled, Visited, Transferred, TransferResult, Resolved, Cancelled, Extended, Paused, Resumed, ReductionExists, ReductionRepaired, ReductionReversed, CitizenComment, ArrivedOtherDay];

    /// <summary>The entries a citizen may read (Open311 updates).</summary>
    public static readonly IReadOnlyList<string> Public =
        [Received, Scheduled, Visited, Transferred, TransferResult, Resolved, Cancelled, Extended, Paused, Resumed, CitizenComment];
}
