using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Reports;

/// <summary>Rates as the plan's tables print them: percent truncated to one decimal (2,903 ÷ 4,488 → 64.6); null without a denominator.</summary>
public static class Rate
{
    public static decimal? Of(long part, long whole) => whole == 0 ? null : part * 1000 / whole / 10m;
}

public sealed record TypeFigures(string TypeCode, string Name, string Field, bool TotalService, int Total, int CitizenApplied, int Proactive, int Derived)
{
    public decimal? ProactiveRate => Rate.Of(Proactive, Total);
}

public sealed record ComplianceFigures(int Closed, int ClosedOnTime)
{
    public decimal? Rate => Reports.Rate.Of(ClosedOnTime, Closed);
}

/// <summary>The office's figures for a range of months, the way headquarters scores them.</summary>
public sealed record PerformanceFigures(DateOnly From, DateOnly To, IReadOnlyList<TypeFigures> ByType, ComplianceFigures Compliance,
    IReadOnlyDictionary<string, ComplianceFigures> ComplianceByType)
{
    public int Total => ByType.Sum(t => t.Total);
    public TypeFigures FourTypes => new("FOUR_TYPES", "4대 시민불편 민원", "", true,
        ByType.Where(t => t.TotalService).Sum(t => t.Total), ByType.Where(t => t.TotalService).Sum(t => t.CitizenApplied),
        ByType.Where(t => t.TotalService).Sum(t => t.Proactive), ByType.Where(t => t.TotalService).Sum(t => t.Derived));

    /// <summary>
    /// Counts by type and channel of the complaints received in the months (cancelled ones never count), and deadline
    /// compliance of those resolved in the months — two grouped queries, whatever the data size.
    /// </summary>
    public static async Task<PerformanceFigures> ComputeAsync(ArisuDbContext db, DateOnly fromMonth, DateOnly toMonth, string? division,
        CancellationToken ct = default)
    {
        var fromUtc = SeoulTime.ToUtc(new DateOnly(fromMonth.Year, fromMonth.Month, 1).ToDateTime(TimeOnly.MinValue));
        var toUtc = SeoulTime.ToUtc(new DateOnly(toMonth.Year, toMonth.Month, 1).AddMonths(1).ToDateTime(TimeOnly.MinValue));
        var complaints = db.Complaints.AsNoTracking();
        if (!string.IsNullOrEmpty(division)) complaints = complaints.Where(c => c.Division == division);

        var counts = await complaints
            .Where(c => c.ReceivedAtUtc >= fromUtc && c.ReceivedAtUtc < toUtc && c.Status != ComplaintStatuses.Cancelled)
            .GroupBy(c => new { c.ComplaintTypeId, c.Channel })
            .Select(g => new { g.Key.ComplaintTypeId, g.Key.Channel, Count = g.Count() })
            .ToListAsync(ct);
        var closed = await complaints
            .Where(c => c.Status == ComplaintStatuses.Resolved && c.ClosedAtUtc >= fromUtc && c.ClosedAtUtc < toUtc)
            .GroupBy(c => c.ComplaintTypeId)
            .Select(g => new { TypeId = g.Key, Closed = g.Count(), OnTime = g.Count(c => c.ClosedAtUtc <= c.DeadlineAtUtc) })
            .ToListAsync(ct);
        var types = await db.ComplaintTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);

        var byType = types.Select(t =>
        {
            var rows = counts.Where(c => c.ComplaintTypeId == t.Id).ToList();
            return new TypeFigures(t.Code, t.NameKo, t.Field, t.IsTotalService, rows.Sum(r => r.Count),
                rows.Where(r => Channels.CitizenApplied.Contains(r.Channel)).Sum(r => r.Count),
                rows.Where(r => Channels.OfficeInitiated.Contains(r.Channel)).Sum(r => r.Count),
                rows.Where(r => r.Channel == Channels.Derived).Sum(r => r.Count));
        }).ToList();
        var byTypeCompliance = types.ToDictionary(t => t.Code, t => closed.FirstOrDefault(c => c.TypeId == t.Id) is { } c
            ? new ComplianceFigures(c.Closed, c.OnTime) : new ComplianceFigures(0, 0));
        return new PerformanceFigures(fromMonth, toMonth, byType, new ComplianceFigures(closed.Sum(c => c.Closed), closed.Sum(c => c.OnTime)), byTypeCompliance);
    }
}
