using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Complaints;

/// <summary>Complaints transferred (이첩) to the user's division, waiting for its result.</summary>
[Authorize(Roles = RoleSets.ComplaintHandlers)]
public class TransferredModel(ArisuDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(long Id, string Reception, string Type, string From, string Reason, string Transferred, string Deadline, bool Overdue);

    public string Division { get; private set; } = "";
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Division = User.FindFirst(ArisuClaims.Division)?.Value ?? "";
        var now = clock.GetUtcNow().UtcDateTime;
        var division = Division;
        var rows = await db.Complaints.AsNoTracking()
            .Where(c => c.Status == ComplaintStatuses.Transferred && c.Division == division)
            .OrderBy(c => c.DeadlineAtUtc)
            .Select(c => new
            {
                c.Id, c.ReceptionNumber, Type = c.Type!.NameKo, From = c.Type.HandlingDivision, c.TransferReason, c.DeadlineAtUtc, c.Status, c.PausedAtUtc,
                At = c.Events.Where(e => e.Kind == ComplaintEventKinds.Transferred).Max(e => (DateTime?)e.AtUtc),
            }).ToListAsync(ct);
        Rows = rows.Select(r => new Row(r.Id, r.ReceptionNumber, r.Type, r.From, r.TransferReason ?? "",
            r.At is { } at ? SeoulTime.ToLocal(at).ToString("yyyy-MM-dd HH:mm") : "", SeoulTime.ToLocal(r.DeadlineAtUtc).ToString("yyyy-MM-dd HH:mm"),
            Infrastructure.Reports.ComplaintFigures.IsOverdue(r.Status, r.DeadlineAtUtc, r.PausedAtUtc, now))).ToList();
    }
}
