using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Customers;

namespace AriSuTotalService.Domain.Reductions;

/// <summary>The three charges of a water bill a leak reduction lowers.</summary>
public static class Charges
{
    /// <summary>상수도요금.</summary>
    public const string Water = "water";
    /// <summary>하수도요금.</summary>
    public const string Sewer = "sewer";
    /// <summary>물이용부담금.</summary>
    public const string Levy = "levy";

    public static readonly IReadOnlyList<(string Code, string Label)> All = [(Water, "상수도요금"), (Sewer, "하수도요금"), (Levy, "물이용부담금")];

    public static bool IsKnown(string? code) => All.Any(c => c.Code == code);
    public static string Label(string code) => All.First(c => c.Code == code).Label;
}

/// <summary>
/// One price row of a charge for a use type, in force from a date: the price per m³ of the usage from
/// <see cref="FromM3"/> (a monthly tier bound; 0 for the first or only tier) up to the next row's bound.
/// </summary>
public class TariffRate : IAuditable
{
    private TariffRate() { }

    public TariffRate(string useType, string charge, DateOnly effectiveFrom, int fromM3, int pricePerM3, bool isExample, string? note)
    {
        if (!UseTypes.IsKnown(useType)) throw new DomainException("용도를 목록에서 고르세요.");
        if (!Charges.IsKnown(charge)) throw new DomainException("요금 종류를 목록에서 고르세요.");
        if (fromM3 < 0) throw new DomainException("구간 시작 사용량은 0 이상이어야 합니다.");
        if (pricePerM3 is < 0 or > 100_000) throw new DomainException("단가는 0원 이상 100,000원 이하로 입력하세요.");
        UseType = useType;
        Charge = charge;
        EffectiveFrom = effectiveFrom;
        FromM3 = fromM3;
        PricePerM3 = pricePerM3;
        IsExample = isExample;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public int Id { get; private set; }
    public string UseType { get; private set; } = "";
    public string Charge { get; private set; } = "";
    public DateOnly EffectiveFrom { get; private set; }
    /// <summary>Lower bound of the tier in m³ per month (bi-monthly bills use twice the bound).</summary>
    public int FromM3 { get; private set; }
    /// <summary>Won per m³.</summary>
    public int PricePerM3 { get; private set; }
    /// <summary>Seeded as an example: to be confirmed against the ordinance by an administrator.</summary>
    public bool IsExample { get; private set; }
    public string? Note { get; private set; }

    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }

    public void Confirm() => IsExample = false;
}

/// <summary>The share of the leak volume each charge is reduced on, per use type, in force from a date.</summary>
public class ReductionRate : IAuditable
{
    private ReductionRate() { }

    public ReductionRate(string useType, DateOnly effectiveFrom, int waterPercent, int sewerPercent, int levyPercent, bool isExample)
    {
        if (!UseTypes.IsKnown(useType)) throw new DomainException("용도를 목록에서 고르세요.");
        if (new[] { waterPercent, sewerPercent, levyPercent }.Any(p => p is < 0 or > 100)) throw new DomainException("감면율은 0~100%로 입력하세요.");
        UseType = useType;
        EffectiveFrom = effectiveFrom;
        WaterPercent = waterPercent;
        SewerPercent = sewerPercent;
        LevyPercent = levyPercent;
        IsExample = isExample;
    }

    public int Id { get; private set; }
    public string UseType { get; private set; } = "";
    public DateOnly EffectiveFrom { get; private set; }
    public int WaterPercent { get; private set; }
    public int SewerPercent { get; private set; }
    public int LevyPercent { get; private set; }
    public bool IsExample { get; private set; }

    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }

    public void Confirm() => IsExample = false;

    public int PercentOf(string charge) => charge switch
    {
        Charges.Water => WaterPercent,
        Charges.Sewer => SewerPercent,
        Charges.Levy => LevyPercent,
        _ => throw new ArgumentOutOfRangeException(nameof(charge)),
    };
}
