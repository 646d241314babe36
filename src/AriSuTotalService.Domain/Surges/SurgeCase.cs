using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Common;

namespace AriSuTotalService.Domain.Surges;

/// <summary>Case statuses (CONTRACTS.md).</summary>
public static class SurgeCaseStatuses
{
    public const string Open = "open";
    public const string Explained = "explained";
    public const string Unexplained = "unexplained";
    public const string Unreachable = "unreachable";
    public const string Closed = "closed";
    public static readonly IReadOnlyList<string> All = [Open, Explained, Unexplained, Unreachable, Closed];
}

public static class SurgeKinds
{
    public const string Surge = "surge";
    public const string NewUse = "newUse";
    public const string Anomaly = "anomaly";
    public static readonly IReadOnlyList<string> All = [Surge, NewUse, Anomaly];
}

/// <summary>Reasons a customer gives for a rise in usage (phone check).</summary>
public static class ExplainedReasons
{
    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        ("more_residents", "거주 인원 증가"),
        ("guests", "손님 방문·명절"),
        ("filling_tank", "물탱크·수조 채움"),
        ("construction", "공사·인테리어"),
        ("business", "영업 증가"),
        ("seasonal", "계절 사용(여름철 등)"),
        ("other", "기타"),
    ];

    public static bool IsKnown(string? code) => All.Any(r => r.Code == code);
}

/// <summary>A meter flagged by the monthly scan and the office's phone check of it.</summary>
public class SurgeCase : IAuditable, IVersioned, IOfficeOwned
{
    public const int AttemptsBeforeLetter = 3;

    private SurgeCase() { }

    public long Id { get; private set; }
    public int OfficeId { get; private set; }
    /// <summary>First day of the scanned month.</summary>
    public DateOnly Period { get; private set; }
    public long CustomerId { get; private set; }
    public string Kind { get; private set; } = SurgeKinds.Surge;
    public bool OnDiagnosisList { get; private set; }
    public bool OnNoticeList { get; private set; }
    public long PreviousUsageM3 { get; private set; }
    public int PreviousDays { get; private set; }
    public long CurrentUsageM3 { get; private set; }
    public int CurrentDays { get; private set; }
    public DateOnly PreviousPeriodEnd { get; private set; }
    public DateOnly CurrentPeriodEnd { get; private set; }
    /// <summary>Increase in tenths of a percent (truncated); null when the previous usage was 0.</summary>
    public int? IncreaseTenths { get; private set; }
    public string Status { get; private set; } = SurgeCaseStatuses.Open;
    public int ContactAttempts { get; private set; }
    public bool NeedsLetter { get; private set; }
    public string? ExplainedReason { get; private set; }
    public string? Note { get; private set; }
    public string? AssigneeId { get; private set; }
    /// <summary>The proactive leak diagnosis opened when the rise stayed unexplained.</summary>
    public long? DiagnosisComplaintId { get; private set; }
    public DateTime? LastContactAtUtc { get; private set; }

    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public Guid Version { get; set; }

    public const string AlreadyDecided = "이미 처리된 격증 건입니다.";
    public const string ReasonFromList = "사유를 목록에서 고르세요.";
    public const string OtherNeedsNote = "기타 사유는 내용을 입력하세요.";

    public bool IsWorked => Status != SurgeCaseStatuses.Open || ContactAttempts > 0 || AssigneeId is not null;

    /// <summary>Explained, unexplained or closed: nothing more is decided on it.</summary>
    public bool IsDecided => Status is SurgeCaseStatuses.Explained or SurgeCaseStatuses.Unexplained or SurgeCaseStatuses.Closed;

    /// <summary>The customer explained the rise: the case closes with the reason.</summary>
    public void Explain(string reason, string? note, DateTime atUtc)
    {
        EnsureActive();
        if (!ExplainedReasons.IsKnown(reason)) throw new DomainException(ReasonFromList);
        if (reason == "other" && string.IsNullOrWhiteSpace(note)) throw new DomainException(OtherNeedsNote);
        ExplainedReason = reason;
        Note = Clean(note);
        Status = SurgeCaseStatuses.Explained;
        LastContactAtUtc = atUtc;
    }

    /// <summary>No explanation: a proactive leak diagnosis is opened for it (by the caller) and linked here.</summary>
    public void MarkUnexplained(long diagnosisComplaintId, string? note, DateTime atUtc)
    {
        EnsureActive();
        Status = SurgeCaseStatuses.Unexplained;
        DiagnosisComplaintId = diagnosisComplaintId;
        Note = Clean(note);
        LastContactAtUtc = atUtc;
    }

    /// <summary>Nobody answered: the attempt is recorded; after three, the case is flagged for a letter.</summary>
    public void RecordUnreachable(string? note, DateTime atUtc)
    {
        EnsureActive();
        ContactAttempts++;
        Status = SurgeCaseStatuses.Unreachable;
        Note = Clean(note) ?? Note;
        LastContactAtUtc = atUtc;
        if (ContactAttempts >= AttemptsBeforeLetter) NeedsLetter = true;
    }

    public void AssignTo(string? userId)
    {
        EnsureActive();
        AssigneeId = userId;
    }

    public void Close(string? note)
    {
        EnsureActive();
        Status = SurgeCaseStatuses.Closed;
        Note = Clean(note) ?? Note;
    }

    public decimal? IncreasePercent => IncreaseTenths is { } t ? t / 10m : null;

    private void EnsureActive()
    {
        if (IsDecided) throw new DomainException(AlreadyDecided);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
