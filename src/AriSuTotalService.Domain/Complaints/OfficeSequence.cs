using AriSuTotalService.Domain.Offices;
namespace AriSuTotalService.Domain.Complaints;

/// <summary>The last reception-number sequence used per office and year.</summary>
public class OfficeSequence : IOfficeOwned
{
    private OfficeSequence() { }

    public OfficeSequence(int officeId, int year, int last)
    {
        OfficeId = officeId;
        Year = year;
        Last = last;
    }

    public int OfficeId { get; private set; }
    public int Year { get; private set; }
    public int Last { get; private set; }
}
