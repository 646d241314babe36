using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Admin.Users;

[Authorize(Roles = RoleSets.Administrator)]
public class IndexModel(ArisuDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(string Id, string DisplayName, string? Email, string Office, string Division, IReadOnlyList<string> Roles, bool Locked);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    public IReadOnlyList<Row> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var office = db.Office;
        // Users are the identity directory (sign-in looks them up before any office is known), so the office is named here.
        var users = db.Users.AsNoTracking().Where(u => u.OfficeId == office);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            users = users.Where(u => u.DisplayName.Contains(q) || u.Email!.Contains(q));
        }
        if (!string.IsNullOrWhiteSpace(Role))
        {
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Role)));
        }
        var rows = await users
            .OrderBy(u => u.DisplayName)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                Office = db.Offices.Where(o => o.Id == u.OfficeId).Select(o => o.Name).FirstOrDefault() ?? "",
                u.Division,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                u.LockoutEnd,
            })
            .Take(500)
            .ToListAsync(ct);
        Users = rows.Select(u => new Row(u.Id, u.DisplayName, u.Email, u.Office, u.Division, u.Roles,
            u.LockoutEnd is { } end && end > now)).ToList();
    }
}
