using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Domain.Visits;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Privacy;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Visits;

/// <summary>
/// The field staff member's day on a phone: today's and the coming days' visits in window order, then by district and
/// address; tap-to-call (the number is shown masked; calling records the view); arrived and finished.
/// A member of staff reaches only their own visits.
/// </summary>
[Authorize(Roles = Domain.Offices.Roles.FieldStaff)]
public class MineModel(ArisuDbContext db, PersonalDataLog log, TimeProvider clock,
    Microsoft.AspNetCore.Identity.UserManager<Infrastructure.Identity.ApplicationUser> users) : PageModel
{
    /// <summary>The feed address, shown once right after it is issued (only its hash is kept).</summary>
    public string? NewFeedUrl { get; private set; }
    public bool HasFeed { get; private set; }

    /// <summary>Today and the next 13 days; the calendar feed covers the next 60.</summary>
    public const int HorizonDays = 14;

    /// <summary>Issues a new secret feed address; the old one stops working.</summary>
    public async Task<IActionResult> OnPostFeedAsync(CancellationToken ct)
    {
        var user = await users.FindByIdAsync(User.UserId());
        if (user is null) return NotFound();
        var token = Infrastructure.ApiKeys.ApiKey.NewKey()["arisu_".Length..];
        user.CalendarTokenHash = Infrastructure.ApiKeys.ApiKey.HashOf(token);
        await users.UpdateAsync(user);
        NewFeedUrl = $"{Request.Scheme}://{Request.Host}/calendar/{token}.ics";
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Revokes the feed address.</summary>
    public async Task<IActionResult> OnPostRevokeFeedAsync(CancellationToken ct)
    {
        var user = await users.FindByIdAsync(User.UserId());
        if (user is null) return NotFound();
        user.CalendarTokenHash = null;
        await users.UpdateAsync(user);
        return RedirectToPage();
    }

    public sealed record Row(long Id, long ComplaintId, DateOnly Date, string Window, string Status, string Reception, string Type,
        string Name, string Phone, string Address, string? Said, bool EntersHome, IReadOnlyList<string> Linked, IReadOnlyList<string> History);

    public IReadOnlyList<Row> Visits { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostArriveAsync(long id, CancellationToken ct) => ChangeAsync(id, v => v.Arrive(clock.GetUtcNow().UtcDateTime), ct);


    /// <summary>Tap-to-call: records the view of the number, then hands it to the phone.</summary>
    public async Task<IActionResult> OnPostCallAsync(long id, CancellationToken ct)
    {
        var me = User.UserId();
        var visit = await db.Visits.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id && v.StaffId == me, ct);
        if (visit is null) return NotFound();
        var c = await db.Complaints.AsNoTracking().Where(x => x.Id == visit.ComplaintId).Select(x => new { x.ReceptionNumber, x.CallerPhone, x.CustomerId }).SingleAsync(ct);
        var phone = c.CallerPhone ?? await db.Customers.Where(x => x.Id == c.CustomerId).Select(x => x.Phone).SingleOrDefaultAsync(ct);
        if (phone is null) return NotFound();
        await log.RecordAsync(User.OfficeId(), "complaint", c.ReceptionNumber, PersonalDataActions.View, "방문 전 전화", ct);
        return Redirect("tel:" + new string(phone.Where(ch => char.IsAsciiDigit(ch) || ch == '+').ToArray()));
    }

    private async Task<IActionResult> ChangeAsync(long id, Action<Visit> change, CancellationToken ct)
    {
        var me = User.UserId();
        var visit = await db.Visits.SingleOrDefaultAsync(v => v.Id == id && v.StaffId == me, ct);
        if (visit is null) return NotFound();
        try
        {
            change(visit);
            await db.SaveChangesAsync(ct);
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            Error = ex.Message;
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var me = User.UserId();
        HasFeed = await db.Users.AsNoTracking().AnyAsync(u => u.Id == me && u.CalendarTokenHash != null, ct);
        var today = SeoulTime.Today(clock);
        // A left join on the customer's key (a "first customer" sub-query becomes a window over every customer on SQLite).
        var horizon = today.AddDays(HorizonDays);
        var rows = await (
            from v in db.Visits.AsNoTracking().Where(v => v.StaffId == me && v.Date >= today && v.Date < horizon && VisitStatuses.Active.Contains(v.Status))
            join c in db.Complaints on v.ComplaintId equals c.Id
            join k in db.Customers on c.CustomerId equals (long?)k.Id into ks
            from k in ks.DefaultIfEmpty()
            select new
            {
                v.Id, v.ComplaintId, v.Date, v.Window, v.Status, v.EntersHome, c.ReceptionNumber, Type = c.Type!.NameKo, c.Description, c.CallerName, c.CallerPhone, c.Location,
                c.CustomerId, c.LinkedToId,
                Customer = k == null ? null : new { k.HolderName, k.Phone, k.Address, k.Dong, k.District },
            }).ToListAsync(ct);
        // Linked complaints and the earlier complaints at the same connection, for what to look at while there.
        var complaintIds = rows.Select(r => r.ComplaintId).ToList();
        var parentIds = rows.Where(r => r.LinkedToId != null).Select(r => r.LinkedToId!.Value).ToList();
        // Two look-ups the indexes answer (children by LinkedToId, parents by key), not one OR across columns.
        var roots = complaintIds.Concat(parentIds).Distinct().ToList();
        var children = await db.Complaints.AsNoTracking().Where(c => c.LinkedToId != null && roots.Contains(c.LinkedToId.Value))
            .Select(c => new { c.Id, c.LinkedToId, c.ReceptionNumber, Type = c.Type!.NameKo }).ToListAsync(ct);
        var parents = parentIds.Count == 0 ? [] : await db.Complaints.AsNoTracking().Where(c => parentIds.Contains(c.Id))
            .Select(c => new { c.Id, c.LinkedToId, c.ReceptionNumber, Type = c.Type!.NameKo }).ToListAsync(ct);
        var linked = children.Concat(parents).ToList();
        var customerIds = rows.Where(r => r.CustomerId != null).Select(r => r.CustomerId!.Value).Distinct().ToList();
        var since = clock.GetUtcNow().UtcDateTime.AddYears(-3);
        // Sorted here: an ORDER BY on the date would lead the database down the office's date index instead of the customers'.
        var history = (await db.Complaints.AsNoTracking().Where(c => c.CustomerId != null && customerIds.Contains(c.CustomerId.Value) && c.ReceivedAtUtc >= since)
            .Select(c => new { c.Id, c.CustomerId, c.ReceivedAtUtc, Type = c.Type!.NameKo, c.Status }).ToListAsync(ct))
            .OrderByDescending(c => c.ReceivedAtUtc).ToList();
        IReadOnlyList<string> LinkedOf(long id, long? parent) => linked
            .Where(l => l.Id != id && (l.LinkedToId == id || (parent != null && (l.LinkedToId == parent || l.Id == parent))))
            .Select(l => $"{l.ReceptionNumber} {l.Type}").Distinct().ToList();
        IReadOnlyList<string> HistoryOf(long id, long? customer) => customer is null ? [] : history
            .Where(h => h.CustomerId == customer && h.Id != id).Take(5)
            .Select(h => $"{SeoulTime.ToLocal(h.ReceivedAtUtc):yyyy-MM-dd} {h.Type} ({StatusLabels.Of(h.Status)})").ToList();
        Visits = rows
            .OrderBy(r => r.Date).ThenBy(r => r.Window).ThenBy(r => r.Customer?.District).ThenBy(r => r.Customer?.Address)
            .Select(r => new Row(r.Id, r.ComplaintId, r.Date, r.Window, r.Status, r.ReceptionNumber, r.Type,
                Masking.Name(r.CallerName ?? r.Customer?.HolderName), Masking.Phone(r.CallerPhone ?? r.Customer?.Phone),
                r.Customer is { } k ? $"{k.Address}" : Masking.FreeText(r.Location), Masking.FreeText(r.Description), r.EntersHome,
                LinkedOf(r.ComplaintId, r.LinkedToId), HistoryOf(r.ComplaintId, r.CustomerId))).ToList();
    }
}
