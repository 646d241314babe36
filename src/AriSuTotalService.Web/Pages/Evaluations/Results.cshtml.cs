using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Evaluations;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Evaluations;

/// <summary>The results of closed rounds, for every member of staff (the feedback meeting).</summary>
[Authorize(Roles = RoleSets.AllStaff)]
public class ResultsModel(ArisuDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public IReadOnlyList<(string Key, PanelFigures Figures)> Rounds { get; private set; } = [];
    public decimal? Target { get; private set; }

    /// <summary>The office's place by the year's satisfaction among the offices sharing the database (사업소별 평가); null with one office.</summary>
    public (int Rank, int Offices, decimal Satisfaction)? Standing { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= SeoulTime.Today(clock).Year;
        var year = Year.Value;
        var closed = await db.PanelRounds.AsNoTracking().Where(r => r.Year == year && r.Status == PanelRoundStatuses.Closed).OrderBy(r => r.Month).ToListAsync(ct);
        var list = new List<(string, PanelFigures)>();
        foreach (var r in closed) list.Add((r.Key, await PanelFigures.OfRoundsAsync(db, [r.Id], ct)));
        Rounds = list;
        Standing = await StandingAsync(db, User.OfficeId(), year, ct);
        Target = await Infrastructure.Features.Evaluations.PanelAnswering.TargetOfYearAsync(db, year, ct);
    }

    /// <summary>
    /// Every office's satisfaction over its closed rounds of the year, compared: only this office's place and the
    /// number of offices are shown, never another office's figures.
    /// </summary>
    public static async Task<(int Rank, int Offices, decimal Satisfaction)?> StandingAsync(ArisuDbContext db, int officeId, int year, CancellationToken ct)
    {
        var answers = await db.PanelAnswers.IgnoreQueryFilters(ArisuDbContext.AllOffices).AsNoTracking()
            .Join(db.PanelRounds.IgnoreQueryFilters(ArisuDbContext.AllOffices).Where(r => r.Year == year && r.Status == PanelRoundStatuses.Closed),
                a => a.RoundId, r => r.Id, (a, r) => new { r.OfficeId, a.Answer })
            .ToListAsync(ct);
        var byOffice = answers.GroupBy(a => a.OfficeId)
            .Select(g => (Office: g.Key, Percent: Satisfaction.Of(g.Select(a => a.Answer)).SatisfactionPercent))
            .Where(x => x.Percent is not null).ToList();
        if (byOffice.Count < 2 || byOffice.FirstOrDefault(x => x.Office == officeId) is not { Percent: { } own }) return null;
        return (1 + byOffice.Count(x => x.Percent > own), byOffice.Count, own);
    }
}
