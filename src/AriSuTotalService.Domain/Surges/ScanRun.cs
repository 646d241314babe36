using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Offices;
namespace AriSuTotalService.Domain.Surges;

/// <summary>One run of the monthly surge scan: period, trigger, times and counts.</summary>
public class ScanRun : IOfficeOwned
{
    private ScanRun() { }

    public ScanRun(int officeId, DateOnly period, string trigger, string requestedBy, DateTime atUtc)
    {
        OfficeId = officeId;
        Period = period;
        Trigger = trigger;
        RequestedBy = requestedBy;
        RequestedAtUtc = atUtc;
        State = RunStates.Queued;
    }

    public long Id { get; private set; }
    public int OfficeId { get; private set; }
    public DateOnly Period { get; private set; }
    /// <summary>schedule, manual, api, startup.</summary>
    public string Trigger { get; private set; } = "manual";
    public string RequestedBy { get; private set; } = "";
    public DateTime RequestedAtUtc { get; private set; }
    public string State { get; private set; } = RunStates.Queued;
    public DateTime? StartedAtUtc { get; private set; }
    public DateTime? FinishedAtUtc { get; private set; }
    public int Compared { get; private set; }
    public int Surges { get; private set; }
    public int Notices { get; private set; }
    public int NewUse { get; private set; }
    public int Anomalies { get; private set; }
    public int Skipped { get; private set; }
    /// <summary>Of the skipped: meters whose previous reading ends more than the gap limit before the current one starts.</summary>
    public int Gaps { get; private set; }
    public int CasesAdded { get; private set; }
    public string? Error { get; private set; }
    /// <summary>The office's meters when the run started (0 until then).</summary>
    public int ToJudge { get; private set; }
    /// <summary>Meters judged so far (all of them once completed).</summary>
    public int Judged { get; private set; }

    public void Progress(int judged, int toJudge) => (Judged, ToJudge) = (judged, toJudge);

    public void Start(DateTime atUtc)
    {
        State = RunStates.Running;
        StartedAtUtc = atUtc;
        Error = null;
    }

    public void Complete(DateTime atUtc, int compared, int surges, int notices, int newUse, int anomalies, int skipped, int added, int gaps = 0)
    {
        State = RunStates.Completed;
        FinishedAtUtc = atUtc;
        Judged = ToJudge;
        (Compared, Surges, Notices, NewUse, Anomalies, Skipped, CasesAdded, Gaps) = (compared, surges, notices, newUse, anomalies, skipped, added, gaps);
    }

    /// <summary>Queued or running since before <paramref name="limitUtc"/>: the job that should finish it is gone.</summary>
    public bool IsLost(DateTime limitUtc) =>
        (State == RunStates.Queued && RequestedAtUtc < limitUtc) || (State == RunStates.Running && (StartedAtUtc ?? RequestedAtUtc) < limitUtc);

    public void Fail(DateTime atUtc, string error)
    {
        State = RunStates.Failed;
        FinishedAtUtc = atUtc;
        Error = error.Length > 1000 ? error[..1000] : error;
    }
}
