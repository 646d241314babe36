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

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= SeoulTime.Today(clock).Year;
        var year = Year.Value;
        var closed = await db.PanelRounds.AsNoTracking().Where(r => r.Year == year && r.Status == PanelRoundStatuses.Closed).OrderBy(r => r.Month).ToListAsync(ct);
        var list = new List<(string, PanelFigures)>();
        foreach (var r in closed) list.Add((r.Key, await PanelFigures.OfRoundsAsync(db, [r.Id], ct)));
        Rounds = list;
        Target = await db.PanelTargets.AsNoTracking().Where(t => t.Year == year).Select(t => (decimal?)t.TargetTenths / 10m).SingleOrDefaultAsync(ct);
    }
}
