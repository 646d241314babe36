using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Evaluations;
using AriSuTotalService.Domain.Surges;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Reports;

/// <summary>
/// The surge funnel of a period (격증 → 전화 확인 → 선제 진단 → 누수 발견 → 감면): the latest completed scan of each
/// month, and the phone checks, diagnoses, leaks and approved reductions of the cases it listed. The dashboard and the
/// frozen report read this one definition.
/// </summary>
public sealed record SurgeFunnel(int Compared, int Surges, int Contacted, int Explained, int Unexplained, int Unreachable, int Diagnosed,
    int LeakFound, int ReductionsApproved, long ReductionsWon)
{
    /// <summary>The latest completed scan of each month of the range: what a month's surges are.</summary>
    public static IQueryable<Domain.Surges.ScanRun> LatestScans(ArisuDbContext db, int officeId, DateOnly fromMonth, DateOnly toMonth) =>
        db.ScanRuns.AsNoTracking().Where(r => r.OfficeId == officeId && r.State == RunStates.Completed && r.Period >= fromMonth && r.Period <= toMonth)
            .GroupBy(r => r.Period).Select(g => g.OrderByDescending(r => r.Id).First());

    public static async Task<SurgeFunnel> ComputeAsync(ArisuDbContext db, int officeId, DateOnly fromMonth, DateOnly toMonth, CancellationToken ct)
    {
        var runs = await LatestScans(db, officeId, fromMonth, toMonth).ToListAsync(ct);
        var cases = db.SurgeCases.AsNoTracking().Where(c => c.OfficeId == officeId && c.Period >= fromMonth && c.Period <= toMonth);
        var statuses = await cases.Where(c => c.OnDiagnosisList).GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var diagnosed = await cases.Where(c => c.DiagnosisComplaintId != null)
            .CountAsync(c => db.Complaints.Any(x => x.Id == c.DiagnosisComplaintId && x.Status == ComplaintStatuses.Resolved), ct);
        var leakFound = await cases.Where(c => c.DiagnosisComplaintId != null)
            .CountAsync(c => db.VisitOutcomes.Any(o => o.ComplaintId == c.DiagnosisComplaintId && o.LeakFound == true), ct);
        // Reductions approved for those cases' leaks (a reversed approval no longer counts).
        var approved = await db.LeakReductions.AsNoTracking().Where(r => r.OfficeId == officeId && r.Status == Domain.Reductions.ReductionStatuses.Approved
                && r.SurgeCaseId != null && cases.Any(c => c.Id == r.SurgeCaseId))
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Won = g.Sum(r => r.TotalWon) }).SingleOrDefaultAsync(ct);
        return new SurgeFunnel(runs.Sum(r => r.Compared), runs.Sum(r => r.Surges),
            statuses.Where(c => c.Key != SurgeCaseStatuses.Open).Sum(c => c.Value), statuses.GetValueOrDefault(SurgeCaseStatuses.Explained),
            statuses.GetValueOrDefault(SurgeCaseStatuses.Unexplained), statuses.GetValueOrDefault(SurgeCaseStatuses.Unreachable), diagnosed, leakFound,
            approved?.Count ?? 0, approved?.Won ?? 0);
    }
}

/// <summary>Visits of a period that were arrived at, how many kept the agreed window (the panel's second item), and how many entered a home.</summary>
public sealed record VisitFigures(int Visited, int Kept, int EnteredHome)
{
    public decimal? KeptRate => Rate.Of(Kept, Visited);

    public static async Task<VisitFigures> ComputeAsync(ArisuDbContext db, int officeId, ReportPeriod period, CancellationToken ct)
    {
        // Visits of the period's months arrived at by the day the period runs to (one agreed for later in a running month
        // and arrived at early counts).
        var (first, last, until) = (period.FromMonth, period.ToMonth.AddMonths(1), period.ToUtc);
        var visits = await db.Visits.AsNoTracking()
            .Where(v => v.OfficeId == officeId && v.Date >= first && v.Date < last && v.ArrivedAtUtc != null && v.ArrivedAtUtc < until)
            .Select(v => new { v.Date, v.Window, v.ArrivedAtUtc, v.EntersHome }).ToListAsync(ct);
        var kept = visits.Count(v => Domain.Visits.Visit.KeptWindow(v.Date, v.Window, v.ArrivedAtUtc!.Value, Domain.Calendar.SeoulTime.ToLocal) == true);
        return new VisitFigures(visits.Count, kept, visits.Count(v => v.EntersHome));
    }
}

/// <summary>The citizen panel's satisfaction of a year (its closed rounds) against headquarters' target of that year.</summary>
public sealed record SatisfactionFigure(decimal? Percent, decimal? Target)
{
    public static async Task<SatisfactionFigure> OfYearAsync(ArisuDbContext db, int officeId, int year, CancellationToken ct)
    {
        var rounds = db.PanelRounds.AsNoTracking().Where(r => r.OfficeId == officeId && r.Year == year && r.Status == PanelRoundStatuses.Closed).Select(r => r.Id);
        var answers = await db.PanelAnswers.AsNoTracking().Where(a => rounds.Contains(a.RoundId)).Select(a => a.Answer).ToListAsync(ct);
        return new SatisfactionFigure(Satisfaction.Of(answers).SatisfactionPercent, await Features.Evaluations.PanelAnswering.TargetOfYearAsync(db, year, ct));
    }
}
