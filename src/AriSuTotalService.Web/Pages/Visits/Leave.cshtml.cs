using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Visits;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features;
using AriSuTotalService.Infrastructure.Features.Visits;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Visits;

/// <summary>Field staff leave and absence (section chief), with the visits booked in it listed for reassignment in one go.</summary>
[Authorize(Roles = Roles.SectionChief)]
public class LeaveModel(ArisuDbContext db, RegisterLeave.Handler register, ReassignVisits.Handler reassign, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record LeaveRow(string Staff, DateOnly From, DateOnly To, string Reason);
    public sealed record AffectedVisit(long Id, string Staff, DateOnly Date, string Window, string Reception);

    [BindProperty] public string? StaffId { get; set; }
    [BindProperty] public DateOnly? From { get; set; }
    [BindProperty] public DateOnly? To { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public List<long> VisitIds { get; set; } = [];
    [BindProperty] public string? ToStaffId { get; set; }

    public IReadOnlyList<(string Id, string Name)> FieldStaff { get; private set; } = [];
    public IReadOnlyList<LeaveRow> Leaves { get; private set; } = [];
    public IReadOnlyList<AffectedVisit> Affected { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await register.HandleAsync(new RegisterLeave.Command(StaffId, From, To, Reason), ct);
            Message = "등록했습니다. 이 기간에 예약된 방문을 다른 직원에게 넘기세요.";
        }
        catch (ValidationFailedException ex)
        {
            ModelState.AddRefusals(ex, l, field => field);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReassignAsync(CancellationToken ct)
    {
        try
        {
            var moved = await reassign.HandleAsync(new ReassignVisits.Command(VisitIds, ToStaffId), ct);
            Message = l["방문 {0}건을 넘기고 민원인에게 바뀐 방문 직원을 문자로 알렸습니다.", moved];
        }
        catch (ValidationFailedException ex)
        {
            ModelState.AddRefusals(ex, l, field => field);
            db.ChangeTracker.Clear();
        }
        catch (DomainException ex)
        {
            Error = l.Text(ex);
            db.ChangeTracker.Clear();
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var officeId = User.OfficeId();
        var staff = await db.Users.AsNoTracking().Where(u => u.OfficeId == officeId
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.FieldStaff)))
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        FieldStaff = staff.Select(s => (s.Id, s.DisplayName)).ToList();
        string Name(string id) => staff.FirstOrDefault(s => s.Id == id)?.DisplayName ?? id;
        var today = SeoulTime.Today(clock);
        var leaves = await db.StaffLeaves.AsNoTracking().Where(l => l.To >= today).OrderBy(l => l.From).ToListAsync(ct);
        Leaves = leaves.Select(l => new LeaveRow(Name(l.StaffId), l.From, l.To, l.Reason)).ToList();
        var affected = new List<AffectedVisit>();
        foreach (var l in leaves)
        {
            var visits = await db.Visits.AsNoTracking().Where(v => v.StaffId == l.StaffId && v.Date >= l.From && v.Date <= l.To && v.Status == VisitStatuses.Booked)
                .Join(db.Complaints, v => v.ComplaintId, c => c.Id, (v, c) => new { v.Id, v.StaffId, v.Date, v.Window, c.ReceptionNumber }).ToListAsync(ct);
            affected.AddRange(visits.Select(v => new AffectedVisit(v.Id, Name(v.StaffId), v.Date, v.Window, v.ReceptionNumber)));
        }
        Affected = affected.DistinctBy(a => a.Id).OrderBy(a => a.Date).ThenBy(a => a.Window).ToList();
    }
}
