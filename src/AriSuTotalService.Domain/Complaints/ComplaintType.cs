using AriSuTotalService.Domain.Calendar;

namespace AriSuTotalService.Domain.Complaints;

/// <summary>An entry of the complaint catalogue; administrators extend it.</summary>
public class ComplaintType
{
    private ComplaintType() { }

    public ComplaintType(string code, string field, string nameKo, string nameEn, bool isTotalService,
        string handlingDivision, ProcessingPeriod period, bool needsVisit, bool entersHome, int sortOrder, string? reportColumn = null)
    {
        Code = code;
        SortOrder = sortOrder;
        Change(nameKo, nameEn, field, isTotalService, handlingDivision, period, needsVisit, entersHome, isActive: true, reportColumn);
    }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Field { get; private set; } = ComplaintFields.Works;
    public string NameKo { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public bool IsTotalService { get; private set; }
    public string HandlingDivision { get; private set; } = "";
    public PeriodUnit PeriodUnit { get; private set; }
    public int PeriodValue { get; private set; }
    public bool NeedsVisit { get; private set; }
    public bool EntersHome { get; private set; }
    public bool IsActive { get; private set; }
    public int SortOrder { get; private set; }
    /// <summary>
    /// The column of the plan's table this type is counted in (<see cref="Reports.PlanTable"/>): its own code for the
    /// plan's fourteen, the 기타 of its field for any other type the city's catalogue has.
    /// </summary>
    public string ReportColumn { get; private set; } = "";

    public ProcessingPeriod Period => new(PeriodUnit, PeriodValue);

    /// <summary>An administrator's change; complaints already received keep the deadline they were given.</summary>
    public void Change(string nameKo, string nameEn, string field, bool isTotalService, string handlingDivision, ProcessingPeriod period,
        bool needsVisit, bool entersHome, bool isActive, string? reportColumn = null)
    {
        if (!ComplaintFields.All.Contains(field)) throw new ArgumentException($"unknown field {field}", nameof(field));
        var column = reportColumn ?? (Reports.PlanTable.IsColumn(Code) ? Code : Reports.PlanTable.OtherOf(field));
        if (!Reports.PlanTable.IsColumn(column) || Reports.PlanTable.FieldOf(column) != field)
            throw new Common.DomainException("보고 열은 계획 표의 같은 분야 열이어야 합니다: {0}", column);
        ReportColumn = column;
        NameKo = nameKo;
        NameEn = nameEn;
        Field = field;
        IsTotalService = isTotalService;
        HandlingDivision = handlingDivision;
        PeriodUnit = period.Unit;
        PeriodValue = period.Value;
        NeedsVisit = needsVisit;
        EntersHome = entersHome;
        IsActive = isActive;
    }
}
