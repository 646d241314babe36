using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Reports;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Reports;

/// <summary>Rates as the plan's tables print them: percent truncated to one decimal (2,903 ÷ 4,488 → 64.6); null without a denominator.</summary>
public static class Rate
{
    public static decimal? Of(long part, long whole) => whole == 0 ? null : part * 1000 / whole / 10m;
}

/// <summary>Shares as the plan prints them: a field's part of all complaints rounded to one decimal (64,141 ÷ 81,016 → 79.2).</summary>
public static class Share
{
    public static decimal? Of(long part, long whole) => whole == 0 ? null : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);
}

/// <summary>
/// The months a figure counts, and — when the last of them is still running — the day it counts to (exclusive): a
/// comparison with an earlier period is then made over the same days of it (like for like), never with a whole month.
/// </summary>
public sealed record ReportPeriod(DateOnly FromMonth, DateOnly ToMonth, DateOnly? Until = null)
{
    /// <summary>The months, cut at today when the month running is one of them.</summary>
    public static ReportPeriod Of(DateOnly fromMonth, DateOnly toMonth, DateOnly today)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        return new ReportPeriod(fromMonth, toMonth, fromMonth <= thisMonth && thisMonth <= toMonth ? today.AddDays(1) : null);
    }

    public DateOnly End => Until ?? ToMonth.AddMonths(1);
    public DateTime FromUtc => SeoulTime.ToUtc(FromMonth.ToDateTime(TimeOnly.MinValue));
    public DateTime ToUtc => SeoulTime.ToUtc(End.ToDateTime(TimeOnly.MinValue));
    public int Months => (ToMonth.Year - FromMonth.Year) * 12 + ToMonth.Month - FromMonth.Month + 1;

    /// <summary>The same months (and days) <paramref name="months"/> earlier.</summary>
    public ReportPeriod Shift(int months) => new(FromMonth.AddMonths(months), ToMonth.AddMonths(months), Until?.AddMonths(months));

    public ReportPeriod YearEarlier => Shift(-12);

    /// <summary>The period just before, as long (for a whole year: the year before).</summary>
    public ReportPeriod Before => Shift(-Months);
}

/// <summary>
/// The definitions every page, report, drill-down list and API reads — a complaint counted, open, overdue, closed on
/// time — written once as query slices, so a figure and the list behind it can never disagree.
/// </summary>
public static class ComplaintFigures
{
    /// <summary>What every figure counts: cancelled complaints never count.</summary>
    public static IQueryable<Complaint> Counted(this IQueryable<Complaint> q) => q.Where(c => c.Status != ComplaintStatuses.Cancelled);

    /// <summary>Received in the period (and counted).</summary>
    public static IQueryable<Complaint> ReceivedIn(this IQueryable<Complaint> q, ReportPeriod p)
    {
        var (from, to) = (p.FromUtc, p.ToUtc);
        return q.Counted().Where(c => c.ReceivedAtUtc >= from && c.ReceivedAtUtc < to);
    }

    /// <summary>Not yet closed: received, scheduled, visited, or transferred and waiting for the other division's result.</summary>
    public static IQueryable<Complaint> Open(this IQueryable<Complaint> q) => q.Where(c => ComplaintStatuses.Open.Contains(c.Status));

    /// <summary>Open, past its deadline, and not paused: a paused complaint's clock stands still (its deadline moves on resuming).</summary>
    public static IQueryable<Complaint> Overdue(this IQueryable<Complaint> q, DateTime nowUtc) =>
        q.Open().Where(c => c.DeadlineAtUtc < nowUtc && c.PausedAtUtc == null);

    /// <summary><see cref="Overdue"/> for one complaint read as values (a list's row, a detail page): the same rule.</summary>
    public static bool IsOverdue(string status, DateTime deadlineUtc, DateTime? pausedAtUtc, DateTime nowUtc) =>
        ComplaintStatuses.Open.Contains(status) && deadlineUtc < nowUtc && pausedAtUtc is null;

    /// <summary>Resolved within the period: what deadline compliance counts.</summary>
    public static IQueryable<Complaint> ResolvedIn(this IQueryable<Complaint> q, DateTime fromUtc, DateTime toUtc) =>
        q.Where(c => c.Status == ComplaintStatuses.Resolved && c.ClosedAtUtc >= fromUtc && c.ClosedAtUtc < toUtc);

    /// <summary>Closed by its deadline.</summary>
    public static IQueryable<Complaint> OnTime(this IQueryable<Complaint> q) => q.Where(c => c.ClosedAtUtc <= c.DeadlineAtUtc);

    /// <summary>Deadline compliance of the complaints resolved in [from, to).</summary>
    public static async Task<ComplianceFigures> ComplianceAsync(IQueryable<Complaint> q, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var closed = q.ResolvedIn(fromUtc, toUtc);
        return new ComplianceFigures(await closed.CountAsync(ct), await closed.OnTime().CountAsync(ct));
    }
}

public sealed record TypeFigures(string TypeCode, string Name, string Field, bool TotalService, int Total, int CitizenApplied, int Proactive, int Derived)
{
    /// <summary>The plan's column it is counted in.</summary>
    public string ReportColumn { get; init; } = TypeCode;

    public decimal? ProactiveRate => Rate.Of(Proactive, Total);
}

public sealed record ComplianceFigures(int Closed, int ClosedOnTime)
{
    public decimal? Rate => Reports.Rate.Of(ClosedOnTime, Closed);
}

/// <summary>A field's subtotal and its share of all complaints (요금 64,141 → 79.2 % in 2016).</summary>
public sealed record FieldFigures(string Field, int Total, decimal? Share);

/// <summary>The plan's indoor entries: the whole of some columns, of indoor piping the advice given on site only.</summary>
public sealed record IndoorEntryFigure(string TypeCode, string Type, int Complaints);

/// <summary>The office's figures for a period, the way headquarters scores them.</summary>
public sealed record PerformanceFigures(DateOnly From, DateOnly To, IReadOnlyList<TypeFigures> ByType, ComplianceFigures Compliance,
    IReadOnlyDictionary<string, ComplianceFigures> ComplianceByType)
{
    public int Total => ByType.Sum(t => t.Total);

    /// <summary>
    /// The plan's fourteen columns, each summing the types the catalogue counts in it (a catalogue of 39 types still
    /// fills the same table), named and ordered as the plan's table.
    /// </summary>
    public IReadOnlyList<TypeFigures> Columns => PlanTable.Columns.Select(column =>
    {
        var of = ByType.Where(t => t.ReportColumn == column).ToList();
        var own = ByType.FirstOrDefault(t => t.TypeCode == column);
        return new TypeFigures(column, own?.Name ?? column, PlanTable.FieldOf(column), ComplaintTypeCodes.TotalService.Contains(column),
            of.Sum(t => t.Total), of.Sum(t => t.CitizenApplied), of.Sum(t => t.Proactive), of.Sum(t => t.Derived));
    }).ToList();

    /// <summary>The four citizen-inconvenience columns (4대 시민불편 민원) and their total.</summary>
    public IReadOnlyList<TypeFigures> Four => Columns.Where(c => c.TotalService).ToList();

    public TypeFigures FourTypes => new("FOUR_TYPES", "4대 시민불편 민원", "", true,
        Four.Sum(t => t.Total), Four.Sum(t => t.CitizenApplied), Four.Sum(t => t.Proactive), Four.Sum(t => t.Derived));

    /// <summary>Each field's subtotal and its share of all complaints, rounded as the plan prints it.</summary>
    public IReadOnlyList<FieldFigures> Fields => ComplaintFields.All
        .Select(f => new FieldFigures(f, Columns.Where(c => c.Field == f).Sum(c => c.Total), Share.Of(Columns.Where(c => c.Field == f).Sum(c => c.Total), Total)))
        .ToList();

    /// <summary>Derived complaints (추가 파생 민원), found while handling others: 1,072 in 2016.</summary>
    public int DerivedTotal => ByType.Sum(t => t.Derived);

    /// <summary>
    /// Indoor entries as the plan counts them (8,926 in 2016 = 4,488 + 654 + 790 + 2,994): the whole of the leak-diagnosis,
    /// water-quality and supply-inconvenience columns, and of indoor piping only the advice given on site (derived).
    /// </summary>
    public IReadOnlyList<IndoorEntryFigure> IndoorEntries => Columns
        .Where(c => PlanTable.IndoorEntryColumns.Contains(c.TypeCode) || c.TypeCode == PlanTable.IndoorAdviceColumn)
        .Select(c => new IndoorEntryFigure(c.TypeCode, c.TypeCode == PlanTable.IndoorAdviceColumn ? "옥내급수관 상담" : c.Name,
            c.TypeCode == PlanTable.IndoorAdviceColumn ? c.Derived : c.Total))
        .ToList();

    public int IndoorEntriesTotal => IndoorEntries.Sum(e => e.Complaints);

    /// <summary>Deadline compliance of a column's types.</summary>
    public ComplianceFigures ColumnCompliance(string column)
    {
        var of = ByType.Where(t => t.ReportColumn == column).Select(t => ComplianceByType[t.TypeCode]).ToList();
        return new ComplianceFigures(of.Sum(c => c.Closed), of.Sum(c => c.ClosedOnTime));
    }

    /// <summary>The complaints of a column (the scored reduction's supply inconvenience).</summary>
    public int ColumnTotal(string column) => Columns.Single(c => c.TypeCode == column).Total;

    /// <summary>
    /// Counts by type and channel of the office's complaints received in the period (<see cref="ComplaintFigures.ReceivedIn"/>),
    /// and deadline compliance of those resolved in it. One statement: a row per complaint type whose every figure is a
    /// count over a range of the (office, type, channel, date) indexes, so the database counts index entries instead of
    /// sorting and grouping the period's complaints — the same cost for a month or a decade.
    /// </summary>
    public static async Task<PerformanceFigures> ComputeAsync(ArisuDbContext db, int officeId, ReportPeriod period, string? division,
        CancellationToken ct = default)
    {
        var complaints = Of(db, officeId, division);
        var received = complaints.ReceivedIn(period);
        var resolved = complaints.ResolvedIn(period.FromUtc, period.ToUtc);
        var onTime = resolved.OnTime();
        var rows = await db.ComplaintTypes.AsNoTracking().OrderBy(t => t.SortOrder).Select(t => new
        {
            Type = t,
            Phone = received.Count(c => c.ComplaintTypeId == t.Id && c.Channel == Channels.Phone),
            Visit = received.Count(c => c.ComplaintTypeId == t.Id && c.Channel == Channels.Visit),
            Web = received.Count(c => c.ComplaintTypeId == t.Id && c.Channel == Channels.Web),
            Proactive = received.Count(c => c.ComplaintTypeId == t.Id && c.Channel == Channels.Proactive),
            Derived = received.Count(c => c.ComplaintTypeId == t.Id && c.Channel == Channels.Derived),
            Closed = resolved.Count(c => c.ComplaintTypeId == t.Id),
            OnTime = onTime.Count(c => c.ComplaintTypeId == t.Id),
        }).ToListAsync(ct);

        // The four are the plan's columns, not the catalogue flag (an administrator may flag more for office views).
        var byType = rows.Select(r => new TypeFigures(r.Type.Code, r.Type.NameKo, r.Type.Field, ComplaintTypeCodes.TotalService.Contains(r.Type.ReportColumn),
            r.Phone + r.Visit + r.Web + r.Proactive + r.Derived, r.Phone + r.Visit + r.Web, r.Proactive + r.Derived, r.Derived)
        {
            ReportColumn = r.Type.ReportColumn,
        }).ToList();
        var byTypeCompliance = rows.ToDictionary(r => r.Type.Code, r => new ComplianceFigures(r.Closed, r.OnTime));
        return new PerformanceFigures(period.FromMonth, period.ToMonth, byType, new ComplianceFigures(rows.Sum(r => r.Closed), rows.Sum(r => r.OnTime)),
            byTypeCompliance);
    }

    /// <summary>Per month (oldest first): complaints received, the four types' complaints and how many of those the office initiated.</summary>
    public static async Task<IReadOnlyList<(DateOnly Month, int Total, int Four, int FourOffice)>> MonthlyAsync(ArisuDbContext db, int officeId,
        DateOnly firstMonth, int months, string? division, CancellationToken ct = default)
    {
        var complaints = Of(db, officeId, division);
        var result = new List<(DateOnly, int, int, int)>(months);
        for (var i = 0; i < months; i++)
        {
            var received = complaints.ReceivedIn(new ReportPeriod(firstMonth.AddMonths(i), firstMonth.AddMonths(i)));
            // Counted per channel: each count is then one tight range of the (office, type, channel, date) index.
            var rows = await db.ComplaintTypes.AsNoTracking().Select(t => new
            {
                t.ReportColumn,
                Citizen = received.Count(c => c.ComplaintTypeId == t.Id && c.Channel == Channels.Phone)
                    + received.Count(c => c.ComplaintTypeId == t.Id && c.Channel == Channels.Visit)
                    + received.Count(c => c.ComplaintTypeId == t.Id && c.Channel == Channels.Web),
                Office = received.Count(c => c.ComplaintTypeId == t.Id && c.Channel == Channels.Proactive)
                    + received.Count(c => c.ComplaintTypeId == t.Id && c.Channel == Channels.Derived),
            }).ToListAsync(ct);
            var four = rows.Where(r => ComplaintTypeCodes.TotalService.Contains(r.ReportColumn)).ToList();
            result.Add((firstMonth.AddMonths(i), rows.Sum(r => r.Citizen + r.Office), four.Sum(r => r.Citizen + r.Office), four.Sum(r => r.Office)));
        }
        return result;
    }

    private static IQueryable<Complaint> Of(ArisuDbContext db, int officeId, string? division)
    {
        var complaints = db.Complaints.AsNoTracking().Where(c => c.OfficeId == officeId);
        return string.IsNullOrEmpty(division) ? complaints : complaints.Where(c => c.Division == division);
    }
}

/// <summary>
/// A reduction of complaints against the same period a year earlier (headquarters' fourth field): (a year earlier −
/// now) ÷ a year earlier, in percent truncated toward zero, negative when complaints rose; null without a year earlier.
/// </summary>
public sealed record ReductionFigure(int Total, int PreviousYearTotal)
{
    public decimal? Rate => Reports.Rate.Of(PreviousYearTotal - Total, PreviousYearTotal);
}

/// <summary>The reduction of all complaints, and of supply-inconvenience complaints — the one headquarters scores.</summary>
public sealed record ReductionFigures(ReductionFigure All, ReductionFigure SupplyInconvenience)
{
    public static ReductionFigures Of(PerformanceFigures now, PerformanceFigures yearEarlier) => new(
        new ReductionFigure(now.Total, yearEarlier.Total),
        new ReductionFigure(now.ColumnTotal(PlanTable.ScoredReductionColumn), yearEarlier.ColumnTotal(PlanTable.ScoredReductionColumn)));
}
