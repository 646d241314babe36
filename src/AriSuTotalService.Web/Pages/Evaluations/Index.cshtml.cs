using System.ComponentModel.DataAnnotations;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Evaluations;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features;
using AriSuTotalService.Infrastructure.Features.Evaluations;
using Microsoft.Extensions.Localization;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Evaluations;

/// <summary>The citizen panel coordinator's page: rounds of the year, the year's satisfaction against its target.</summary>
[Authorize(Roles = RoleSets.PanelCoordinator)]
public class IndexModel(ArisuDbContext db, PanelAnswering.Handler panel, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record RoundRow(int Id, string Key, string Status, int Planned, int Cases, decimal? Satisfaction);

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty, Range(1, 12, ErrorMessage = "{0}은(는) {1}~{2} 사이여야 합니다."), Display(Name = "월")] public int Month { get; set; } = 5;
    [BindProperty, Range(1, 100, ErrorMessage = "{0}은(는) {1}~{2} 사이여야 합니다."), Display(Name = "계획 건수")] public int Planned { get; set; } = 10;
    [BindProperty, Display(Name = "목표 만족도(%)")] public decimal? Target { get; set; }

    public IReadOnlyList<RoundRow> Rounds { get; private set; } = [];
    public PanelFigures YearFigures { get; private set; } = null!;
    public decimal? YearTarget { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // The next of the plan's months (May, July, September, November) the year has no round for.
        Month = PanelRound.DefaultMonths.FirstOrDefault(m => Rounds.All(r => r.Key != $"{Year:0000}-{m:00}"), Month);
    }

    /// <summary>The plan's four rounds of the year (May, July, September, November), those not yet there.</summary>
    public Task<IActionResult> OnPostDefaultsAsync(CancellationToken ct) => PlanAsync(PanelRound.DefaultMonths, onlyMissing: true, ct);

    public Task<IActionResult> OnPostCreateAsync(CancellationToken ct) => PlanAsync([Month], onlyMissing: false, ct);

    private async Task<IActionResult> PlanAsync(IReadOnlyList<int> months, bool onlyMissing, CancellationToken ct)
    {
        Year ??= SeoulTime.Today(clock).Year;
        if (ModelState.IsValid)
        {
            try
            {
                await panel.PlanAsync(new PanelAnswering.PlanRounds(Year.Value, months, Planned, onlyMissing), ct);
                return RedirectToPage(new { year = Year });
            }
            catch (DomainException ex)
            {
                Error = l.Text(ex);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostTargetAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Administrator)) return Forbid();
        Year ??= SeoulTime.Today(clock).Year;
        try
        {
            await panel.SetTargetAsync(new PanelAnswering.SetTarget(Year.Value, ModelState.IsValid ? Target : null), ct);
            return RedirectToPage(new { year = Year });
        }
        catch (ValidationFailedException ex)
        {
            Error = l.Text(ex);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Year ??= SeoulTime.Today(clock).Year;
        var year = Year.Value;
        var rounds = await db.PanelRounds.AsNoTracking().Where(r => r.Year == year).OrderBy(r => r.Month).ToListAsync(ct);
        var ids = rounds.Select(r => r.Id).ToList();
        var caseCounts = await db.PanelCases.AsNoTracking().Where(c => ids.Contains(c.RoundId)).GroupBy(c => c.RoundId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var rows = new List<RoundRow>();
        foreach (var r in rounds)
        {
            var f = await PanelFigures.OfRoundsAsync(db, [r.Id], ct);
            rows.Add(new RoundRow(r.Id, r.Key, r.Status, r.PlannedCases, caseCounts.GetValueOrDefault(r.Id), f.Pooled.SatisfactionPercent));
        }
        Rounds = rows;
        YearFigures = await PanelFigures.OfRoundsAsync(db, ids, ct);
        YearTarget = await PanelAnswering.TargetOfYearAsync(db, year, ct);
    }

    public static string StatusLabel(string status) => status switch
    {
        PanelRoundStatuses.Planned => "계획",
        PanelRoundStatuses.Open => "진행 중",
        PanelRoundStatuses.Closed => "마감",
        _ => status,
    };
}
