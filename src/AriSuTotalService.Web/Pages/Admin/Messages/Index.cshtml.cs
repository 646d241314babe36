using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Admin.Messages;

/// <summary>The text messages to citizens: queued, sent, failed, not sent (a number that cannot take a text) (numbers masked; the texts themselves never go to the log).</summary>
[Authorize(Roles = RoleSets.PanelCoordinator)]
public class IndexModel(ArisuDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(string Created, string To, string Kind, string Body, string State);

    public IReadOnlyList<Row> Messages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.OutboxMessages.AsNoTracking().OrderByDescending(m => m.Id).Take(300).ToListAsync(ct);
        Messages = rows.Select(m => new Row(SeoulTime.ToLocal(m.CreatedAtUtc).ToString("yyyy-MM-dd HH:mm"), Masking.Phone(m.ToPhone), m.Kind,
            Masking.FreeText(m.Body),
            m.SentAtUtc is { } s ? l["발송 {0}", SeoulTime.ToLocal(s).ToString("MM-dd HH:mm")]
                : m.SkippedAtUtc is not null ? l["보내지 않음: {0}", l[m.LastError ?? ""].Value] : m.IsSending ? l["발송 중 (확인 대기)"]
                : m.Attempts > 0 ? l["실패 {0}회: {1}", m.Attempts, m.LastError ?? ""] : l["대기"])).ToList();
    }
}
