using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Offices;

namespace AriSuTotalService.Domain.Tests.Complaints;

public class ComplaintLifecycleTests
{
    private static readonly DateTime T0 = new(2017, 9, 13, 1, 0, 0, DateTimeKind.Utc);

    private static readonly ComplaintType Diagnosis = new(ComplaintTypeCodes.LeakDiagnosis, ComplaintFields.Works, "옥내누수진단",
        "Indoor leak diagnosis", true, Divisions.FieldComplaints, ProcessingPeriod.InDays(3), true, true, 10);

    private static Complaint New() => Complaint.Receive(1, "2017-남부-000001", T0, Diagnosis, Channels.Phone, 10,
        "계량기가 돌아감", null, T0.AddDays(3), "clerk@arisu.local");

    [Fact]
    public void A_received_complaint_is_open_with_the_types_division_and_a_timeline_entry()
    {
        var c = New();
        Assert.Equal(ComplaintStatuses.Received, c.Status);
        Assert.Equal(Divisions.FieldComplaints, c.Division);
        Assert.True(c.IsOpen);
        Assert.Equal("received", Assert.Single(c.Events).Kind);
    }

    [Fact]
    public void A_complaint_without_account_needs_a_location()
    {
        var ex = Assert.Throws<DomainException>(() => Complaint.Receive(1, "2017-남부-000002", T0, Diagnosis,
            Channels.Phone, null, null, "  ", T0.AddDays(1), "clerk"));
        Assert.Contains("위치", ex.Message);
    }

    [Fact]
    public void Scheduled_visited_resolved_is_the_normal_path_and_records_the_closing_time()
    {
        var c = New();
        c.MarkScheduled(T0.AddHours(1), "clerk", "2017-09-14 09–12");
        c.MarkVisited(T0.AddDays(1), "field1");
        c.Resolve("누수 없음 확인", T0.AddDays(1).AddHours(1), "field1");
        Assert.Equal(ComplaintStatuses.Resolved, c.Status);
        Assert.Equal(T0.AddDays(1).AddHours(1), c.ClosedAtUtc);
        Assert.True(c.ClosedOnTime);
        Assert.Equal(["received", "scheduled", "visited", "resolved"], c.Events.Select(e => e.Kind));
    }

    [Fact]
    public void A_transferred_complaint_stays_open_until_the_receiving_division_reports()
    {
        var c = New();
        c.TransferTo(Divisions.FacilitiesManagement, "밸브 교체 필요", T0.AddHours(2), "field1");
        Assert.True(c.IsOpen);
        Assert.Throws<DomainException>(() => c.Resolve("끝", T0.AddHours(3), "field1"));
        c.ReportTransferResult("밸브 교체 완료", T0.AddDays(5), "facility");
        Assert.Equal(ComplaintStatuses.Resolved, c.Status);
        Assert.False(c.ClosedOnTime);
    }

    [Fact]
    public void Closed_and_cancelled_complaints_refuse_further_changes()
    {
        var resolved = New();
        resolved.Resolve("처리", T0.AddHours(1), "x");
        Assert.Throws<DomainException>(() => resolved.Cancel("취소", T0.AddHours(2), "x"));
        Assert.Throws<DomainException>(() => resolved.TransferTo(Divisions.WaterQualityTeam, "이유", T0.AddHours(2), "x"));

        var cancelled = New();
        cancelled.Cancel("중복 접수", T0.AddHours(1), "x");
        Assert.Throws<DomainException>(() => cancelled.Resolve("처리", T0.AddHours(2), "x"));
        Assert.Throws<DomainException>(() => cancelled.MarkScheduled(T0.AddHours(2), "x", "d"));
    }

    [Fact]
    public void Visiting_needs_a_booking_and_reasons_are_required()
    {
        var c = New();
        Assert.Throws<DomainException>(() => c.MarkVisited(T0, "x"));
        Assert.Throws<DomainException>(() => c.Cancel(" ", T0, "x"));
        Assert.Throws<DomainException>(() => c.TransferTo(Divisions.WaterQualityTeam, "", T0, "x"));
        Assert.Throws<DomainException>(() => c.TransferTo(Divisions.FieldComplaints, "같은 부서", T0, "x"));
    }
}
