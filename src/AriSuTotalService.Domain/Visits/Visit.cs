using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Common;

namespace AriSuTotalService.Domain.Visits;

public static class VisitStatuses
{
    public const string Booked = "booked";
    public const string Arrived = "arrived";
    public const string Finished = "finished";
    public const string Cancelled = "cancelled";
    public static readonly IReadOnlyList<string> Active = [Booked, Arrived];

    /// <summary>The state as people say it (a resource key).</summary>
    public static string Label(string status) => status switch
    {
        Booked => "예약됨", Arrived => "도착", Finished => "방문 마침", Cancelled => "취소됨", _ => status,
    };
}

/// <summary>
/// A booked visit (방문) to a complaint: date, window ("09-12") or exact time, the assigned staff member, whether it
/// enters the home. Arrival and finish are recorded; whether the agreed window was kept is derived from them.
/// </summary>
public class Visit : IAuditable, IVersioned, IOfficeOwned
{
    private Visit() { }

    public Visit(int officeId, long complaintId, string staffId, DateOnly date, string window, bool entersHome, string? forcedReason)
    {
        if (!TryParseWindow(window, out _, out _)) throw new DomainException("시간대 형식이 올바르지 않습니다.");
        OfficeId = officeId;
        ComplaintId = complaintId;
        StaffId = staffId;
        Date = date;
        Window = window;
        EntersHome = entersHome;
        ForcedReason = string.IsNullOrWhiteSpace(forcedReason) ? null : forcedReason.Trim();
        Status = VisitStatuses.Booked;
    }

    public long Id { get; private set; }
    public int OfficeId { get; private set; }
    public long ComplaintId { get; private set; }
    public string StaffId { get; private set; } = "";
    public DateOnly Date { get; private set; }
    /// <summary>"09-12" style window, or "14:30" for an exact time.</summary>
    public string Window { get; private set; } = "";
    public bool EntersHome { get; private set; }
    /// <summary>Why a weekend, holiday or full window was booked anyway.</summary>
    public string? ForcedReason { get; private set; }
    public string Status { get; private set; } = VisitStatuses.Booked;
    public DateTime? ArrivedAtUtc { get; private set; }
    public DateTime? FinishedAtUtc { get; private set; }
    public const int MaxReasonLength = 500;

    public string? CancelReason { get; private set; }

    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public Guid Version { get; set; }

    /// <summary>Hands the visit to another staff member (leave, absence); date and window stay as agreed.</summary>
    public void Reassign(string staffId)
    {
        if (Status != VisitStatuses.Booked) throw new DomainException("예약 상태의 방문만 다른 직원에게 넘길 수 있습니다.");
        StaffId = staffId;
    }

    public void Arrive(DateTime atUtc)
    {
        if (Status != VisitStatuses.Booked) throw new DomainException("예약된 방문만 도착 처리할 수 있습니다.");
        Status = VisitStatuses.Arrived;
        ArrivedAtUtc = atUtc;
    }

    public void Finish(DateTime atUtc)
    {
        if (Status != VisitStatuses.Arrived) throw new DomainException("도착한 방문만 마칠 수 있습니다.");
        Status = VisitStatuses.Finished;
        FinishedAtUtc = atUtc;
    }

    public void Cancel(string reason)
    {
        if (!VisitStatuses.Active.Contains(Status)) throw new DomainException("끝났거나 취소된 방문입니다.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("취소 사유를 입력하세요.");
        Status = VisitStatuses.Cancelled;
        CancelReason = reason.Trim();
    }

    /// <summary>Kept the agreed time: arrived within the window (or within 30 minutes of an exact time), in Seoul time.</summary>
    public bool? KeptWindow(Func<DateTime, DateTime> toLocal) => ArrivedAtUtc is { } arrived ? KeptWindow(Date, Window, arrived, toLocal) : null;

    /// <summary>The same rule for a visit read as values (the figures count it over a period's visits).</summary>
    public static bool? KeptWindow(DateOnly date, string window, DateTime arrivedUtc, Func<DateTime, DateTime> toLocal)
    {
        if (!TryParseWindow(window, out var start, out var end)) return null;
        var local = toLocal(arrivedUtc);
        return DateOnly.FromDateTime(local) == date && TimeOnly.FromDateTime(local) >= start.AddMinutes(-30) && TimeOnly.FromDateTime(local) <= end;
    }

    public static bool TryParseWindow(string window, out TimeOnly start, out TimeOnly end)
    {
        start = end = default;
        var parts = window.Split('-');
        if (parts.Length == 2 && int.TryParse(parts[0], out var a) && int.TryParse(parts[1], out var b) && a is >= 0 and < 24 && b is > 0 and <= 24 && a < b)
        {
            start = new TimeOnly(a, 0);
            end = b == 24 ? new TimeOnly(23, 59) : new TimeOnly(b, 0);
            return true;
        }
        if (TimeOnly.TryParseExact(window, "HH:mm", out var exact))
        {
            start = exact;
            end = exact.AddMinutes(30);
            return true;
        }
        return false;
    }
}

/// <summary>A field staff member's leave or absence (recorded by the section chief); no visit is booked on those days.</summary>
public class StaffLeave : IOfficeOwned
{
    private StaffLeave() { }

    public StaffLeave(int officeId, string staffId, DateOnly from, DateOnly to, string reason, string createdBy, DateTime atUtc)
    {
        if (to < from) throw new DomainException("끝나는 날이 시작하는 날보다 앞섭니다.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("사유를 입력하세요.");
        OfficeId = officeId;
        StaffId = staffId;
        From = from;
        To = to;
        Reason = reason.Trim();
        CreatedBy = createdBy;
        CreatedAtUtc = atUtc;
    }

    public long Id { get; private set; }
    public int OfficeId { get; private set; }
    public string StaffId { get; private set; } = "";
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public string Reason { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
}
