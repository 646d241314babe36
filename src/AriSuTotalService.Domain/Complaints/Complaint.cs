using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Common;

namespace AriSuTotalService.Domain.Complaints;

/// <summary>A complaint (민원) and its lifecycle.</summary>
public class Complaint : IAuditable, IVersioned, IOfficeOwned
{
    private readonly List<ComplaintEvent> _events = [];

    private Complaint() { }

    private Complaint(int officeId, string receptionNumber, DateTime receivedAtUtc, ComplaintType type, string channel,
        long? customerId, DateTime deadlineAtUtc)
    {
        OfficeId = officeId;
        ReceptionNumber = receptionNumber;
        ReceivedAtUtc = receivedAtUtc;
        ComplaintTypeId = type.Id;
        Channel = channel;
        CustomerId = customerId;
        Division = type.HandlingDivision;
        DeadlineAtUtc = deadlineAtUtc;
        OriginalDeadlineAtUtc = deadlineAtUtc;
        Status = ComplaintStatuses.Received;
    }

    public long Id { get; private set; }
    public int OfficeId { get; private set; }
    public string ReceptionNumber { get; private set; } = "";
    public DateTime ReceivedAtUtc { get; private set; }
    public int ComplaintTypeId { get; private set; }
    public ComplaintType? Type { get; private set; }
    public string Channel { get; private set; } = Channels.Phone;
    public string Status { get; private set; } = ComplaintStatuses.Received;
    public long? CustomerId { get; private set; }
    /// <summary>What the citizen said.</summary>
    public string? Description { get; private set; }
    /// <summary>Where, when there is no account (e.g. an outdoor leak reported by a passer-by).</summary>
    public string? Location { get; private set; }
    public string? CallerName { get; private set; }
    public string? CallerPhone { get; private set; }
    /// <summary>A citizen portal's contact when there is no phone (Open311 <c>email</c>).</summary>
    public string? CallerEmail { get; private set; }
    public string? CallerRelation { get; private set; }
    /// <summary>Where, as coordinates (WGS 84) when the report came with them (Open311 <c>lat</c>/<c>long</c>).</summary>
    public decimal? Latitude { get; private set; }
    public decimal? Longitude { get; private set; }
    /// <summary>The division currently responsible.</summary>
    public string Division { get; private set; } = "";
    public string? AssigneeId { get; private set; }
    public DateTime DeadlineAtUtc { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    /// <summary>The complaint this one was registered from (linked/derived complaints).</summary>
    public long? LinkedToId { get; private set; }
    /// <summary>The length of a cancel, transfer, extension or pause reason.</summary>
    public const int MaxReasonLength = 1000;
    public const int MaxResolutionLength = 2000;

    public string? CancelReason { get; private set; }
    public string? TransferReason { get; private set; }
    public string? Resolution { get; private set; }
    /// <summary>The citizen's preferred visit date and window, recorded at intake for the booking.</summary>
    public DateOnly? PreferredVisitDate { get; private set; }
    public string? PreferredVisitWindow { get; private set; }
    /// <summary>The deadline first set at receipt; <see cref="DeadlineAtUtc"/> moves with an extension or a pause.</summary>
    public DateTime OriginalDeadlineAtUtc { get; private set; }
    public string? ExtensionReason { get; private set; }
    /// <summary>While waiting for the citizen to supplement (보완 요청) the clock stops.</summary>
    public DateTime? PausedAtUtc { get; private set; }
    public string? PauseReason { get; private set; }
    /// <summary>When the retention job removed the personal fields.</summary>
    public DateTime? AnonymizedAtUtc { get; private set; }

    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public Guid Version { get; set; }

    public IReadOnlyCollection<ComplaintEvent> Events => _events.AsReadOnly();

    public bool IsClosed => Status == ComplaintStatuses.Resolved;
    public bool IsOpen => ComplaintStatuses.Open.Contains(Status);

    public static Complaint Receive(int officeId, string receptionNumber, DateTime receivedAtUtc, ComplaintType type,
        string channel, long? customerId, string? description, string? location, DateTime deadlineAtUtc, string by,
        decimal? latitude = null, decimal? longitude = null)
    {
        if (!Channels.IsKnown(channel)) throw new DomainException("알 수 없는 접수 경로입니다: {0}", channel);
        // Where it is: the account's address, or the place as words or as coordinates.
        if (customerId is null && string.IsNullOrWhiteSpace(location) && latitude is null)
            throw new DomainException("수용가번호가 없는 민원은 위치를 입력해야 합니다.");
        var c = new Complaint(officeId, receptionNumber, receivedAtUtc, type, channel, customerId, deadlineAtUtc)
        {
            Description = Clean(description),
            Location = Clean(location),
        };
        c.SetCoordinates(latitude, longitude);
        c._events.Add(new ComplaintEvent(receivedAtUtc, by, ComplaintEventKinds.Received, channel));
        return c;
    }

    /// <summary>
    /// At reception, before the complaint is first saved: the office routes this kind of case to another division
    /// than the type's (a proactive leak fee reduction to 행정지원과, as the plan assigns it).
    /// </summary>
    public void RouteAtReception(string division)
    {
        if (Id != 0 || Status != ComplaintStatuses.Received) throw new DomainException("담당 부서는 접수할 때에만 정할 수 있습니다. 그 뒤에는 이첩하세요.");
        if (!Offices.Divisions.All.Contains(division)) throw new DomainException("알 수 없는 부서입니다: {0}", division);
        Division = division;
    }

    public void SetCaller(string? name, string? phone, string? relation, string? email = null)
    {
        if (relation is not null && !CallerRelations.All.Contains(relation))
            throw new DomainException("알 수 없는 관계입니다.");
        CallerName = Clean(name);
        CallerPhone = Clean(phone);
        CallerEmail = Clean(email);
        CallerRelation = CallerName is null ? null : relation;
    }

    /// <summary>The place as coordinates: latitude −90…90, longitude −180…180, kept to six decimals (about 10 cm).</summary>
    public void SetCoordinates(decimal? latitude, decimal? longitude)
    {
        if (latitude is null != longitude is null) throw new DomainException("위도와 경도는 함께 있어야 합니다.");
        if (latitude is < -90 or > 90 || longitude is < -180 or > 180) throw new DomainException("위도·경도의 범위를 벗어났습니다.");
        Latitude = latitude is { } la ? Math.Round(la, 6) : null;
        Longitude = longitude is { } lo ? Math.Round(lo, 6) : null;
    }

    public void SetPreferredVisit(DateOnly? date, string? window)
    {
        PreferredVisitDate = date;
        PreferredVisitWindow = date is null ? null : Clean(window);
    }

    public void LinkTo(Complaint first, DateTime atUtc, string by)
    {
        if (first.Id != 0 && first.Id == Id) throw new DomainException("자기 자신과 연계할 수 없습니다.");
        LinkedToId = first.Id;
        _events.Add(new ComplaintEvent(atUtc, by, ComplaintEventKinds.Linked, first.ReceptionNumber));
    }

    public void AssignTo(string? userId, DateTime atUtc, string by)
    {
        EnsureOpen();
        AssigneeId = userId;
        _events.Add(new ComplaintEvent(atUtc, by, ComplaintEventKinds.Assigned, userId));
    }

    public void MarkScheduled(DateTime atUtc, string by, string detail)
    {
        // Visited: a follow-up visit (a leak found and left for the citizen's plumber is checked again).
        if (Status is not (ComplaintStatuses.Received or ComplaintStatuses.Scheduled or ComplaintStatuses.Visited))
            throw new DomainException("접수·예약·방문 상태의 민원만 방문 예약할 수 있습니다.");
        Status = ComplaintStatuses.Scheduled;
        _events.Add(new ComplaintEvent(atUtc, by, ComplaintEventKinds.Scheduled, detail));
    }

    /// <summary>The booked visit was cancelled: back to received, waiting for a new booking.</summary>
    public void MarkUnscheduled(DateTime atUtc, string by, string reason)
    {
        if (Status != ComplaintStatuses.Scheduled) throw new DomainException("방문 예약된 민원이 아닙니다.");
        Status = ComplaintStatuses.Received;
        _events.Add(new ComplaintEvent(atUtc, by, ComplaintEventKinds.Unscheduled, reason));
    }

    public void MarkVisited(DateTime atUtc, string by)
    {
        if (Status != ComplaintStatuses.Scheduled) throw new DomainException("예약된 민원만 방문 처리할 수 있습니다.");
        Status = ComplaintStatuses.Visited;
        _events.Add(new ComplaintEvent(atUtc, by, ComplaintEventKinds.Visited, null));
    }

    public void TransferTo(string division, string reason, DateTime atUtc, string by)
    {
        EnsureOpen();
        if (Status == ComplaintStatuses.Transferred) throw new DomainException("이미 이첩된 민원입니다.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("이첩 사유를 입력하세요.");
        if (division == Division) throw new DomainException("현재 담당 부서로는 이첩할 수 없습니다.");
        Division = division;
        TransferReason = reason.Trim();
        Status = ComplaintStatuses.Transferred;
        AssigneeId = null;
        _events.Add(new ComplaintEvent(atUtc, by, ComplaintEventKinds.Transferred, $"{division}: {TransferReason}"));
    }

    /// <summary>The receiving division reports its result, which resolves the complaint.</summary>
    public void ReportTransferResult(string result, DateTime atUtc, string by)
    {
        if (Status != ComplaintStatuses.Transferred) throw new DomainException("이첩된 민원이 아닙니다.");
        if (string.IsNullOrWhiteSpace(result)) throw new DomainException("처리 결과를 입력하세요.");
        _events.Add(new ComplaintEvent(atUtc, by, ComplaintEventKinds.TransferResult, result.Trim()));
        Close(result, atUtc, by);
    }

    /// <summary>Records something that happened to the complaint without changing its state.</summary>
    public ComplaintEvent AddNote(string kind, string detail, DateTime atUtc, string by)
    {
        var added = new ComplaintEvent(atUtc, by, kind, detail);
        _events.Add(added);
        return added;
    }

    public void Resolve(string resolution, DateTime atUtc, string by)
    {
        EnsureOpen();
        if (Status == ComplaintStatuses.Transferred)
            throw new DomainException("이첩된 민원은 받은 부서의 처리 결과 보고로 종결됩니다.");
        if (string.IsNullOrWhiteSpace(resolution)) throw new DomainException("처리 내용을 입력하세요.");
        Close(resolution, atUtc, by);
    }

    public void Cancel(string reason, DateTime atUtc, string by)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("취소 사유를 입력하세요.");
        EnsureNotPaused();
        Status = ComplaintStatuses.Cancelled;
        CancelReason = reason.Trim();
        _events.Add(new ComplaintEvent(atUtc, by, ComplaintEventKinds.Cancelled, CancelReason));
    }

    /// <summary>
    /// Extends the deadline once, by at most the type's own period (민원처리법: 처리기간의 범위에서 한 차례만).
    /// </summary>
    public void ExtendDeadline(DateTime newDeadlineUtc, DateTime maxDeadlineUtc, string reason, DateTime atUtc, string by)
    {
        EnsureOpen();
        if (ExtensionReason is not null) throw new DomainException("처리기간은 한 차례만 연장할 수 있습니다.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("연장 사유를 입력하세요.");
        if (newDeadlineUtc <= DeadlineAtUtc) throw new DomainException("연장한 기한은 현재 기한보다 뒤여야 합니다.");
        if (newDeadlineUtc > maxDeadlineUtc) throw new DomainException("처리기간의 범위를 넘어 연장할 수 없습니다.");
        ExtensionReason = reason.Trim();
        _events.Add(new ComplaintEvent(atUtc, by, ComplaintEventKinds.Extended, $"{DeadlineAtUtc:O} → {newDeadlineUtc:O}: {ExtensionReason}"));
        DeadlineAtUtc = newDeadlineUtc;
    }

    /// <summary>Asks the citizen to supplement; the deadline clock stops until <see cref="Resume"/>.</summary>
    public void Pause(string reason, DateTime atUtc, string by)
    {
        EnsureOpen();
        if (PausedAtUtc is not null) throw new DomainException("이미 보완 요청 중입니다.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("보완 요청 사유를 입력하세요.");
        PausedAtUtc = atUtc;
        PauseReason = reason.Trim();
        _events.Add(new ComplaintEvent(atUtc, by, ComplaintEventKinds.Paused, PauseReason));
    }

    /// <summary>The citizen supplemented: the deadline moves on by the paused time (computed by the calendar).</summary>
    public void Resume(DateTime newDeadlineUtc, DateTime atUtc, string by)
    {
        if (PausedAtUtc is null) throw new DomainException("보완 요청 중이 아닙니다.");
        _events.Add(new ComplaintEvent(atUtc, by, ComplaintEventKinds.Resumed, $"{DeadlineAtUtc:O} → {newDeadlineUtc:O}"));
        DeadlineAtUtc = newDeadlineUtc;
        PausedAtUtc = null;
    }

    /// <summary>Closed within the legal deadline.</summary>
    public bool ClosedOnTime => ClosedAtUtc is { } closed && closed <= DeadlineAtUtc;

    private void Close(string resolution, DateTime atUtc, string by)
    {
        EnsureNotPaused();
        Resolution = resolution.Trim();
        Status = ComplaintStatuses.Resolved;
        ClosedAtUtc = atUtc;
        _events.Add(new ComplaintEvent(atUtc, by, ComplaintEventKinds.Resolved, Resolution));
    }

    /// <summary>
    /// A paused complaint is resumed (its deadline moved by the paused working time) before anything closes it: closing
    /// it paused would keep the old deadline and count the pause against the office.
    /// </summary>
    private void EnsureNotPaused()
    {
        if (PausedAtUtc is not null)
            throw new InvalidOperationException($"complaint {ReceptionNumber} is paused: resume it (moving the deadline) before closing it");
    }

    private void EnsureOpen()
    {
        if (!IsOpen) throw new DomainException("종결되었거나 취소된 민원은 변경할 수 없습니다.");
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
