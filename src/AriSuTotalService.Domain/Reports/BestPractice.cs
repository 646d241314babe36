namespace AriSuTotalService.Domain.Reports;

/// <summary>A complaint a section chief flagged as a best-practice case (우수사례), with a short write-up for the report.</summary>
public class BestPractice : Offices.IOfficeOwned
{
    private BestPractice() { }

    public BestPractice(int officeId, long complaintId, string writeUp, string flaggedBy, DateTime atUtc)
    {
        OfficeId = officeId;
        ComplaintId = complaintId;
        Update(writeUp, flaggedBy, atUtc);
    }

    public long Id { get; private set; }
    public int OfficeId { get; private set; }
    public long ComplaintId { get; private set; }
    public string WriteUp { get; private set; } = "";
    public string FlaggedBy { get; private set; } = "";
    public DateTime FlaggedAtUtc { get; private set; }

    public void Update(string writeUp, string flaggedBy, DateTime atUtc)
    {
        if (string.IsNullOrWhiteSpace(writeUp)) throw new Common.DomainException("우수사례 내용을 입력하세요.");
        if (writeUp.Length > 1000) throw new Common.DomainException("우수사례 내용은 1000자 이내로 입력하세요.");
        WriteUp = writeUp.Trim();
        FlaggedBy = flaggedBy;
        FlaggedAtUtc = atUtc;
    }
}
