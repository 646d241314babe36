using AriSuTotalService.Infrastructure.Visits;
using System.Globalization;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Domain.Surges;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features;
using AriSuTotalService.Infrastructure.Features.Surges;
using Microsoft.Extensions.Localization;
using AriSuTotalService.Infrastructure.Privacy;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Surges;

/// <summary>
/// One flagged meter: both periods, the last 12 readings drawn, and the phone check — explained (closes it),
/// unexplained (opens a proactive leak diagnosis linked to it), unreachable (after three attempts: a letter).
/// </summary>
[Authorize(Roles = RoleSets.SurgeWork)]
public class CaseModel(ArisuDbContext db, DecideSurgeCase.Handler decide, PersonalDataLog log, VisitWindows windows, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Bar(string Label, long Usage, int Days, decimal PerDay, bool Current);

    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public DateOnly? PreferredDate { get; set; }
    [BindProperty] public string? PreferredWindow { get; set; }
    [BindProperty] public string? AssigneeId { get; set; }

    public SurgeCase Case { get; private set; } = null!;
    public string Account { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Phone { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string UseType { get; private set; } = "";
    public bool Revealed { get; private set; }
    public string? Error { get; private set; }
    public string? DiagnosisReception { get; private set; }
    public IReadOnlyList<Bar> Bars { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name)> Staff { get; private set; } = [];
    public IReadOnlyList<string> Windows => windows.All;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRevealAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        // Need-to-know: field staff reach the holder of the cases assigned to them only.
        var me = User.UserId();
        if (User.IsInRole(Roles.FieldStaff) && !await db.SurgeCases.AnyAsync(c => c.Id == id && c.AssigneeId == me, ct))
        {
            await log.RecordAsync(User.OfficeId(), "customer", Account, PersonalDataActions.Refused, "담당이 아닌 격증 건의 개인정보 열람 시도", ct);
            return Forbid();
        }
        Revealed = true;
        await LoadAsync(id, ct);
        await log.RecordAsync(User.OfficeId(), "customer", Account, PersonalDataActions.View, "격증 확인 전화: 성명·전화·주소", ct);
        return Page();
    }

    public Task<IActionResult> OnPostExplainedAsync(long id, CancellationToken ct) => DecideAsync(id, DecideSurgeCase.Decisions.Explained, ct);

    public Task<IActionResult> OnPostUnreachableAsync(long id, CancellationToken ct) => DecideAsync(id, DecideSurgeCase.Decisions.Unreachable, ct);

    public Task<IActionResult> OnPostAssignAsync(long id, CancellationToken ct) => DecideAsync(id, DecideSurgeCase.Decisions.Assign, ct);

    /// <summary>No explanation: a proactive LEAK_DIAGNOSIS complaint opens, linked to this case, carrying the agreed window.</summary>
    public Task<IActionResult> OnPostUnexplainedAsync(long id, CancellationToken ct) => DecideAsync(id, DecideSurgeCase.Decisions.Unexplained, ct);

    private async Task<IActionResult> DecideAsync(long id, string decision, CancellationToken ct)
    {
        try
        {
            var c = await decide.HandleAsync(new DecideSurgeCase.Command(id, Version, decision, Reason, Note, PreferredDate, PreferredWindow, AssigneeId), ct);
            return decision == DecideSurgeCase.Decisions.Unexplained && c.DiagnosisComplaintId is { } complaintId
                ? RedirectToPage("/Complaints/Detail", new { id = complaintId })
                : RedirectToPage(new { id });
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (ValidationFailedException ex)
        {
            ModelState.AddRefusals(ex, l, field => field is nameof(Reason) or nameof(Note) or nameof(PreferredDate) or nameof(PreferredWindow) or nameof(AssigneeId) ? field : "");
            Error = l.Text(ex);
        }
        catch (DomainException ex)
        {
            Error = l.Text(ex);
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = l["다른 직원이 먼저 이 건을 처리했습니다. 지금 상태를 확인하세요. 입력한 내용은 그대로 두었습니다."];
        }
        db.ChangeTracker.Clear();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var c = await db.SurgeCases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return false;
        Case = c;
        var customer = await db.Customers.AsNoTracking().SingleAsync(x => x.Id == c.CustomerId, ct);
        Account = customer.AccountNumber;
        Name = Revealed ? customer.HolderName : Masking.Name(customer.HolderName);
        Phone = Revealed ? customer.Phone : Masking.Phone(customer.Phone);
        Address = Revealed ? customer.Address : Masking.Address(customer.Address, customer.Dong, customer.District);
        UseType = $"{customer.UseType} · {customer.MeterSizeMm}mm";
        if (c.DiagnosisComplaintId is { } dc)
            DiagnosisReception = await db.Complaints.AsNoTracking().Where(x => x.Id == dc).Select(x => x.ReceptionNumber).SingleOrDefaultAsync(ct);
        var readings = await db.MeterReadings.AsNoTracking().Where(r => r.CustomerId == c.CustomerId && r.PeriodEnd <= c.CurrentPeriodEnd)
            .OrderByDescending(r => r.PeriodEnd).Take(12).Select(r => new { r.PeriodEnd, r.UsageM3, r.Days }).ToListAsync(ct);
        Bars = readings.OrderBy(r => r.PeriodEnd).Select(r => new Bar(r.PeriodEnd.ToString("yy.MM", CultureInfo.InvariantCulture), r.UsageM3, r.Days,
            r.Days == 0 ? 0 : Math.Round(r.UsageM3 / (decimal)r.Days, 2), r.PeriodEnd == c.CurrentPeriodEnd)).ToList();
        var officeId = User.OfficeId();
        Staff = (await db.Users.AsNoTracking().Where(u => u.OfficeId == officeId).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct)).Select(u => (u.Id, u.DisplayName)).ToList();
        return true;
    }
}

public static class CaseModelFormat
{
    public static string PerDay(long usage, int days) => DecideSurgeCase.PerDay(usage, days);
}
