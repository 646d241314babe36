namespace AriSuTotalService.Domain.Complaints;

/// <summary>One entry of a complaint's timeline: who, when, what.</summary>
public class ComplaintEvent
{
    /// <summary>A timeline entry's detail is shortened to this (the full text stays on the record it came from).</summary>
    public const int MaxDetailLength = 2000;

    private ComplaintEvent() { }

    internal ComplaintEvent(DateTime atUtc, string by, string kind, string? detail)
    {
        AtUtc = atUtc;
        By = by;
        Kind = kind;
        Detail = detail is null ? null : Common.Text.Fit(detail, MaxDetailLength);
    }

    public long Id { get; private set; }
    public long ComplaintId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string By { get; private set; } = "";
    /// <summary>received, scheduled, visited, transferred, transfer_result, resolved, cancelled, linked, note.</summary>
    public string Kind { get; private set; } = "";
    public string? Detail { get; private set; }
}
