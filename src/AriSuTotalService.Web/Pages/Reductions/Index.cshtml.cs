using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Domain.Reductions;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Reductions;

/// <summary>The billing division's list of leak fee reductions, pending review first.</summary>
[Authorize(Roles = RoleSets.Reductions)]
public class IndexModel(ArisuDbContext db) : PageModel
{
    public sealed record Row(long Id, string Reception, string Account, string Name, string Source, string Status, DateOnly LeakDate,
        DateOnly? PeriodStart, DateOnly? PeriodEnd, long? Volume, long Total, bool Computed, string? ProposedRejection, bool Exported, DateTime CreatedAtUtc);

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Status is not null && !ReductionStatuses.All.Contains(Status)) Status = null;
        Status ??= ReductionStatuses.Pending;
        Counts = await db.LeakReductions.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var status = Status;
        var rows = await db.LeakReductions.AsNoTracking().Where(r => r.Status == status)
            .Join(db.Customers, r => r.CustomerId, c => c.Id, (r, c) => new { r, c.AccountNumber, c.HolderName })
            .Join(db.Complaints, x => x.r.ComplaintId, c => c.Id, (x, c) => new { x.r, x.AccountNumber, x.HolderName, c.ReceptionNumber })
            .OrderBy(x => x.r.Id).Take(500).ToListAsync(ct);
        Rows = rows.Select(x => new Row(x.r.Id, x.ReceptionNumber, x.AccountNumber, Masking.Name(x.HolderName), x.r.Source, x.r.Status, x.r.LeakDate,
            x.r.LeakPeriodStart, x.r.LeakPeriodEnd, x.r.LeakVolumeM3, x.r.TotalWon, x.r.WorkingJson != null, x.r.ProposedRejection,
            x.r.ExportBatchId != null, x.r.CreatedAtUtc)).ToList();
    }

    public static string SourceLabel(string source) => source == ReductionSources.Visit ? "방문 중 누수 확인(직권)" : "시민 신청";
    public static string Local(DateTime utc) => SeoulTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm");
}
