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

/// <summary>What a report holds: the performance figures and the panel's satisfaction against the year's target.</summary>
public sealed record BestPracticeCase(string Reception, string Type, string WriteUp);

/// <summary>Indoor entries as the plan counts them: complaints of a type that needs entering the home, received in the period.</summary>
public sealed record IndoorEntryFigure(string TypeCode, string Type, int Complaints);

public sealed record ReportContent(string From, string To, int Total, IReadOnlyList<TypeFigures> ByType, TypeFigures FourTypes,
    ComplianceFigures Compliance, decimal? Satisfaction, decimal? SatisfactionTarget, int SurgesCompared, int SurgesFlagged,
    IReadOnlyList<BestPracticeCase>? BestPractices = null, int Visited = 0, int VisitsKept = 0, int VisitsEnteredHome = 0,
    IReadOnlyList<IndoorEntryFigure>? IndoorEntries = null, int? PreviousYearTotal = null)
{
    /// <summary>
    /// Headquarters' fourth field: the reduction of complaints against the same period a year earlier, in percent
    /// (truncated to one decimal; negative when complaints rose); null without a year-earlier count.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public decimal? ReductionFromPreviousYear => PreviousYearTotal is { } previous ? Rate.Of(previous - Total, previous) : null;

    /// <summary>The plan's layout of the type table: each field's total and its share of all complaints (요금 분야 79.2 % in 2016).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<(string Field, int Total, decimal? Share)> FieldSubtotals =>
        ByType.GroupBy(t => t.Field).Select(g => (g.Key, g.Sum(t => t.Total), Rate.Of(g.Sum(t => t.Total), Total))).ToList();

    /// <summary>The plan's indoor-entry figure (8,926 in 2016 = 4,488 + 654 + 790 + 2,994): the sum over the types.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int IndoorEntriesTotal => IndoorEntries?.Sum(e => e.Complaints) ?? 0;

    /// <summary>
    /// Complaints (not cancelled) of the types the catalogue marks as entering the home, received in the period, by
    /// type — the figures' own counts per type (computable from imported history), so the two never disagree.
    /// </summary>
    public static async Task<List<IndoorEntryFigure>> IndoorEntriesAsync(ArisuDbContext db, PerformanceFigures figures, CancellationToken ct)
    {
        var entering = await db.ComplaintTypes.AsNoTracking().Where(t => t.EntersHome).Select(t => t.Code).ToListAsync(ct);
        return [.. figures.ByType.Where(t => t.Total > 0 && entering.Contains(t.TypeCode)).Select(t => new IndoorEntryFigure(t.TypeCode, t.Name, t.Total))];
    }

    public static async Task<ReportContent> BuildAsync(ArisuDbContext db, int officeId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var figures = await PerformanceFigures.ComputeAsync(db, officeId, from, to, null, ct);
        var rounds = await db.PanelRounds.AsNoTracking()
            .Where(r => r.OfficeId == officeId && r.Year == to.Year && r.Status == PanelRoundStatuses.Closed).Select(r => r.Id).ToListAsync(ct);
        var answers = await db.PanelAnswers.AsNoTracking().Where(a => rounds.Contains(a.RoundId)).Select(a => a.Answer).ToListAsync(ct);
        var target = await Features.Evaluations.PanelAnswering.TargetOfYearAsync(db, to.Year, ct);
        var runs = await db.ScanRuns.AsNoTracking()
            .Where(r => r.OfficeId == officeId && r.State == AriSuTotalService.Domain.Common.RunStates.Completed && r.Period >= from && r.Period <= to)
            .GroupBy(r => r.Period).Select(g => g.OrderByDescending(r => r.Id).First()).ToListAsync(ct);
        var fromUtc = SeoulTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var toUtc = SeoulTime.ToUtc(to.AddMonths(1).ToDateTime(TimeOnly.MinValue));
        var practices = await db.BestPractices.AsNoTracking().Where(p => p.OfficeId == officeId)
            .Join(db.Complaints, p => p.ComplaintId, c => c.Id, (p, c) => new { p.WriteUp, c.ReceptionNumber, Type = c.Type!.NameKo, c.ReceivedAtUtc })
            .Where(x => x.ReceivedAtUtc >= fromUtc && x.ReceivedAtUtc < toUtc).OrderBy(x => x.ReceptionNumber)
            .Select(x => new BestPracticeCase(x.ReceptionNumber, x.Type, x.WriteUp)).ToListAsync(ct);
        var visits = await db.Visits.AsNoTracking()
            .Where(v => v.OfficeId == officeId && v.Date >= from && v.Date < to.AddMonths(1) && v.ArrivedAtUtc != null)
            .Select(v => new { v.Date, v.Window, v.ArrivedAtUtc, v.EntersHome }).ToListAsync(ct);
        var kept = visits.Count(v =>
        {
            var probe = new Domain.Visits.Visit(officeId, 0, "", v.Date, v.Window, v.EntersHome, null);
            probe.Arrive(v.ArrivedAtUtc!.Value);
            return probe.KeptWindow(SeoulTime.ToLocal) == true;
        });
        var indoor = await IndoorEntriesAsync(db, figures, ct);
        var yearEarlier = await PerformanceFigures.ComputeAsync(db, officeId, from.AddYears(-1), to.AddYears(-1), null, ct);
        return new ReportContent(from.ToString("yyyy-MM"), to.ToString("yyyy-MM"), figures.Total, figures.ByType, figures.FourTypes,
            figures.Compliance, Domain.Evaluations.Satisfaction.Of(answers).SatisfactionPercent, target, runs.Sum(r => r.Compared), runs.Sum(r => r.Surges),
            practices, visits.Count, kept, visits.Count(v => v.EntersHome), indoor, yearEarlier.Total);
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
    public Task CatchUpAsync(CancellationToken ct = default)
    {
        var today = SeoulTime.Today(clock);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(today.Day >= ScheduledDay ? -1 : -2);
        return FreezeAsync(month, ct);
    }

    private async Task FreezeAsync(DateOnly month, CancellationToken ct)
    {
        foreach (var officeId in await db.Offices.Select(o => o.Id).ToListAsync(ct))
        {
            db.ActFor(officeId);
            if (await db.ReportSnapshots.AnyAsync(s => s.OfficeId == officeId && s.Kind == ReportSnapshot.Monthly && s.Period == month, ct)) continue;
            // Another node may freeze the same month at this moment (its start-up catch-up and this schedule): the first
            // version stands, a second is not made.
            await SaveVersionAsync(officeId, ReportSnapshot.Monthly, month, "system", onlyIfNone: true, ct);
        }
    }

    /// <summary>A new version of a report (monthly: the month; yearly: January to December of the year).</summary>
    public async Task<ReportSnapshot> CreateAsync(int officeId, string kind, DateOnly period, string by, CancellationToken ct) =>
        (await SaveVersionAsync(officeId, kind, period, by, onlyIfNone: false, ct))!;

    /// <param name="onlyIfNone">The automatic freeze: when another node froze the period meanwhile, its version is the one kept (null).</param>
    private async Task<ReportSnapshot?> SaveVersionAsync(int officeId, string kind, DateOnly period, string by, bool onlyIfNone, CancellationToken ct)
    {
        var first = kind == ReportSnapshot.Yearly ? new DateOnly(period.Year, 1, 1) : new DateOnly(period.Year, period.Month, 1);
        var last = kind == ReportSnapshot.Yearly ? first.AddMonths(11) : first;
        var content = (await ReportContent.BuildAsync(db, officeId, first, last, ct)).ToJson();
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
