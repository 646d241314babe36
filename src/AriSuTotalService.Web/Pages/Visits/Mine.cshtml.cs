using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Domain.Visits;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features;
using AriSuTotalService.Infrastructure.Features.Visits;
using Microsoft.Extensions.Localization;
using AriSuTotalService.Infrastructure.Privacy;
using AriSuTotalService.Web.Setup;
using AriSuTotalService.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Visits;

/// <summary>
/// The field staff member's day on a phone: today's and the coming days' visits in window order, then by district and
/// address; tap-to-call (the number is shown masked until 전화 is tapped, which records the view); arrived and finished.
/// A member of staff reaches only their own visits.
/// </summary>
[Authorize(Roles = Domain.Offices.Roles.FieldStaff)]
// The list is the page field staff open most: what only one of its actions needs (the arrival use case, Identity's user
// manager, the access log) is taken by that handler, not built for every opening of the list.
public class MineModel(ArisuDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The feed address, shown once right after it is issued (only its hash is kept).</summary>
    public string? NewFeedUrl { get; private set; }
    public bool HasFeed { get; private set; }

    /// <summary>Today and the next 13 days; the calendar feed covers the next 60.</summary>
    public const int HorizonDays = 14;

    /// <summary>Issues a new secret feed address; the old one stops working.</summary>
    public async Task<IActionResult> OnPostFeedAsync([FromServices] UserManager<ApplicationUser> users, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(User.UserId());
        if (user is null) return NotFound();
        var token = Domain.Integrations.ApiKey.NewKey()["arisu_".Length..];
        user.CalendarTokenHash = Domain.Integrations.ApiKey.HashOf(token);
        await users.UpdateAsync(user);
        NewFeedUrl = $"{Request.Scheme}://{Request.Host}/calendar/{token}.ics";
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Revokes the feed address.</summary>
    public async Task<IActionResult> OnPostRevokeFeedAsync([FromServices] UserManager<ApplicationUser> users, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(User.UserId());
        if (user is null) return NotFound();
        user.CalendarTokenHash = null;
        await users.UpdateAsync(user);
        return RedirectToPage();
    }

    public sealed record Row(long Id, long ComplaintId, DateOnly Date, string Window, string Status, string Reception, string Type,
        string Name, string Phone, string Address, string? Said, bool EntersHome, IReadOnlyList<string> Linked, bool HasAccount)
    {
        /// <summary>Why the visit notice and reminder cannot reach this number by text (a resource key), or null.</summary>
        public string? NoText { get; init; }
    }

    public IReadOnlyList<Row> Visits { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>
    /// A card's earlier complaints at the same connection (three years, five at most), loaded when the card's history
    /// is opened: the list itself stays light for a phone on a mobile network.
    /// </summary>
    public async Task<IActionResult> OnGetHistoryAsync(long id, CancellationToken ct)
    {
        var me = User.UserId();
        var visit = await (
            from v in db.Visits.AsNoTracking().Where(v => v.Id == id && v.StaffId == me)
            join c in db.Complaints on v.ComplaintId equals c.Id
            select new { v.ComplaintId, c.CustomerId }).SingleOrDefaultAsync(ct);
        if (visit is null) return NotFound();
        IReadOnlyList<string> lines = [];
        if (visit.CustomerId is { } customer)
        {
            var since = clock.GetUtcNow().UtcDateTime.AddYears(-3);
            // Sorted here: an ORDER BY on the date would lead the database down the office's date index instead of the customer's.
            lines = (await db.Complaints.AsNoTracking()
                    .Where(c => c.CustomerId == customer && c.Id != visit.ComplaintId && c.ReceivedAtUtc >= since)
                    .Select(c => new { c.ReceivedAtUtc, Type = c.Type!.NameKo, c.Status }).ToListAsync(ct))
                .OrderByDescending(c => c.ReceivedAtUtc).Take(5)
                .Select(h => $"{SeoulTime.ToLocal(h.ReceivedAtUtc):yyyy-MM-dd} {h.Type} ({StatusLabels.Of(h.Status)})").ToList();
        }
        return Partial("_VisitHistory", lines);
    }

    /// <summary>도착; on another day than booked only confirmed for that visit (<see cref="ConfirmOtherDay"/>) with <see cref="OtherDayReason"/>.</summary>
    public async Task<IActionResult> OnPostArriveAsync(long id, long? confirmOtherDay, string? otherDayReason, [FromServices] RecordArrival.Handler arrival,
        CancellationToken ct)
    {
        (ConfirmOtherDay, OtherDayReason) = (confirmOtherDay, otherDayReason);
        try
        {
            await arrival.HandleAsync(new RecordArrival.Command(id, User.UserId()!, ConfirmOtherDay == id, ConfirmOtherDay == id ? OtherDayReason : null), ct);
            return RedirectToPage();
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (ValidationFailedException ex) when (ex.Errors.Any(e => e.Field == nameof(RecordArrival.Command.OtherDayReason)))
        {
            // Asked on the card itself: the confirmation and the reason, with what was typed kept.
            ConfirmingVisit = id;
            Error = l.Text(ex);
        }
        catch (DomainException ex)
        {
            Error = l.Text(ex);
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The visit whose other-day arrival the worker confirmed (the card's confirmation form; bound for 도착 only).</summary>
    public long? ConfirmOtherDay { get; private set; }
    public string? OtherDayReason { get; private set; }
    /// <summary>The visit whose other-day arrival waits for the worker's confirmation.</summary>
    public long? ConfirmingVisit { get; private set; }

    /// <summary>
    /// 전화: records the view of the number (PIPA), then shows it on the worker's own card, readable and as a
    /// <c>tel:</c> link the phone dials. The number is never in the page before that tap, and masked again on the next load.
    /// </summary>
    public async Task<IActionResult> OnPostCallAsync(long id, [FromServices] PersonalDataLog log, CancellationToken ct)
    {
        var me = User.UserId();
        var visit = await db.Visits.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id && v.StaffId == me, ct);
        if (visit is null) return NotFound();
        var c = await db.Complaints.AsNoTracking().Where(x => x.Id == visit.ComplaintId).Select(x => new { x.ReceptionNumber, x.CallerPhone, x.CustomerId }).SingleAsync(ct);
        var phone = c.CallerPhone ?? await db.Customers.Where(x => x.Id == c.CustomerId).Select(x => x.Phone).SingleOrDefaultAsync(ct);
        if (phone is null) return NotFound();
        await log.RecordAsync(User.OfficeId(), "complaint", c.ReceptionNumber, PersonalDataActions.View, "방문 전 전화", ct);
        Revealed = new RevealedPhone(id, Infrastructure.Notices.KoreanPhone.National(phone), Infrastructure.Notices.KoreanPhone.TelUri(phone));
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The number shown on one card after its 전화 tap.</summary>
    public sealed record RevealedPhone(long VisitId, string Number, string TelUri);

    public RevealedPhone? Revealed { get; private set; }

    private sealed record VisitRow(long Id, long ComplaintId, DateOnly Date, string Window, string Status, bool EntersHome,
        string ReceptionNumber, string Type, string? Description, string? CallerName, string? CallerPhone, string? Location,
        long? CustomerId, long? LinkedToId, string? HolderName, string? CustomerPhone, string? Address, string? District, bool HasFeed);

    // The page field staff open most: its queries are compiled once (building and translating the LINQ on every
    // request was a fifth of what the page allocated). Only office users reach it, so the office filter's model is the one.
    // A left join on the customer's key (a "first customer" sub-query becomes a window over every customer on SQLite).
    private static readonly Func<ArisuDbContext, string, DateOnly, DateOnly, IAsyncEnumerable<VisitRow>> VisitsOf =
        EF.CompileAsyncQuery((ArisuDbContext db, string me, DateOnly today, DateOnly horizon) =>
            from v in db.Visits.AsNoTracking()
            where v.StaffId == me && v.Date >= today && v.Date < horizon
                && (v.Status == VisitStatuses.Booked || v.Status == VisitStatuses.Arrived)
            join c in db.Complaints on v.ComplaintId equals c.Id
            join k in db.Customers on c.CustomerId equals (long?)k.Id into ks
            from k in ks.DefaultIfEmpty()
            select new VisitRow(v.Id, v.ComplaintId, v.Date, v.Window, v.Status, v.EntersHome, c.ReceptionNumber, c.Type!.NameKo,
                c.Description, c.CallerName, c.CallerPhone, c.Location, c.CustomerId, c.LinkedToId,
                k == null ? null : k.HolderName, k == null ? null : k.Phone, k == null ? null : k.Address, k == null ? null : k.District,
                // Whether the worker has a calendar feed rides on the list's own statement (a constant sub-query the
                // database answers once), not a statement of its own; an empty list asks it alone.
                db.Users.Any(u => u.Id == me && u.CalendarTokenHash != null)));

    private static readonly Func<ArisuDbContext, string, CancellationToken, Task<bool>> HasFeedOf =
        EF.CompileAsyncQuery((ArisuDbContext db, string me, CancellationToken ct) =>
            db.Users.Any(u => u.Id == me && u.CalendarTokenHash != null));

    private async Task LoadAsync(CancellationToken ct)
    {
        // One connection for the page's statements (not opened and returned to the pool for each).
        await db.Database.OpenConnectionAsync(ct);
        var me = User.UserId();
        var today = SeoulTime.Today(clock);
        var rows = new List<VisitRow>();
        await foreach (var row in VisitsOf(db, me, today, today.AddDays(HorizonDays)).WithCancellation(ct)) rows.Add(row);
        HasFeed = rows.Count > 0 ? rows[0].HasFeed : await HasFeedOf(db, me, ct);
        // Linked complaints, for what to look at while there (the earlier complaints at the connection come on demand).
        var complaintIds = rows.Select(r => r.ComplaintId).ToList();
        var parentIds = rows.Where(r => r.LinkedToId != null).Select(r => r.LinkedToId!.Value).ToList();
        // Two look-ups the indexes answer (children by LinkedToId, parents by key), not one OR across columns.
        var roots = complaintIds.Concat(parentIds).Distinct().ToList();
        // One statement (UNION ALL) for both look-ups; each list is one parameter, so the statement's text (and EF's
        // translation of it) is the same whatever the number of visits.
        var linked = rows.Count == 0 ? [] : await db.Complaints.AsNoTracking().Where(c => c.LinkedToId != null && EF.Parameter(roots).Contains(c.LinkedToId.Value))
            .Select(c => new { c.Id, c.LinkedToId, c.ReceptionNumber, Type = c.Type!.NameKo })
            .Concat(db.Complaints.AsNoTracking().Where(c => EF.Parameter(parentIds).Contains(c.Id))
                .Select(c => new { c.Id, c.LinkedToId, c.ReceptionNumber, Type = c.Type!.NameKo }))
            .ToListAsync(ct);
        IReadOnlyList<string> LinkedOf(long id, long? parent) => linked
            .Where(l => l.Id != id && (l.LinkedToId == id || (parent != null && (l.LinkedToId == parent || l.Id == parent))))
            .Select(l => $"{l.ReceptionNumber} {l.Type}").Distinct().ToList();
        Visits = rows
            .OrderBy(r => r.Date).ThenBy(r => r.Window).ThenBy(r => r.District).ThenBy(r => r.Address)
            .Select(r => new Row(r.Id, r.ComplaintId, r.Date, r.Window, r.Status, r.ReceptionNumber, r.Type,
                Masking.Name(r.CallerName ?? r.HolderName), Masking.Phone(r.CallerPhone ?? r.CustomerPhone),
                r.CustomerId is not null ? r.Address ?? "" : Masking.FreeText(r.Location), Masking.FreeText(r.Description), r.EntersHome,
                LinkedOf(r.ComplaintId, r.LinkedToId), r.CustomerId is not null)
            {
                NoText = Infrastructure.Notices.KoreanPhone.WhyNotTextable(r.CallerPhone ?? r.CustomerPhone),
            }).ToList();
    }
}
