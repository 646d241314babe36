using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features;
using AriSuTotalService.Infrastructure.Features.Visits;
using AriSuTotalService.Infrastructure.Visits;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Visits;

/// <summary>Booking a visit for a complaint: each field staff member's load per day and window, the citizen's preferred window first.</summary>
[Authorize(Roles = RoleSets.Booking)]
public class BookModel(ArisuDbContext db, VisitBooking booking, BookVisit.Handler book, CancelVisit.Handler cancel, HolidayCalendar holidays, VisitWindows windows, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Staff(string Id, string Name);

    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public string? StaffId { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? Window { get; set; }
    /// <summary>An exact time instead of a window (HH:mm), when the citizen asks for one.</summary>
    [BindProperty] public string? ExactTime { get; set; }
    [BindProperty] public bool EntersHome { get; set; } = true;
    [BindProperty] public string? ForceReason { get; set; }
    [BindProperty] public string? ChangeReason { get; set; }
    [BindProperty] public string? ChangeAskedBy { get; set; }
    public string? CurrentVisit { get; private set; }

    public long Id { get; private set; }
    public string Reception { get; private set; } = "";
    public string TypeName { get; private set; } = "";
    public string? Preferred { get; private set; }
    public IReadOnlyList<string> Windows => windows.All;
    public IReadOnlyList<Staff> FieldStaff { get; private set; } = [];
    public Dictionary<(string Staff, DateOnly Date, string Window), int> Load { get; private set; } = [];
    public int PerWindow => booking.PerWindow;
    public string? Error { get; private set; }

    /// <summary>The day whose grid is shown (default: the citizen's preferred day, else the first working day from today).</summary>
    public DateOnly Day { get; private set; }
    public DateOnly? PreviousDay { get; private set; }
    public DateOnly NextDay { get; private set; }
    public DateOnly? PreferredDate { get; private set; }
    public string? PreferredWindow { get; private set; }

    /// <param name="day">The day to show.</param>
    /// <param name="staff">A cell chosen on the grid: its staff member and window fill the form.</param>
    public async Task<IActionResult> OnGetAsync(long id, DateOnly? day, string? staff, string? window, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct, day)) return NotFound();
        if (staff is not null && FieldStaff.Any(s => s.Id == staff)) StaffId = staff;
        if (window is not null && Windows.Contains(window))
        {
            Window = window;
            Date = Day;
        }
        return Page();
    }

    public Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        ChangeAsync(id, async () =>
        {
            var r = await book.HandleAsync(new BookVisit.Command(id, Version, StaffId, Date, Window, EntersHome, ForceReason, ChangeReason,
                ChangeAskedBy, ExactTime), ct);
            var when = $"{r.Visit.Date:yyyy-MM-dd} {(r.Visit.Window.Contains('-') ? VisitWindows.Label(r.Visit.Window) : r.Visit.Window)}";
            TempData["Done"] = (r.Rescheduled ? l["방문 일정을 {0}, {1} 님으로 바꿨습니다.", when, r.Visitor] : l["{0}에 {1} 님의 방문을 예약했습니다.", when, r.Visitor]).Value
                + " " + (r.CitizenTold ? l["민원인에게 안내 문자를 보냅니다."] : l["민원인 연락처가 없어 문자는 보내지 않았습니다."]).Value;
        }, ct);

    public Task<IActionResult> OnPostCancelAsync(long id, CancellationToken ct) =>
        ChangeAsync(id, async () =>
        {
            var told = await cancel.HandleAsync(new CancelVisit.Command(id, Version, ChangeReason), ct);
            TempData["Done"] = l["방문을 취소했습니다."].Value + " "
                + (told ? l["민원인에게 안내 문자를 보냅니다."] : l["민원인 연락처가 없어 문자는 보내지 않았습니다."]).Value;
        }, ct);

    /// <summary>
    /// Runs a booking change and goes back to the complaint saying what was done; a refusal shows the page again with
    /// the input kept and each message beside its field; a newer version of the complaint says so.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(long id, Func<Task> change, CancellationToken ct)
    {
        try
        {
            await change();
            return RedirectToPage("/Complaints/Detail", new { id });
        }
        catch (ValidationFailedException ex)
        {
            // The cancel button's reason is the change reason's field.
            ModelState.AddRefusals(ex, l, field => field switch { "" => "", "Reason" => nameof(ChangeReason), _ => field });
            Error = ex.Errors.FirstOrDefault(e => e.Field == "") is { } whole ? l.Text(whole) : null;
        }
        catch (DomainException ex)
        {
            Error = l.Text(ex);
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = "다른 사용자가 먼저 이 민원을 변경했습니다. 민원을 다시 열어 확인하세요.";
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        db.ChangeTracker.Clear();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct, DateOnly? day = null)
    {
        var c = await db.Complaints.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.ReceptionNumber, x.Type!.NameKo, x.Type.EntersHome, x.PreferredVisitDate, x.PreferredVisitWindow, x.Version }).SingleOrDefaultAsync(ct);
        if (c is null) return false;
        Reception = c.ReceptionNumber;
        Id = id;
        var current = await db.Visits.AsNoTracking().Where(v => v.ComplaintId == id && Domain.Visits.VisitStatuses.Active.Contains(v.Status))
            .Select(v => new { v.Date, v.Window, v.StaffId }).FirstOrDefaultAsync(ct);
        CurrentVisit = current is null ? null : $"{current.Date:yyyy-MM-dd} {current.Window}";
        TypeName = c.NameKo;
        if (!Request.HasFormContentType)
        {
            Version = c.Version;
            EntersHome = c.EntersHome;
            Date = c.PreferredVisitDate;
            Window = c.PreferredVisitWindow;
            StaffId ??= current?.StaffId; // rescheduling starts from the visitor already booked
        }
        (PreferredDate, PreferredWindow) = (c.PreferredVisitDate, c.PreferredVisitWindow);
        Preferred = c.PreferredVisitDate is { } d ? $"{d:yyyy-MM-dd} {(c.PreferredVisitWindow is { } w ? VisitWindows.Label(w) : "")}" : null;

        // One day's grid: the day asked for, else the one being booked, else the preferred day, else today; a day off moves
        // to the next working day. The neighbouring working days are a click away.
        var calendar = await holidays.GetAsync(db, ct);
        var today = SeoulTime.Today(clock);
        DateOnly WorkingDay(DateOnly from, int step)
        {
            for (var i = 0; i < 30 && !calendar.IsWorkingDay(from); i++) from = from.AddDays(step);
            return from;
        }
        var requested = day ?? Date ?? c.PreferredVisitDate ?? today;
        var shown = WorkingDay(requested < today ? today : requested, 1);
        Day = shown;
        NextDay = WorkingDay(shown.AddDays(1), 1);
        var previous = WorkingDay(shown.AddDays(-1), -1);
        PreviousDay = previous >= today ? previous : null;

        var officeId = User.OfficeId();
        FieldStaff = await db.Users.AsNoTracking().Where(u => u.OfficeId == officeId
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.FieldStaff)))
            .OrderBy(u => u.DisplayName).Select(u => new Staff(u.Id, u.DisplayName)).ToListAsync(ct);
        Load = await booking.LoadAsync(shown, shown, ct);
        return true;
    }
}
