using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Admin.AccessLog;

[Authorize(Roles = RoleSets.Administrator)]
public class PermissionsModel(ArisuDbContext db) : PageModel
{
    public sealed record Row(string At, string By, string? Ip, string Target, string Change, string? Before, string? After);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.PermissionChanges.AsNoTracking().OrderByDescending(c => c.AtUtc).ThenByDescending(c => c.Id).Take(500)
            .Select(c => new { c.AtUtc, c.ByUserName, c.IpAddress, c.TargetUserName, c.Change, c.Before, c.After }).ToListAsync(ct);
        Rows = rows.Select(c => new Row(SeoulTime.ToLocal(c.AtUtc).ToString("yyyy-MM-dd HH:mm:ss"), c.ByUserName, c.IpAddress,
            c.TargetUserName, c.Change, c.Before, c.After)).ToList();
    }
}
