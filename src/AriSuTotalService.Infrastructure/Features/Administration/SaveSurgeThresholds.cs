using AriSuTotalService.Domain.Surges;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Surges;

namespace AriSuTotalService.Infrastructure.Features.Administration;

/// <summary>
/// The office's surge thresholds (defaults 40 %, 30 %, 3 m³), used by the next scan. Every rule of them lives here: the
/// page only binds the numbers.
/// </summary>
public static class SaveSurgeThresholds
{
    public const int MaxPercent = 1000;
    public const int MaxIncrease = 1000;

    public sealed record Command(int? DiagnosisPercent, int? NoticePercent, int? MinIncreaseM3);

    public static IReadOnlyList<FieldError> Validate(Command c)
    {
        var refused = new Refusals();
        if (c.DiagnosisPercent is not (>= 1 and <= MaxPercent))
            refused.Add(nameof(c.DiagnosisPercent), "진단 대상 기준은 {0}~{1}% 사이여야 합니다.", 1, MaxPercent);
        if (c.NoticePercent is not (>= 1 and <= MaxPercent))
            refused.Add(nameof(c.NoticePercent), "안내문 기준은 {0}~{1}% 사이여야 합니다.", 1, MaxPercent);
        else if (c.DiagnosisPercent is { } d && c.NoticePercent > d)
            refused.Add(nameof(c.NoticePercent), "안내문 기준은 진단 대상 기준보다 클 수 없습니다 (진단 대상은 모두 안내문 대상입니다).");
        if (c.MinIncreaseM3 is not (>= 0 and <= MaxIncrease))
            refused.Add(nameof(c.MinIncreaseM3), "최소 증가량은 {0}~{1} m³ 사이여야 합니다.", 0, MaxIncrease);
        return refused.Errors;
    }

    public sealed class Handler(ArisuDbContext db)
    {
        public async Task HandleAsync(Command c, CancellationToken ct)
        {
            var errors = Validate(c);
            if (errors.Count > 0) throw new ValidationFailedException(errors);
            await db.InTransactionAsync(() => SurgeSettings.SaveAsync(db, db.Office,
                new SurgeThresholds(c.DiagnosisPercent!.Value, c.NoticePercent!.Value, c.MinIncreaseM3!.Value), ct), ct);
        }
    }
}
