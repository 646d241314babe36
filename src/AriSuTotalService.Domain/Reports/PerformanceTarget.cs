using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Offices;

namespace AriSuTotalService.Domain.Reports;

/// <summary>The headline figures an office sets itself a yearly target for (the panel's satisfaction target is headquarters').</summary>
public static class PerformanceMeasures
{
    /// <summary>4대 시민불편 민원 선제 처리율 (%).</summary>
    public const string ProactiveRate = "proactive_rate";
    /// <summary>처리기한 준수율 (%).</summary>
    public const string DeadlineCompliance = "deadline_compliance";
    /// <summary>전년 동기 대비 민원 감축률 (%).</summary>
    public const string ComplaintReduction = "complaint_reduction";

    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        (ProactiveRate, "4대 민원 선제 처리율"), (DeadlineCompliance, "처리기한 준수율"), (ComplaintReduction, "전년 동기 대비 민원 감축률"),
    ];

    public static bool IsKnown(string code) => All.Any(m => m.Code == code);
}

/// <summary>An office's target for one headline figure in one year, in tenths of a percent (60.0 % → 600), as the panel's.</summary>
public class PerformanceTarget : IOfficeOwned
{
    private PerformanceTarget() { }

    public PerformanceTarget(int officeId, int year, string measure, int targetTenths)
    {
        if (!PerformanceMeasures.IsKnown(measure)) throw new DomainException("알 수 없는 지표입니다: {0}", measure);
        OfficeId = officeId;
        Year = year;
        Measure = measure;
        Set(targetTenths);
    }

    public long Id { get; private set; }
    public int OfficeId { get; private set; }
    public int Year { get; private set; }
    public string Measure { get; private set; } = "";
    public int TargetTenths { get; private set; }

    public void Set(int targetTenths)
    {
        if (targetTenths is < 0 or > 1000) throw new DomainException("목표는 0~100% 사이로 입력하세요.");
        TargetTenths = targetTenths;
    }

    /// <summary>Whether a figure meets the target (a figure not known yet meets nothing).</summary>
    public static bool? Met(decimal? figure, decimal? target) => figure is { } f && target is { } t ? f >= t : null;
}
