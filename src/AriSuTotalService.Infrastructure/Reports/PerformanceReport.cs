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
    /// Counts by type and channel of the office's complaints received in the months (cancelled ones never count), and
    /// deadline compliance of those resolved in the months. One statement: a row per complaint type whose every figure is
    /// a count over a range of the (office, type, channel, date) indexes, so the database counts index entries instead of
    /// sorting and grouping the period's complaints — the same cost for a month or a decade.
    /// </summary>
    public static async Task<PerformanceFigures> ComputeAsync(ArisuDbContext db, int officeId, DateOnly fromMonth, DateOnly toMonth, string? division,
        CancellationToken ct = default)
    {
        var fromUtc = SeoulTime.ToUtc(new DateOnly(fromMonth.Year, fromMonth.Month, 1).ToDateTime(TimeOnly.MinValue));
        var toUtc = SeoulTime.ToUtc(new DateOnly(toMonth.Year, toMonth.Month, 1).AddMonths(1).ToDateTime(TimeOnly.MinValue));
        var complaints = Of(db, officeId, division);
        var received = complaints.Where(c => c.ReceivedAtUtc >= fromUtc && c.ReceivedAtUtc < toUtc && c.Status != ComplaintStatuses.Cancelled);
        var resolved = complaints.Where(c => c.Status == ComplaintStatuses.Resolved && c.ClosedAtUtc >= fromUtc && c.ClosedAtUtc < toUtc);
        var rows = await db.ComplaintTypes.AsNoTracking().OrderBy(t => t.SortOrder).Select(t => new
        {
            Type = t,
            Phone = received.Count(c => c.ComplaintTypeId == t.Id && c.Channel == Channels.Phone),
            Visit = received.Count(c => c.ComplaintTypeId == t.Id && c.Channel == Channels.Visit),
            Web = received.Count(c => c.ComplaintTypeId == t.Id && c.Channel == Channels.Web),
            Proactive = received.Count(c => c.ComplaintTypeId == t.Id && c.Channel == Channels.Proactive),
            Derived = received.Count(c => c.ComplaintTypeId == t.Id && c.Channel == Channels.Derived),
            Closed = resolved.Count(c => c.ComplaintTypeId == t.Id),
            OnTime = resolved.Count(c => c.ComplaintTypeId == t.Id && c.ClosedAtUtc <= c.DeadlineAtUtc),
        }).ToListAsync(ct);

        // The four are the plan's, not the catalogue flag's (an administrator may flag more for office views).
        var byType = rows.Select(r => new TypeFigures(r.Type.Code, r.Type.NameKo, r.Type.Field, ComplaintTypeCodes.TotalService.Contains(r.Type.Code),
            r.Phone + r.Visit + r.Web + r.Proactive + r.Derived, r.Phone + r.Visit + r.Web, r.Proactive + r.Derived, r.Derived)).ToList();
        var byTypeCompliance = rows.ToDictionary(r => r.Type.Code, r => new ComplianceFigures(r.Closed, r.OnTime));
        return new PerformanceFigures(fromMonth, toMonth, byType, new ComplianceFigures(rows.Sum(r => r.Closed), rows.Sum(r => r.OnTime)), byTypeCompliance);
    }

    /// <summary>Per month (oldest first): complaints received, the four types' complaints and how many of those the office initiated.</summary>
    public static async Task<IReadOnlyList<(DateOnly Month, int Total, int Four, int FourOffice)>> MonthlyAsync(ArisuDbContext db, int officeId,
        DateOnly firstMonth, int months, string? division, CancellationToken ct = default)
    {
        var complaints = Of(db, officeId, division);
        var result = new List<(DateOnly, int, int, int)>(months);
        for (var i = 0; i < months; i++)
        {
            var month = firstMonth.AddMonths(i);
            var fromUtc = SeoulTime.ToUtc(month.ToDateTime(TimeOnly.MinValue));
            var toUtc = SeoulTime.ToUtc(month.AddMonths(1).ToDateTime(TimeOnly.MinValue));
            var received = complaints.Where(c => c.ReceivedAtUtc >= fromUtc && c.ReceivedAtUtc < toUtc && c.Status != ComplaintStatuses.Cancelled);
            // Counted per channel: each count is then one tight range of the (office, type, channel, date) index.
            var rows = await db.ComplaintTypes.AsNoTracking().Select(t => new
            {
                t.Code,
                Citizen = received.Count(c => c.ComplaintTypeId == t.Id && c.Channel == Channels.Phone)
                    + received.Count(c => c.ComplaintTypeId == t.Id && c.Channel == Channels.Visit)
                    + received.Count(c => c.ComplaintTypeId == t.Id && c.Channel == Channels.Web),
                Office = received.Count(c => c.ComplaintTypeId == t.Id && c.Channel == Channels.Proactive)
                    + received.Count(c => c.ComplaintTypeId == t.Id && c.Channel == Channels.Derived),
            }).ToListAsync(ct);
            var four = rows.Where(r => ComplaintTypeCodes.TotalService.Contains(r.Code)).ToList();
            result.Add((month, rows.Sum(r => r.Citizen + r.Office), four.Sum(r => r.Citizen + r.Office), four.Sum(r => r.Office)));
        }
        return result;
    }

    private static IQueryable<Complaint> Of(ArisuDbContext db, int officeId, string? division)
    {
        var complaints = db.Complaints.AsNoTracking().Where(c => c.OfficeId == officeId);
        return string.IsNullOrEmpty(division) ? complaints : complaints.Where(c => c.Division == division);
    }
}
