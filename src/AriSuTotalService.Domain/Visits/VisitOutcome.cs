using AriSuTotalService.Domain.Common;

namespace AriSuTotalService.Domain.Visits;

public static class VisitResults
{
    /// <summary>The problem was dealt with: the complaint is resolved.</summary>
    public const string Resolved = "resolved";
    /// <summary>Visited but not finished (parts needed, another visit): the complaint stays open with the reason.</summary>
    public const string Open = "open";
    /// <summary>Nobody was home: the complaint waits for a new booking.</summary>
    public const string NoShow = "no_show";
    public static readonly IReadOnlyList<string> All = [Resolved, Open, NoShow];
}

/// <summary>Where an indoor leak was found.</summary>
public static class LeakPlaces
{
    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        ("toilet", "변기"), ("wall_pipe", "벽 속 배관"), ("under_floor", "바닥 밑 배관"), ("water_heater", "보일러·온수기"),
        ("faucet", "수도꼭지"), ("outdoor", "옥외(계량기 앞)"), ("other", "기타"),
    ];
}

/// <summary>Causes of supply inconvenience found on site.</summary>
public static class SupplyCauses
{
    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        ("low_flow", "소출수"), ("no_flow", "불출수"), ("valve_fault", "밸브 고장"), ("noise", "소음"), ("rusty_water", "녹물"),
    ];
}

/// <summary>What the field staff member found and did on a visit, by complaint type.</summary>
public class VisitOutcome
{
    private VisitOutcome() { }

    public VisitOutcome(long visitId, long complaintId, string result, string note, DateTime atUtc, string by)
    {
        if (!VisitResults.All.Contains(result)) throw new DomainException("결과를 고르세요.");
        if (string.IsNullOrWhiteSpace(note)) throw new DomainException("처리 내용을 입력하세요.");
        VisitId = visitId;
        ComplaintId = complaintId;
        Result = result;
        Note = note.Trim();
        RecordedAtUtc = atUtc;
        RecordedBy = by;
    }

    public long Id { get; private set; }
    public long VisitId { get; private set; }
    public long ComplaintId { get; private set; }
    public string Result { get; private set; } = VisitResults.Resolved;
    public string Note { get; private set; } = "";
    public DateTime RecordedAtUtc { get; private set; }
    public string RecordedBy { get; private set; } = "";

    // Leak diagnosis
    public bool? LeakFound { get; private set; }
    public string? LeakPlace { get; private set; }
    public bool? Repaired { get; private set; }
    public string? RepairedBy { get; private set; }
    public long? ReadingBeforeM3 { get; private set; }
    public long? ReadingAfterM3 { get; private set; }

    // Supply inconvenience
    public string? Cause { get; private set; }
    public bool? FixedOnSite { get; private set; }

    // Water quality: the five items measured
    public decimal? ResidualChlorine { get; private set; }
    public decimal? Iron { get; private set; }
    public decimal? Copper { get; private set; }
    public decimal? Turbidity { get; private set; }
    public decimal? Ph { get; private set; }
    /// <summary>Add-on services done on a water quality visit (faucet cleaning, filter advice…).</summary>
    public string? AddOns { get; private set; }

    /// <summary>An indoor leak found and repaired: what opens the leak fee reduction.</summary>
    public bool LeakRepaired => LeakFound == true && Repaired == true;

    public void RecordLeak(bool found, string? place, bool? repaired, string? repairedBy, long? before, long? after)
    {
        if (found && !LeakPlaces.All.Any(p => p.Code == place)) throw new DomainException("누수 위치를 고르세요.");
        if (before is < 0 || after is < 0) throw new DomainException("지침은 0 이상이어야 합니다.");
        LeakFound = found;
        LeakPlace = found ? place : null;
        Repaired = found ? repaired : null;
        RepairedBy = found && repaired == true ? repairedBy?.Trim() : null;
        ReadingBeforeM3 = before;
        ReadingAfterM3 = after;
    }

    public void RecordSupply(string cause, bool fixedOnSite)
    {
        if (!SupplyCauses.All.Any(c => c.Code == cause)) throw new DomainException("원인을 고르세요.");
        Cause = cause;
        FixedOnSite = fixedOnSite;
    }

    public void RecordWaterQuality(decimal? chlorine, decimal? iron, decimal? copper, decimal? turbidity, decimal? ph, string? addOns)
    {
        if (addOns?.Length > 500) throw new DomainException("부가 서비스는 500자 이내로 입력하세요.");
        AddOns = string.IsNullOrWhiteSpace(addOns) ? null : addOns.Trim();
        (ResidualChlorine, Iron, Copper, Turbidity, Ph) = (WaterMeasures.Chlorine.Take(chlorine), WaterMeasures.Iron.Take(iron),
            WaterMeasures.Copper.Take(copper), WaterMeasures.Turbidity.Take(turbidity), WaterMeasures.Ph.Take(ph));
    }
}

/// <summary>
/// What a field water test can read for each item (the field kits' ranges, far beyond the drinking-water standard so
/// that a bad sample is recorded as read), kept to three decimals as they are stored (decimal(9,3)): a value outside is a
/// typing error, refused with the item's range.
/// </summary>
/// <param name="Unit">As written after the number (with its space), empty for pH.</param>
public sealed record WaterMeasure(string Name, decimal Max, string Unit)
{
    public const int Decimals = 3;

    public decimal? Take(decimal? value)
    {
        if (value is not { } v) return null;
        if (v < 0 || v > Max) throw new DomainException("{0} 측정값은 0~{1}{2} 사이여야 합니다.", Name, Max.ToString(System.Globalization.CultureInfo.InvariantCulture), Unit);
        return Math.Round(v, Decimals, MidpointRounding.AwayFromZero);
    }
}

public static class WaterMeasures
{
    public static readonly WaterMeasure Chlorine = new("잔류염소", 20m, " mg/L");
    public static readonly WaterMeasure Iron = new("철", 100m, " mg/L");
    public static readonly WaterMeasure Copper = new("구리", 100m, " mg/L");
    public static readonly WaterMeasure Turbidity = new("탁도", 1000m, " NTU");
    public static readonly WaterMeasure Ph = new("pH", 14m, "");
}

/// <summary>A photo taken on a visit (repair evidence), stored under Storage__Root.</summary>
public class VisitPhoto
{
    private VisitPhoto() { }

    public VisitPhoto(long visitId, string path, string contentType, long length, string sha256, DateTime atUtc)
    {
        VisitId = visitId;
        Path = path;
        ContentType = contentType;
        Length = length;
        Sha256 = sha256;
        UploadedAtUtc = atUtc;
    }

    public long Id { get; private set; }
    public long VisitId { get; private set; }
    public string Path { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Length { get; private set; }
    public string Sha256 { get; private set; } = "";
    public DateTime UploadedAtUtc { get; private set; }
}
