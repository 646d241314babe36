using System.Globalization;
using AriSuTotalService.Domain.Reports;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Features.Administration;

/// <summary>
/// The office's yearly targets for its headline figures (4대 민원 선제 처리율, 처리기한 준수율, 전년 대비 민원 감축률), set by
/// an administrator and shown beside each figure on the dashboard. A target is a percentage with at most one decimal
/// between 0 and 100; a blank one removes the target. All of a year's targets are saved together.
/// </summary>
public static class PerformanceTargets
{
    /// <summary>The year's targets in percent as typed, by measure (the field of an error is the measure).</summary>
    public sealed record Command(int Year, IReadOnlyDictionary<string, string?> Targets);

    /// <summary>The office's targets of a year in percent, by measure.</summary>
    public static async Task<IReadOnlyDictionary<string, decimal>> OfYearAsync(ArisuDbContext db, int year, CancellationToken ct) =>
        await db.PerformanceTargets.AsNoTracking().Where(t => t.Year == year)
            .ToDictionaryAsync(t => t.Measure, t => t.TargetTenths / 10m, ct);

    public sealed class Handler(ArisuDbContext db)
    {
        public async Task HandleAsync(Command c, CancellationToken ct)
        {
            var refused = new Refusals();
            if (c.Year is < 2000 or > 2100) refused.Add(nameof(c.Year), "연도는 2000~2100 사이로 입력하세요.");
            var tenths = new Dictionary<string, int?>();
            foreach (var (measure, text) in c.Targets)
            {
                if (!PerformanceMeasures.IsKnown(measure)) refused.Add(measure, "알 수 없는 지표입니다: {0}", measure);
                else if (string.IsNullOrWhiteSpace(text)) tenths[measure] = null;
                else if (!decimal.TryParse(text.Trim().TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
                    || percent > 100 || decimal.Round(percent, 1) != percent)
                    refused.Add(measure, "목표는 0~100 사이의 숫자로, 소수 첫째 자리까지 입력하세요 (예: 60.5).");
                else tenths[measure] = (int)(percent * 10);
            }
            refused.ThrowIfAny();
            var office = db.Office;
            var rows = await db.PerformanceTargets.Where(t => t.Year == c.Year).ToListAsync(ct);
            foreach (var (measure, value) in tenths)
            {
                var row = rows.FirstOrDefault(r => r.Measure == measure);
                if (value is null && row is not null) db.PerformanceTargets.Remove(row);
                else if (value is { } v && row is null) db.PerformanceTargets.Add(new PerformanceTarget(office, c.Year, measure, v));
                else if (value is { } w) row!.Set(w);
            }
            await db.SaveChangesAsync(ct);
        }
    }
}
