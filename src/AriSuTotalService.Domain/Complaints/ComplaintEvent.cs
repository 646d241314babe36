namespace AriSuTotalService.Domain.Complaints;

/// <summary>One entry of a complaint's timeline: who, when, what.</summary>
public class ComplaintEvent
{
    private ComplaintEvent() { }

    internal ComplaintEvent(DateTime atUtc, string by, string kind, string? detail)
    {
        AtUtc = atUtc;
        By = by;
        Kind = kind;
        Detail = detail;
    }

    public long Id { get; private set; }
    public long ComplaintId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string By { get; private set; } = "";
    /// <summary>received, scheduled, visited, transferred, transfer_result, resolved, cancelled, linked, note.</summary>
    public string Kind { get; private set; } = "";
    public string? Detail { get; private set; }
}
