namespace AriSuTotalService.Domain.Reports;

/// <summary>
/// A frozen report (추진실적): the figures of a month or a calendar year as they stood when it was made. Never changed;
/// regenerating makes a new version and keeps the old.
/// </summary>
public class ReportSnapshot : Offices.IOfficeOwned
{
    public const string Monthly = "monthly";
    public const string Yearly = "yearly";

    private ReportSnapshot() { }

    public ReportSnapshot(int officeId, string kind, DateOnly period, int version, string content, string createdBy, DateTime atUtc)
    {
        OfficeId = officeId;
        Kind = kind;
        Period = period;
        Version = version;
        Content = content;
        CreatedBy = createdBy;
        CreatedAtUtc = atUtc;
    }

    public long Id { get; private set; }
    public int OfficeId { get; private set; }
    public string Kind { get; private set; } = Monthly;
    /// <summary>First day of the month (monthly) or of the year (yearly).</summary>
    public DateOnly Period { get; private set; }
    public int Version { get; private set; }
    /// <summary>The figures as JSON (<see cref="ReportContent"/>).</summary>
    public string Content { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }

    public DateOnly LastMonth => Kind == Yearly ? Period.AddMonths(11) : Period;
    public string Label => Kind == Yearly ? $"{Period.Year}년" : $"{Period:yyyy-MM}";
}
