using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Admin.AccessLog;

/// <summary>Search of the personal-data access log (administrators; their own office).</summary>
[Authorize(Roles = RoleSets.Administrator)]
public class IndexModel(ArisuDbContext db) : PageModel
{
    private const int PageSize = 50;

    public sealed record Row(string At, string User, string? Ip, string SubjectKind, string SubjectKey, string Action, string? Detail);

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserQuery { get; set; }
    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }
    public int PageCount { get; private set; } = 1;
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var officeId = User.OfficeId();
        var q = db.PersonalDataAccesses.AsNoTracking().Where(a => a.OfficeId == officeId);
        if (From is { } from) q = q.Where(a => a.AtUtc >= SeoulTime.ToUtc(from.ToDateTime(TimeOnly.MinValue)));
        if (To is { } to) q = q.Where(a => a.AtUtc < SeoulTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        if (!string.IsNullOrWhiteSpace(UserQuery)) q = q.Where(a => a.UserName.Contains(UserQuery.Trim()));
        if (!string.IsNullOrWhiteSpace(Subject)) q = q.Where(a => a.SubjectKey == Subject.Trim());
        if (!string.IsNullOrWhiteSpace(Action)) q = q.Where(a => a.Action == Action);
        Total = await q.CountAsync(ct);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var rows = await q.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new { a.AtUtc, a.UserName, a.IpAddress, a.SubjectKind, a.SubjectKey, a.Action, a.Detail })
            .ToListAsync(ct);
        Rows = rows.Select(a => new Row(SeoulTime.ToLocal(a.AtUtc).ToString("yyyy-MM-dd HH:mm:ss"), a.UserName, a.IpAddress,
            a.SubjectKind, a.SubjectKey, a.Action, a.Detail)).ToList();
    }

    public string PageUrl(int page)
    {
        var query = Request.Query.ToDictionary(k => k.Key, k => (string?)k.Value.ToString());
        query["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(Request.Path, query);
    }
}
