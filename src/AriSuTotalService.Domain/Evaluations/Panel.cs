using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Common;

namespace AriSuTotalService.Domain.Evaluations;

public static class PanelRoundStatuses
{
    public const string Planned = "planned";
    public const string Open = "open";
    public const string Closed = "closed";
}

/// <summary>Panel answers (CONTRACTS.md); <c>na</c> leaves the item out of every figure.</summary>
public static class PanelAnswers
{
    public const string VerySatisfied = "very_satisfied";
    public const string Satisfied = "satisfied";
    public const string Neutral = "neutral";
    public const string Dissatisfied = "dissatisfied";
    public const string VeryDissatisfied = "very_dissatisfied";
    public const string NotApplicable = "na";

    public static readonly IReadOnlyList<string> Scale = [VerySatisfied, Satisfied, Neutral, Dissatisfied, VeryDissatisfied];
    public static readonly IReadOnlyList<string> All = [.. Scale, NotApplicable];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value);
}

/// <summary>The six items the panel scores (DOMAIN.md).</summary>
public static class PanelItems
{
    public static readonly IReadOnlyList<string> Korean =
    [
        "민원 접수 태도",
        "약속 시간 준수",
        "처리 결과 만족",
        "알기 쉬운 설명",
        "질문에 대한 답변",
        "다른 불편 사항 처리",
    ];

    public static bool IsKnown(int item) => item is >= 1 and <= 6;
}

/// <summary>A mystery-shopper round (시민평가단): planned → open → closed.</summary>
public class PanelRound : IOfficeOwned
{
    /// <summary>The plan's rounds: May, July, September and November.</summary>
    public static readonly IReadOnlyList<int> DefaultMonths = [5, 7, 9, 11];

    private PanelRound() { }

    public PanelRound(int officeId, int year, int month, int plannedCases)
    {
        if (month is < 1 or > 12) throw new DomainException("월은 1~12여야 합니다.");
        if (plannedCases is < 1 or > 100) throw new DomainException("계획 건수는 1~100이어야 합니다.");
        OfficeId = officeId;
        Year = year;
        Month = month;
        PlannedCases = plannedCases;
        Status = PanelRoundStatuses.Planned;
    }

    public int Id { get; private set; }
    public int OfficeId { get; private set; }
    public int Year { get; private set; }
    public int Month { get; private set; }
    public int PlannedCases { get; private set; }
    public string Status { get; private set; } = PanelRoundStatuses.Planned;
    public DateTime? ClosedAtUtc { get; private set; }

    public string Key => $"{Year:0000}-{Month:00}";
    public bool IsClosed => Status == PanelRoundStatuses.Closed;

    public void Open()
    {
        if (Status != PanelRoundStatuses.Planned) throw new DomainException("계획 상태의 회차만 시작할 수 있습니다.");
        Status = PanelRoundStatuses.Open;
    }

    public void Close(DateTime atUtc)
    {
        if (Status != PanelRoundStatuses.Open) throw new DomainException("진행 중인 회차만 마칠 수 있습니다.");
        Status = PanelRoundStatuses.Closed;
        ClosedAtUtc = atUtc;
    }

    public void EnsureEditable()
    {
        if (IsClosed) throw new DomainException("마친 회차는 바꿀 수 없습니다.");
    }
}

/// <summary>A panel member: personal data kept apart from customers, masked like all of it.</summary>
public class PanelMember : IOfficeOwned
{
    private PanelMember() { }

    public PanelMember(int officeId, string name, string phone)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("성명을 입력하세요.");
        OfficeId = officeId;
        Name = name.Trim();
        Phone = phone.Trim();
    }

    public int Id { get; private set; }
    public int OfficeId { get; private set; }
    public string Name { get; private set; } = "";
    public string Phone { get; private set; } = "";
}

/// <summary>A complaint a panel member filed, linked to its round (hidden from the handling staff until the round closes).</summary>
public class PanelCase
{
    private PanelCase() { }

    /// <summary>The panel evaluates the four Total Service types only (the plan's 4대 시민불편 민원).</summary>
    public static void EnsureEligible(string typeCode)
    {
        if (!Complaints.ComplaintTypeCodes.TotalService.Contains(typeCode))
            throw new DomainException(NotEligible);
    }

    public const string NotEligible = "시민평가단은 4대 토탈서비스 민원(옥내누수진단, 누수요금감면, 급수불편, 수질검사)만 평가합니다.";

    public PanelCase(int roundId, long complaintId, int? memberId)
    {
        RoundId = roundId;
        ComplaintId = complaintId;
        MemberId = memberId;
    }

    public long Id { get; private set; }
    public int RoundId { get; private set; }
    public long ComplaintId { get; private set; }
    public int? MemberId { get; private set; }
}

/// <summary>One item's answer for one panel case.</summary>
public class PanelAnswer
{
    private PanelAnswer() { }

    public PanelAnswer(int roundId, long complaintId, int item, string answer, string? comment)
    {
        RoundId = roundId;
        ComplaintId = complaintId;
        Item = item;
        Set(answer, comment);
    }

    public long Id { get; private set; }
    public int RoundId { get; private set; }
    public long ComplaintId { get; private set; }
    public int Item { get; private set; }
    public string Answer { get; private set; } = PanelAnswers.NotApplicable;
    public string? Comment { get; private set; }

    public void Set(string answer, string? comment)
    {
        if (!PanelAnswers.IsKnown(answer)) throw new DomainException("알 수 없는 답변입니다: {0}", answer);
        if (!PanelItems.IsKnown(Item)) throw new DomainException("문항은 1~6이어야 합니다.");
        Answer = answer;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
    }
}

/// <summary>The year's satisfaction target set by headquarters, in tenths of a percent (96.0 % → 960).</summary>
public class PanelTarget
{
    private PanelTarget() { }

    public PanelTarget(int year, int targetTenths)
    {
        Year = year;
        TargetTenths = targetTenths;
    }

    public int Year { get; private set; }
    public int TargetTenths { get; set; }
}

/// <summary>
/// Satisfaction = (very satisfied + satisfied) ÷ answers, pooled over every answer of the period, `na` left out, in
/// percent truncated to one decimal; null when there is no answer.
/// </summary>
public static class Satisfaction
{
    public sealed record Figures(int Answers, IReadOnlyDictionary<string, int> Counts, decimal? SatisfactionPercent)
    {
        /// <summary>Share of one answer in percent (one decimal, truncated).</summary>
        public decimal? Share(string answer) => Answers == 0 ? null : Truncate(Counts.GetValueOrDefault(answer) * 1000L / Answers);
    }

    public static Figures Of(IEnumerable<string> answers)
    {
        var counts = PanelAnswers.Scale.ToDictionary(a => a, _ => 0);
        foreach (var a in answers)
            if (counts.ContainsKey(a)) counts[a]++;
        var total = counts.Values.Sum();
        var good = counts[PanelAnswers.VerySatisfied] + counts[PanelAnswers.Satisfied];
        return new Figures(total, counts, total == 0 ? null : Truncate(good * 1000L / total));
    }

    private static decimal Truncate(long tenths) => tenths / 10m;
}
