using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Admin.Messages;

/// <summary>The text messages to citizens: queued, sent, failed (numbers masked; the texts themselves never go to the log).</summary>
[Authorize(Roles = RoleSets.PanelCoordinator)]
public class IndexModel(ArisuDbContext db) : PageModel
{
    public sealed record Row(string Created, string To, string Kind, string Body, string State);

    public IReadOnlyList<Row> Messages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.OutboxMessages.AsNoTracking().OrderByDescending(m => m.Id).Take(300).ToListAsync(ct);
        Messages = rows.Select(m => new Row(SeoulTime.ToLocal(m.CreatedAtUtc).ToString("yyyy-MM-dd HH:mm"), Masking.Phone(m.ToPhone), m.Kind,
            Masking.FreeText(m.Body),
            m.SentAtUtc is { } s ? $"발송 {SeoulTime.ToLocal(s):MM-dd HH:mm}" : m.IsSending ? "발송 중 (확인 대기)" : m.Attempts > 0 ? $"실패 {m.Attempts}회: {m.LastError}" : "대기")).ToList();
    }
}
