using AriSuTotalService.Domain.Integrations;
using System.Globalization;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Domain.Visits;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Api;

/// <summary>
/// A field staff member's visits as an iCalendar feed for the phone's calendar, at a secret per-user address
/// (revocable on *내 방문*). The feed leaves the office's systems, so it carries the type, reception number, window and
/// the address down to the dong only — never a name or phone number.
/// </summary>
public static class CalendarFeed
{
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{token}.ics", async (string token, ArisuDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var hash = ApiKey.HashOf(token);
            var now = clock.GetUtcNow();
            // The secret is the only credential: it serves only a field worker who may still sign in (not locked, still
            // FieldStaff), and the feed then acts for that worker's office.
            var user = await db.Users.AsNoTracking()
                .Where(u => u.CalendarTokenHash == hash
                    && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Domain.Offices.Roles.FieldStaff)))
                .Select(u => new { u.Id, u.OfficeId, u.LockoutEnd }).SingleOrDefaultAsync(ct);
            if (user is null || user.LockoutEnd > now) return Results.NotFound();
            db.ActFor(user.OfficeId);
            var today = SeoulTime.Today(clock);
            var visits = await (
                from v in db.Visits.AsNoTracking()
                    .Where(v => v.StaffId == user.Id && v.OfficeId == user.OfficeId && v.Date >= today.AddDays(-7) && v.Date <= today.AddDays(60) && v.Status != VisitStatuses.Cancelled)
                join c in db.Complaints on v.ComplaintId equals c.Id
                join k in db.Customers on c.CustomerId equals (long?)k.Id into ks
                from k in ks.DefaultIfEmpty()
                select new { v.Id, v.Date, v.Window, c.ReceptionNumber, Type = c.Type!.NameKo, c.Location, Customer = k == null ? null : new { k.Address, k.Dong, k.District } })
                .ToListAsync(ct);
            // RFC 5545 by Ical.Net: the Asia/Seoul VTIMEZONE the TZIDs refer to, escaping and line folding.
            var calendar = new Ical.Net.Calendar { ProductId = "-//Arisu Total Service//Visits//KO" };
            calendar.AddProperty("X-WR-CALNAME", "아리수 방문");
            calendar.AddProperty("X-WR-TIMEZONE", SeoulZone);
            calendar.AddTimeZone(Ical.Net.CalendarComponents.VTimeZone.FromDateTimeZone(SeoulZone));
            var stamp = new Ical.Net.DataTypes.CalDateTime(clock.GetUtcNow().UtcDateTime);
            foreach (var v in visits)
            {
                if (!Visit.TryParseWindow(v.Window, out var start, out var end)) continue;
                var place = v.Customer is { } k ? Masking.Address(k.Address, k.Dong, k.District) : Masking.Address(v.Location, null, null);
                calendar.Events.Add(new Ical.Net.CalendarComponents.CalendarEvent
                {
                    Uid = $"visit-{v.Id.ToString(CultureInfo.InvariantCulture)}@arisu",
                    DtStamp = stamp,
                    DtStart = new Ical.Net.DataTypes.CalDateTime(v.Date.ToDateTime(start), SeoulZone),
                    DtEnd = new Ical.Net.DataTypes.CalDateTime(v.Date.ToDateTime(end), SeoulZone),
                    Summary = $"{v.Type} {v.ReceptionNumber}",
                    Location = place,
                });
            }
            var ics = new Ical.Net.Serialization.CalendarSerializer().SerializeToString(calendar) ?? "";
            return Results.Text(ics, "text/calendar; charset=utf-8");
        }).AllowAnonymous();
        return app;
    }

    private const string SeoulZone = "Asia/Seoul";
}
