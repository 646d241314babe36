using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Common;

namespace AriSuTotalService.Domain.Reductions;

public static class ReductionStatuses
{
    /// <summary>The leak period's reading has not been imported yet; the case completes itself when it is.</summary>
    public const string AwaitingReading = "awaiting_reading";
    /// <summary>Computed (or waiting for the reviewer to choose the normal basis): for the billing clerk.</summary>
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    /// <summary>An approved reduction taken back; when it had been exported, a cancellation entry goes on the next export.</summary>
    public const string Reversed = "reversed";

    public static readonly IReadOnlyList<string> All = [AwaitingReading, Pending, Approved, Rejected, Reversed];

    public static string Label(string status) => status switch
    {
        AwaitingReading => "검침 대기",
        Pending => "검토 대기",
        Approved => "승인",
        Rejected => "반려",
        Reversed => "승인 취소",
        _ => status,
    };
}

public static class ReductionSources
{
    /// <summary>Opened by the system when a visit recorded a leak found and repaired.</summary>
    public const string Visit = "visit";
    /// <summary>A citizen applied with a plumber's receipt.</summary>
    public const string Application = "application";
}

/// <summary>A leak fee reduction case (누수요금감면): the leak period, the normal basis, the working, the review and the export.</summary>
public class LeakReduction : IAuditable, IVersioned, IOfficeOwned
{
    private LeakReduction() { }

    public LeakReduction(int officeId, long customerId, long complaintId, string source, DateOnly leakDate, string recordedBy,
        long? diagnosisComplaintId, long? visitId, long? surgeCaseId)
    {
        OfficeId = officeId;
        CustomerId = customerId;
        ComplaintId = complaintId;
        Source = source;
        LeakDate = leakDate;
        LeakRecordedBy = recordedBy;
        DiagnosisComplaintId = diagnosisComplaintId;
        VisitId = visitId;
        SurgeCaseId = surgeCaseId;
        Status = ReductionStatuses.AwaitingReading;
    }

    public long Id { get; private set; }
    public int OfficeId { get; private set; }
    public long CustomerId { get; private set; }
    /// <summary>The LEAK_FEE_REDUCTION complaint this case belongs to.</summary>
    public long ComplaintId { get; private set; }
    public string Source { get; private set; } = ReductionSources.Visit;
    /// <summary>The day the leak was found and repaired: its reading period is the leak period unless the reviewer picks another.</summary>
    public DateOnly LeakDate { get; private set; }
    /// <summary>Who recorded the leak (the visitor, or the clerk who took the application): may not approve it.</summary>
    public string LeakRecordedBy { get; private set; } = "";
    public long? DiagnosisComplaintId { get; private set; }
    public long? VisitId { get; private set; }
    public long? SurgeCaseId { get; private set; }
    public string Status { get; private set; } = ReductionStatuses.AwaitingReading;

    public DateOnly? LeakPeriodStart { get; private set; }
    public DateOnly? LeakPeriodEnd { get; private set; }
    public string? Basis { get; private set; }
    /// <summary>Period ends of the readings the normal usage comes from (one or two).</summary>
    public DateOnly? NormalEnd1 { get; private set; }
    public DateOnly? NormalEnd2 { get; private set; }
    /// <summary>Why the reviewer picked another leak period or normal basis.</summary>
    public string? AdjustReason { get; private set; }
    /// <summary>Who picked them: that person may not also approve the case (four eyes on every amount).</summary>
    public string? AdjustedBy { get; private set; }

    public long? LeakVolumeM3 { get; private set; }
    public long WaterWon { get; private set; }
    public long SewerWon { get; private set; }
    public long LevyWon { get; private set; }
    public long TotalWon { get; private set; }
    /// <summary>The working as computed (JSON), so an approved amount never changes when a tariff row does.</summary>
    public string? WorkingJson { get; private set; }
    /// <summary>Set when the working leaves nothing to reduce: approval is refused with it.</summary>
    public string? ProposedRejection { get; private set; }

    public string? DecisionReason { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public long? ExportBatchId { get; private set; }
    public DateTime? ExportedAtUtc { get; private set; }
    public string? ReversalReason { get; private set; }
    public string? ReversedBy { get; private set; }
    public DateTime? ReversedAtUtc { get; private set; }
    public long? ReversalBatchId { get; private set; }

    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public Guid Version { get; set; }

    public bool IsComputed => WorkingJson is not null;
    public bool CanChange => Status is ReductionStatuses.AwaitingReading or ReductionStatuses.Pending;

    public const int MaxRepairEvidenceLength = 300;

    /// <summary>The day the leak was repaired (a leak found but left for the citizen's plumber: null until recorded).</summary>
    public DateOnly? RepairedOn { get; private set; }
    /// <summary>What shows the repair: repaired on the visit, the plumber's receipt, the follow-up visit.</summary>
    public string? RepairEvidence { get; private set; }

    /// <summary>The repair, with its evidence; needed before the reduction can be approved.</summary>
    public void RecordRepair(DateOnly date, string evidence)
    {
        if (!CanChange) throw new DomainException("이미 결정된 감면 건은 바꿀 수 없습니다.");
        if (date < LeakDate) throw new DomainException("수리일은 누수를 발견한 날보다 앞설 수 없습니다.");
        if (string.IsNullOrWhiteSpace(evidence)) throw new DomainException("수리 증빙(업체, 영수증, 재방문 확인 등)을 입력하세요.");
        RepairedOn = date;
        RepairEvidence = Common.Text.Fit(evidence.Trim(), MaxRepairEvidenceLength);
    }

    /// <summary>The leak period found (by the rule or the reviewer), with or without a normal basis yet.</summary>
    public void SetLeakPeriod(DateOnly start, DateOnly end)
    {
        EnsureChangeable();
        LeakPeriodStart = start;
        LeakPeriodEnd = end;
        Status = ReductionStatuses.Pending;
    }

    /// <summary>Stores a working; with a reason and the reviewer when a reviewer chose the periods.</summary>
    public void Apply(ReductionWorking working, string workingJson, string? adjustReason, string? adjustedBy = null)
    {
        EnsureChangeable();
        LeakPeriodStart = working.Leak.Start;
        LeakPeriodEnd = working.Leak.End;
        Basis = working.Basis;
        NormalEnd1 = working.Normal.Count > 0 ? working.Normal[0].End : null;
        NormalEnd2 = working.Normal.Count > 1 ? working.Normal[1].End : null;
        if (adjustReason is not null)
        {
            AdjustReason = adjustReason.Trim();
            AdjustedBy = adjustedBy ?? throw new ArgumentNullException(nameof(adjustedBy), "a changed period names who changed it");
        }
        LeakVolumeM3 = working.LeakVolumeM3;
        WaterWon = working.Charges.Single(c => c.Charge == Charges.Water).ReductionWon;
        SewerWon = working.Charges.Single(c => c.Charge == Charges.Sewer).ReductionWon;
        LevyWon = working.Charges.Single(c => c.Charge == Charges.Levy).ReductionWon;
        TotalWon = working.TotalWon;
        WorkingJson = workingJson;
        ProposedRejection = working.RejectionReason;
        Status = ReductionStatuses.Pending;
    }

    /// <summary>Four eyes: whoever recorded the leak or changed the period does not approve the reduction.</summary>
    public bool MayBeApprovedBy(string by) =>
        !string.Equals(by, LeakRecordedBy, StringComparison.OrdinalIgnoreCase)
        && !(AdjustedBy is not null && string.Equals(by, AdjustedBy, StringComparison.OrdinalIgnoreCase));

    public void Approve(string by, DateTime atUtc)
    {
        if (Status != ReductionStatuses.Pending) throw new DomainException("검토 대기 중인 건만 승인할 수 있습니다.");
        if (!IsComputed) throw new DomainException("정상 사용량 기준을 정해 감면액을 계산한 뒤에 승인할 수 있습니다.");
        if (ProposedRejection is not null) throw new DomainException(ProposedRejection);
        if (RepairedOn is null) throw new DomainException("수리를 확인하기 전에는 승인할 수 없습니다. 수리일과 증빙을 먼저 기록하세요.");
        if (string.Equals(by, LeakRecordedBy, StringComparison.OrdinalIgnoreCase))
            throw new DomainException("누수를 기록한 직원은 그 감면을 승인할 수 없습니다. 다른 요금과 직원이 승인해야 합니다.");
        if (AdjustedBy is not null && string.Equals(by, AdjustedBy, StringComparison.OrdinalIgnoreCase))
            throw new DomainException("기간을 바꾼 직원은 그 감면을 승인할 수 없습니다. 다른 요금과 직원이 승인해야 합니다.");
        Status = ReductionStatuses.Approved;
        DecidedBy = by;
        DecidedAtUtc = atUtc;
    }

    public void Reject(string reason, string by, DateTime atUtc)
    {
        if (!CanChange) throw new DomainException("이미 결정된 건입니다.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("반려 사유를 입력하세요.");
        Status = ReductionStatuses.Rejected;
        DecisionReason = reason.Trim();
        DecidedBy = by;
        DecidedAtUtc = atUtc;
    }

    public void MarkExported(long batchId, DateTime atUtc)
    {
        if (Status != ReductionStatuses.Approved || ExportBatchId is not null) throw new DomainException("이미 내보낸 건입니다.");
        ExportBatchId = batchId;
        ExportedAtUtc = atUtc;
    }

    /// <summary>Takes an approval back; once exported, the cancellation goes on the next export.</summary>
    public void Reverse(string reason, string by, DateTime atUtc)
    {
        if (Status != ReductionStatuses.Approved) throw new DomainException("승인된 건만 승인 취소할 수 있습니다.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("승인 취소 사유를 입력하세요.");
        Status = ReductionStatuses.Reversed;
        ReversalReason = reason.Trim();
        ReversedBy = by;
        ReversedAtUtc = atUtc;
    }

    public void MarkReversalExported(long batchId)
    {
        if (Status != ReductionStatuses.Reversed || ExportBatchId is null || ReversalBatchId is not null)
            throw new DomainException("내보낼 승인 취소가 아닙니다.");
        ReversalBatchId = batchId;
    }

    private void EnsureChangeable()
    {
        if (!CanChange) throw new DomainException("이미 결정된 감면 건은 바꿀 수 없습니다.");
    }
}

/// <summary>One export of the "reductions for the next bill" list to the billing system.</summary>
public class ReductionExport : IOfficeOwned
{
    private ReductionExport() { }

    public ReductionExport(int officeId, DateTime atUtc, string by)
    {
        OfficeId = officeId;
        CreatedAtUtc = atUtc;
        CreatedBy = by;
    }

    public long Id { get; private set; }
    public int OfficeId { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public int Reductions { get; private set; }
    public int Cancellations { get; private set; }
    /// <summary>Net won: reductions less cancellations.</summary>
    public long NetWon { get; private set; }

    public void SetTotals(int reductions, int cancellations, long netWon) => (Reductions, Cancellations, NetWon) = (reductions, cancellations, netWon);
}

/// <summary>A receipt or other evidence uploaded for a reduction (a plumber's receipt with a citizen's application).</summary>
public class ReductionDocument
{
    public const int MaxFileNameLength = 200;

    /// <summary>An uploaded file's name as kept: cut to the column, its extension kept.</summary>
    public static string FitFileName(string name) => Common.Text.FitFileName(name, MaxFileNameLength);

    private ReductionDocument() { }

    public ReductionDocument(long reductionId, string fileName, string path, string contentType, long length, string sha256, DateTime atUtc, string by)
    {
        ReductionId = reductionId;
        FileName = fileName;
        Path = path;
        ContentType = contentType;
        Length = length;
        Sha256 = sha256;
        UploadedAtUtc = atUtc;
        UploadedBy = by;
    }

    public long Id { get; private set; }
    public long ReductionId { get; private set; }
    public string FileName { get; private set; } = "";
    public string Path { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Length { get; private set; }
    public string Sha256 { get; private set; } = "";
    public DateTime UploadedAtUtc { get; private set; }
    public string UploadedBy { get; private set; } = "";
}
