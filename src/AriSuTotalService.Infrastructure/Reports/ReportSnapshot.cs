using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Reports;
using System.Text.Json;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Evaluations;
using AriSuTotalService.Infrastructure.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AriSuTotalService.Infrastructure.Reports;

/// <summary>A best practice a report lists.</summary>
public sealed record BestPracticeCase(string Reception, string Type, string WriteUp);

/// <summary>A year of the plan's opening series (62,249 → 75,387 → 81,016; the four types 13,224 → 16,711 → 14,617).</summary>
public sealed record YearFigures(int Year, int Total, int FourTypes);

/// <summary>
/// What a frozen report holds, read from the figures' one definition (<see cref="PerformanceFigures"/>, <see cref="SurgeFunnel"/>,
/// <see cref="VisitFigures"/>, <see cref="SatisfactionFigure"/>) exactly as the dashboard and the API read them.
/// </summary>
public sealed record ReportContent(string From, string To, int Total, IReadOnlyList<TypeFigures> ByType, TypeFigures FourTypes,
    ComplianceFigures Compliance, decimal? Satisfaction, decimal? SatisfactionTarget, int SurgesCompared, int SurgesFlagged,
    IReadOnlyList<BestPracticeCase>? BestPractices = null, int Visited = 0, int VisitsKept = 0, int VisitsEnteredHome = 0,
    IReadOnlyList<IndoorEntryFigure>? IndoorEntries = null, int? PreviousYearTotal = null)
{
    /// <summary>The plan's fourteen columns (each summing the catalogue's types counted in it).</summary>
    public IReadOnlyList<TypeFigures> Columns { get; init; } = [];

    /// <summary>Each field's subtotal and its share of all complaints, rounded as the plan prints it (79.2 / 20.8).</summary>
    public IReadOnlyList<FieldFigures> Fields { get; init; } = [];

    /// <summary>Derived complaints of the period (1,072 in 2016 = 72 + 790 + 12 + 198).</summary>
    public int DerivedTotal { get; init; }

    /// <summary>Supply-inconvenience complaints now and a year earlier: the reduction headquarters scores.</summary>
    public int SupplyInconvenienceTotal { get; init; }
    public int? PreviousYearSupplyInconvenience { get; init; }

    /// <summary>The yearly report's three years (the plan's opening series), oldest first; empty for a monthly report.</summary>
    public IReadOnlyList<YearFigures> Years { get; init; } = [];

    /// <summary>
    /// A month of the period had no completed scan when the report was made (its surges are not known yet, not 0): the
    /// scan, when it completes, adds a version.
    /// </summary>
    public bool ScanPending { get; init; }

    /// <summary>Whether the last month was still running when frozen (the year earlier is then counted to the same day).</summary>
    public string? CountedUntil { get; init; }

    /// <summary>The reduction of all complaints against the same period a year earlier.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public decimal? ReductionFromPreviousYear => PreviousYearTotal is { } previous ? new ReductionFigure(Total, previous).Rate : null;

    /// <summary>The reduction of supply-inconvenience complaints: the one headquarters scores.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public decimal? ScoredReduction => PreviousYearSupplyInconvenience is { } previous ? new ReductionFigure(SupplyInconvenienceTotal, previous).Rate : null;

    [System.Text.Json.Serialization.JsonIgnore]
    public int IndoorEntriesTotal => IndoorEntries?.Sum(e => e.Complaints) ?? 0;

    public static async Task<ReportContent> BuildAsync(ArisuDbContext db, int officeId, DateOnly from, DateOnly to, CancellationToken ct,
        DateOnly? today = null)
    {
        var period = today is { } day ? ReportPeriod.Of(from, to, day) : new ReportPeriod(from, to);
        var figures = await PerformanceFigures.ComputeAsync(db, officeId, period, null, ct);
        var yearEarlier = await PerformanceFigures.ComputeAsync(db, officeId, period.YearEarlier, null, ct);
        var satisfaction = await SatisfactionFigure.OfYearAsync(db, officeId, to.Year, ct);
        var funnel = await SurgeFunnel.ComputeAsync(db, officeId, from, to, ct);
        var scanned = await SurgeFunnel.LatestScans(db, officeId, from, to).CountAsync(ct);
        var visits = await VisitFigures.ComputeAsync(db, officeId, period, ct);
        var (fromUtc, toUtc) = (period.FromUtc, period.ToUtc);
        var practices = await db.BestPractices.AsNoTracking().Where(p => p.OfficeId == officeId)
            .Join(db.Complaints, p => p.ComplaintId, c => c.Id, (p, c) => new { p.WriteUp, c.ReceptionNumber, Type = c.Type!.NameKo, c.ReceivedAtUtc })
            .Where(x => x.ReceivedAtUtc >= fromUtc && x.ReceivedAtUtc < toUtc).OrderBy(x => x.ReceptionNumber)
            .Select(x => new BestPracticeCase(x.ReceptionNumber, x.Type, x.WriteUp)).ToListAsync(ct);
        var years = new List<YearFigures>();
        if (period.Months == 12 && from.Month == 1)
        {
            for (var back = 2; back >= 0; back--)
            {
                var year = back == 0 ? figures : back == 1 ? yearEarlier
                    : await PerformanceFigures.ComputeAsync(db, officeId, period.Shift(-12 * back), null, ct);
                years.Add(new YearFigures(from.Year - back, year.Total, year.FourTypes.Total));
            }
        }
        return new ReportContent(from.ToString("yyyy-MM"), to.ToString("yyyy-MM"), figures.Total, figures.ByType, figures.FourTypes,
            figures.Compliance, satisfaction.Percent, satisfaction.Target, funnel.Compared, funnel.Surges,
            practices, visits.Visited, visits.Kept, visits.EnteredHome, figures.IndoorEntries, yearEarlier.Total)
        {
            Columns = figures.Columns,
            Fields = figures.Fields,
            DerivedTotal = figures.DerivedTotal,
            SupplyInconvenienceTotal = figures.ColumnTotal(Domain.Reports.PlanTable.ScoredReductionColumn),
            PreviousYearSupplyInconvenience = yearEarlier.ColumnTotal(Domain.Reports.PlanTable.ScoredReductionColumn),
            Years = years,
            CountedUntil = period.Until?.AddDays(-1).ToString("yyyy-MM-dd"),
            ScanPending = scanned < period.Months,
        };
    }

    public string ToJson() => JsonSerializer.Serialize(this);

    public static ReportContent FromJson(string json) => JsonSerializer.Deserialize<ReportContent>(json)!;
}

/// <summary>
/// Freezes the previous month's report for every office (07:00 on the 6th, after the scan of the 5th). A month that
/// already has a report is left alone, so a rerun changes nothing; people regenerate on the reports page.
/// </summary>
[AutomaticRetry(Attempts = 3)]
public sealed class MonthlyReportJob(ArisuDbContext db, TimeProvider clock)
{
    public const string Id = "monthly-report";

    /// <summary>The day of the month the schedule freezes the previous month (see <see cref="Jobs.RecurringJobs"/>).</summary>
    public const int ScheduledDay = 6;

    public Task RunScheduledAsync(CancellationToken ct)
    {
        var today = SeoulTime.Today(clock);
        return FreezeAsync(new DateOnly(today.Year, today.Month, 1).AddMonths(-1), ct);
    }

    /// <summary>
    /// At start and daily: the latest month whose report should have been frozen (the previous month from the 6th on,
    /// the one before until then) is frozen now when it was not (the job store forgot the schedule, or the server was
    /// down on the 6th).
    /// </summary>
    public Task CatchUpAsync(CancellationToken ct = default) => FreezeAsync(LatestDue(), ct);

    /// <summary>The latest month whose report should be frozen by now: the previous month from the 6th on, the one before until then.</summary>
    private DateOnly LatestDue()
    {
        var today = SeoulTime.Today(clock);
        return new DateOnly(today.Year, today.Month, 1).AddMonths(today.Day >= ScheduledDay ? -1 : -2);
    }

    private async Task FreezeAsync(DateOnly month, CancellationToken ct)
    {
        foreach (var officeId in await db.Offices.Select(o => o.Id).ToListAsync(ct))
        {
            db.ActFor(officeId);
            await FreezeOnceAsync(officeId, month, ct);
        }
    }

    /// <summary>
    /// After a scan completes: its month's report, when due — frozen now if it was not, or given a new version when the
    /// one frozen says its scan had not finished (it would otherwise keep "no surges" for good).
    /// </summary>
    public async Task FreezeIfDueAsync(int officeId, DateOnly month, CancellationToken ct)
    {
        if (month > LatestDue()) return;
        var latest = await db.ReportSnapshots.AsNoTracking()
            .Where(s => s.OfficeId == officeId && s.Kind == ReportSnapshot.Monthly && s.Period == month)
            .OrderByDescending(s => s.Version).Select(s => s.Content).FirstOrDefaultAsync(ct);
        if (latest is null) await FreezeOnceAsync(officeId, month, ct);
        else if (ReportContent.FromJson(latest).ScanPending) await SaveVersionAsync(officeId, ReportSnapshot.Monthly, month, "system", onlyIfNone: false, ct);
    }

    private async Task FreezeOnceAsync(int officeId, DateOnly month, CancellationToken ct)
    {
        if (await db.ReportSnapshots.AnyAsync(s => s.OfficeId == officeId && s.Kind == ReportSnapshot.Monthly && s.Period == month, ct)) return;
        // Another node may freeze the same month at this moment (its start-up catch-up and this schedule): the first
        // version stands, a second is not made.
        await SaveVersionAsync(officeId, ReportSnapshot.Monthly, month, "system", onlyIfNone: true, ct);
    }

    /// <summary>A new version of a report (monthly: the month; yearly: January to December of the year).</summary>
    public async Task<ReportSnapshot> CreateAsync(int officeId, string kind, DateOnly period, string by, CancellationToken ct) =>
        (await SaveVersionAsync(officeId, kind, period, by, onlyIfNone: false, ct))!;

    /// <param name="onlyIfNone">The automatic freeze: when another node froze the period meanwhile, its version is the one kept (null).</param>
    private async Task<ReportSnapshot?> SaveVersionAsync(int officeId, string kind, DateOnly period, string by, bool onlyIfNone, CancellationToken ct)
    {
        var first = kind == ReportSnapshot.Yearly ? new DateOnly(period.Year, 1, 1) : new DateOnly(period.Year, period.Month, 1);
        var last = kind == ReportSnapshot.Yearly ? first.AddMonths(11) : first;
        // A period still running is counted to today, the year earlier to the same day.
        var content = (await ReportContent.BuildAsync(db, officeId, first, last, ct, SeoulTime.Today(clock))).ToJson();
        // Versions count up per office, kind and period, held unique by the database: two saves of the same number at once
        // (two nodes, two chiefs) keep one; the other takes the next number.
        for (var attempt = 1; ; attempt++)
        {
            var version = (await db.ReportSnapshots.Where(s => s.OfficeId == officeId && s.Kind == kind && s.Period == first)
                .MaxAsync(s => (int?)s.Version, ct) ?? 0) + 1;
            if (onlyIfNone && version > 1) return null;
            var snapshot = new ReportSnapshot(officeId, kind, first, version, content, by, clock.GetUtcNow().UtcDateTime);
            db.ReportSnapshots.Add(snapshot);
            try
            {
                await db.SaveChangesAsync(ct);
                return snapshot;
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation() && attempt < 5)
            {
                db.Entry(snapshot).State = EntityState.Detached;
            }
        }
    }
}
