using System.Globalization;
using System.Text;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Privacy;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Complaints;

/// <summary>The complaint list: filtered, sorted and paged on the server; personal data masked; CSV export of the filter.</summary>
[Authorize(Roles = RoleSets.ComplaintReaders)]
public class IndexModel(ArisuDbContext db, PersonalDataLog log, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(long Id, string Reception, string Received, string Type, string Channel, string Status,
        string Customer, string Area, string Division, string? Assignee, string Deadline, string TimeLeft, bool Overdue);

    [BindProperty(SupportsGet = true)] public ComplaintFilter Filter { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }
    public int PageCount { get; private set; } = 1;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Types { get; private set; } = [];
    public IReadOnlyList<string> Districts { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name)> Staff { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var q = Filter.Apply(db, User.UserId(), now);
        Total = await q.CountAsync(ct);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await ProjectAsync(q.Skip((PageNumber - 1) * PageSize).Take(PageSize), now, ct);
        Types = (await db.ComplaintTypes.AsNoTracking().OrderBy(t => t.SortOrder).Select(t => new { t.Code, t.NameKo }).ToListAsync(ct))
            .Select(t => (t.Code, t.NameKo)).ToList();
        var officeId = User.OfficeId();
        Districts = (await db.Offices.AsNoTracking().Where(o => o.Id == officeId).Select(o => o.Districts).SingleAsync(ct))
            .Split(',', StringSplitOptions.RemoveEmptyEntries);
        Staff = (await db.Users.AsNoTracking().Where(u => u.OfficeId == officeId).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct)).Select(u => (u.Id, u.DisplayName)).ToList();
    }

    /// <summary>Whether the user handles complaints; an administrator reads the list from the dashboard and does not export it.</summary>
    public bool Handles => User.IsInAny(RoleSets.ComplaintHandlers);

    /// <summary>The filtered list as CSV (UTF-8 with BOM, masked); recorded in the access log as a download.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!Handles) return Forbid();
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await ProjectAsync(Filter.Apply(db, User.UserId(), now).Take(100_000), now, ct);
        var csv = new StringBuilder();
        csv.AppendLine("reception_number,received_at,type,channel,status,customer,area,division,assignee,deadline_at,overdue");
        foreach (var r in rows)
        {
            csv.AppendLine(string.Join(',', new[] { r.Reception, r.Received, r.Type, r.Channel, r.Status, r.Customer, r.Area, r.Division,
                r.Assignee ?? "", r.Deadline, r.Overdue ? "Y" : "N" }.Select(Csv.Quote)));
        }
        await log.RecordAsync(User.OfficeId(), "complaint_list", "list", PersonalDataActions.Download,
            $"민원 목록 CSV {rows.Count}건 {Filter.Describe()}".Trim(), ct);
        var bytes = Csv.Utf8WithBom(csv.ToString());
        return File(bytes, "text/csv; charset=utf-8", $"complaints-{SeoulTime.Today(clock):yyyyMMdd}.csv");
    }


    private async Task<IReadOnlyList<Row>> ProjectAsync(IQueryable<Complaint> q, DateTime now, CancellationToken ct)
    {
        var rows = await (
            from c in q
            join k in db.Customers on c.CustomerId equals (long?)k.Id into ks
            from k in ks.DefaultIfEmpty()
            select new
            {
                c.Id, c.ReceptionNumber, c.ReceivedAtUtc, Type = c.Type!.NameKo, c.Channel, c.Status, c.Division, c.DeadlineAtUtc, c.PausedAtUtc,
                c.Location, c.CustomerId,
                Customer = k == null ? null : new { k.HolderName, k.Address, k.Dong, k.District },
                Assignee = db.Users.Where(u => u.Id == c.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(),
            }).ToListAsync(ct);
        return rows.Select(c =>
        {
            var open = ComplaintStatuses.Open.Contains(c.Status);
            var left = c.DeadlineAtUtc - now;
            var overdue = Infrastructure.Reports.ComplaintFigures.IsOverdue(c.Status, c.DeadlineAtUtc, c.PausedAtUtc, now);
            return new Row(c.Id, c.ReceptionNumber, SeoulTime.ToLocal(c.ReceivedAtUtc).ToString("yyyy-MM-dd HH:mm"), c.Type,
                ChannelLabels.Of(c.Channel), StatusLabels.Of(c.Status),
                c.Customer is null ? "-" : Masking.Name(c.Customer.HolderName),
                c.Customer is null ? Masking.FreeText(c.Location) : Masking.Address(c.Customer.Address, c.Customer.Dong, c.Customer.District),
                c.Division, c.Assignee, SeoulTime.ToLocal(c.DeadlineAtUtc).ToString("yyyy-MM-dd HH:mm"),
                !open ? "" : c.PausedAtUtc is not null ? l["보완 대기"] : TimeLeft(left, l), overdue);
        }).ToList();
    }

    /// <summary>Time to the deadline, or past it, in the user's language ("5일 0시간 남음", "3시간 초과").</summary>
    public static string TimeLeft(TimeSpan left, IStringLocalizer l)
    {
        var abs = left.Duration();
        var late = left < TimeSpan.Zero;
        return abs.TotalHours < 24
            ? l[late ? "{0}시간 초과" : "{0}시간 남음", (int)abs.TotalHours]
            : l[late ? "{0}일 {1}시간 초과" : "{0}일 {1}시간 남음", (int)abs.TotalDays, abs.Hours];
    }

    public string PageUrl(int page)
    {
        var query = Filter.ToQuery();
        query["page"] = page.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("/Complaints", query.Where(kv => !string.IsNullOrEmpty(kv.Value)).ToDictionary());
    }

    public string ExportUrl()
    {
        var query = Filter.ToQuery();
        query["handler"] = "Export";
        return QueryHelpers.AddQueryString("/Complaints", query.Where(kv => !string.IsNullOrEmpty(kv.Value)).ToDictionary());
    }
}
