using AriSuTotalService.Domain.Reports;
using AriSuTotalService.Infrastructure.Visits;
using System.Globalization;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Visits;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features;
using AriSuTotalService.Infrastructure.Features.Complaints;
using AriSuTotalService.Infrastructure.Features.Reports;
using Microsoft.Extensions.Localization;
using AriSuTotalService.Infrastructure.Privacy;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Complaints;

/// <summary>
/// One complaint: its details (personal data masked until revealed, each reveal recorded), linked complaints, the
/// timeline and the lifecycle actions. Every action carries the version it was loaded with: when someone else saved
/// in between, nothing is overwritten and the user sees what changed with their input kept.
/// </summary>
[Authorize(Roles = RoleSets.ComplaintReaders)]
public class DetailModel(ArisuDbContext db, ChangeComplaint.Handler change, FlagBestPractice.Handler bestPractice, PersonalDataLog log, HolidayCalendar holidays, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Linked(long Id, string Reception, string Type, string Status, string Channel);
    public sealed record Event(string At, string By, string Kind, string? Detail);
    public sealed record View(
        long Id, string Reception, string Status, string TypeName, string TypeCode, string Channel, string Division, string Received,
        string Deadline, string OriginalDeadline, bool Open, bool Overdue, string TimeLeft, string? Account, string? HolderName,
        string? HolderPhone, string? Address, string? Location, string? CallerName, string? CallerPhone, string? CallerEmail, string? CallerRelation,
        string? Description, string? PreferredVisit, string? Assignee, string? Resolution, string? CancelReason, string? TransferReason,
        string? ExtensionReason, bool Paused, string? PauseReason, bool CanExtend, string? ExtensionLimit, Guid Version, bool Anonymized);

    [BindProperty(SupportsGet = true)] public bool Created { get; set; }
    [BindProperty] public Guid Version { get; set; }
    /// <summary>When the form was rendered (UTC ticks), to tell what others did since.</summary>
    [BindProperty] public long LoadedAt { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? TargetDivision { get; set; }
    [BindProperty] public string? AssigneeId { get; set; }
    [BindProperty] public DateTime? NewDeadline { get; set; }

    public View Complaint { get; private set; } = null!;
    public bool Revealed { get; private set; }
    public bool CanAct { get; private set; }
    /// <summary>Who has the complaint now (the assignee select starts there).</summary>
    public string? CurrentAssigneeId { get; private set; }
    public string? Conflict { get; private set; }
    public string? FailedAction { get; private set; }
    public IReadOnlyList<Linked> LinkedComplaints { get; private set; } = [];
    public IReadOnlyList<Event> Timeline { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name)> Staff { get; private set; } = [];
    /// <summary>The best-practice write-up when a section chief flagged this complaint (우수사례).</summary>
    public string? BestPractice { get; private set; }
    public bool NeedsVisit { get; private set; }
    public IReadOnlyList<string> Visits { get; private set; } = [];
    /// <summary>The leak fee reduction case of this complaint (the reduction itself, or the one its leak opened).</summary>
    public long? ReductionId { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Whether the user handles complaints; an administrator reads a complaint (masked) and nothing more.</summary>
    public bool Handles => User.IsInAny(RoleSets.ComplaintHandlers);

    /// <summary>Every change, reveal and flag is the handlers': anyone else who may read the page is refused before the handler runs.</summary>
    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        if (!HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method) && !Handles)
        {
            context.Result = Forbid();
            return;
        }
        await next();
    }

    /// <summary>Shows the full name, phone and address, and records the view in the access log.</summary>
    public async Task<IActionResult> OnPostRevealAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        // Need-to-know: field staff see the personal data of the complaints assigned to them or that they visit.
        var me = User.UserId();
        if (User.IsInRole(Roles.FieldStaff)
            && !await db.Complaints.AnyAsync(c => c.Id == id && (c.AssigneeId == me || db.Visits.Any(v => v.ComplaintId == c.Id && v.StaffId == me)), ct))
        {
            await log.RecordAsync(User.OfficeId(), "complaint", Complaint.Reception, PersonalDataActions.Refused, "담당이 아닌 민원의 개인정보 열람 시도", ct);
            return Forbid();
        }
        Revealed = true;
        await LoadAsync(id, ct);
        await log.RecordAsync(User.OfficeId(), "complaint", Complaint.Reception, PersonalDataActions.View,
            Complaint.Account is null ? "신고인 연락처" : $"수용가 {Complaint.Account} 성명·전화·주소", ct);
        return Page();
    }

    /// <summary>A section chief flags the complaint as a best-practice case (or updates the write-up).</summary>
    public async Task<IActionResult> OnPostBestPracticeAsync(long id, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.SectionChief)) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        try
        {
            await bestPractice.HandleAsync(new FlagBestPractice.Command(id, Text), ct);
            return RedirectToPage(new { id });
        }
        catch (DomainException ex)
        {
            FailedAction = "best";
            ModelState.AddModelError(nameof(Text), l.Text(ex));
            return Page();
        }
    }

    public Task<IActionResult> OnPostResolveAsync(long id, CancellationToken ct) => ActAsync(id, ChangeComplaint.Actions.Resolve, ct);

    public Task<IActionResult> OnPostTransferAsync(long id, CancellationToken ct) => ActAsync(id, ChangeComplaint.Actions.Transfer, ct);

    public Task<IActionResult> OnPostResultAsync(long id, CancellationToken ct) => ActAsync(id, ChangeComplaint.Actions.Result, ct);

    public Task<IActionResult> OnPostCancelAsync(long id, CancellationToken ct) => ActAsync(id, ChangeComplaint.Actions.Cancel, ct);

    public Task<IActionResult> OnPostAssignAsync(long id, CancellationToken ct) => ActAsync(id, ChangeComplaint.Actions.Assign, ct);

    public Task<IActionResult> OnPostExtendAsync(long id, CancellationToken ct) => ActAsync(id, ChangeComplaint.Actions.Extend, ct);

    public Task<IActionResult> OnPostPauseAsync(long id, CancellationToken ct) => ActAsync(id, ChangeComplaint.Actions.Pause, ct);

    public Task<IActionResult> OnPostResumeAsync(long id, CancellationToken ct) => ActAsync(id, ChangeComplaint.Actions.Resume, ct);

    /// <summary>The signed-in user as the use case sees them: roles and division.</summary>
    private ChangeComplaint.Actor Actor => new(
        Roles.All.Where(User.IsInRole).ToHashSet(), User.FindFirst(ArisuClaims.Division)?.Value);

    private async Task<IActionResult> ActAsync(long id, string action, CancellationToken ct)
    {
        try
        {
            await change.HandleAsync(new ChangeComplaint.Command(id, Version, action, Text, TargetDivision,
                string.IsNullOrEmpty(AssigneeId) ? null : AssigneeId, NewDeadline), Actor, ct);
            return RedirectToPage(new { id });
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (ChangeComplaint.NotAllowedException)
        {
            return Forbid();
        }
        catch (ValidationFailedException ex)
        {
            FailedAction = action;
            // Each action's form has one message line: every refusal of the action is shown there.
            ModelState.AddRefusals(ex, l, _ => nameof(Text));
        }
        catch (DomainException ex)
        {
            FailedAction = action;
            ModelState.AddModelError(nameof(Text), l.Text(ex));
        }
        catch (DbUpdateConcurrencyException)
        {
            // A stale form: someone saved since it was loaded. Nothing was saved; the user sees what changed.
            FailedAction = action;
            db.ChangeTracker.Clear();
            if (!await LoadAsync(id, ct)) return NotFound();
            Conflict = await DescribeChangesAsync(id, ct);
            return Page();
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>What others changed since the form was loaded, from the timeline.</summary>
    private async Task<string> DescribeChangesAsync(long id, CancellationToken ct)
    {
        var since = new DateTime(Math.Clamp(LoadedAt, 0, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
        var events = await db.ComplaintEvents.AsNoTracking().Where(e => e.ComplaintId == id && e.AtUtc >= since)
            .OrderBy(e => e.AtUtc).Select(e => new { e.AtUtc, e.By, e.Kind, e.Detail }).ToListAsync(ct);
        var what = events.Count > 0
            ? string.Join(", ", events.Select(e => $"{EventLabel(e.Kind)}{(e.Detail is null ? "" : $" ({e.Detail})")} · {e.By} {SeoulTime.ToLocal(e.AtUtc):HH:mm}"))
            : $"지금 상태: {StatusLabels.Of(Complaint.Status)}, 처리기한 {Complaint.Deadline}";
        return $"다른 사용자가 먼저 이 민원을 변경했습니다 — {what}. 입력한 내용은 그대로 두었으니 확인 후 다시 저장하세요.";
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var c = await (
            from x in db.Complaints.AsNoTracking().Where(x => x.Id == id)
            join k in db.Customers on x.CustomerId equals (long?)k.Id into ks
            from k in ks.DefaultIfEmpty()
            select new
        {
            x.Id, x.ReceptionNumber, x.Status, TypeName = x.Type!.NameKo, TypeCode = x.Type.Code, Period = x.Type.PeriodUnit, PeriodValue = x.Type.PeriodValue,
            x.Channel, x.Division, x.ReceivedAtUtc, x.DeadlineAtUtc, x.OriginalDeadlineAtUtc, x.CustomerId, x.Location, x.Latitude, x.Longitude, x.CallerName, x.CallerPhone, x.CallerEmail,
            x.CallerRelation, x.Description, x.PreferredVisitDate, x.PreferredVisitWindow, x.AssigneeId, x.Resolution, x.CancelReason,
            x.TransferReason, x.ExtensionReason, x.PausedAtUtc, x.PauseReason, x.Version, x.LinkedToId, x.AnonymizedAtUtc,
            Customer = k == null ? null : new { k.AccountNumber, k.HolderName, k.Phone, k.Address, k.Dong, k.District },
            Assignee = db.Users.Where(u => u.Id == x.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(),
        }).SingleOrDefaultAsync(ct);
        if (c is null) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        var open = ComplaintStatuses.Open.Contains(c.Status);
        string? extensionLimit = null;
        if (open && c.ExtensionReason is null)
        {
            var calendar = await holidays.GetAsync(db, ct);
            extensionLimit = calendar.ExtensionLimit(SeoulTime.ToLocal(c.DeadlineAtUtc), new ProcessingPeriod(c.Period, c.PeriodValue)).ToString("yyyy-MM-dd HH:mm");
        }
        string Local(DateTime utc) => SeoulTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm");
        Complaint = new View(c.Id, c.ReceptionNumber, c.Status, c.TypeName, c.TypeCode, c.Channel, c.Division, Local(c.ReceivedAtUtc),
            Local(c.DeadlineAtUtc), Local(c.OriginalDeadlineAtUtc), open, Infrastructure.Reports.ComplaintFigures.IsOverdue(c.Status, c.DeadlineAtUtc, c.PausedAtUtc, now),
            open ? (c.PausedAtUtc is null ? IndexModel.TimeLeft(c.DeadlineAtUtc - now, l) : l["보완 대기"]) : "",
            c.Customer?.AccountNumber,
            c.Customer is null ? null : Revealed ? c.Customer.HolderName : Masking.Name(c.Customer.HolderName),
            c.Customer is null ? null : Revealed ? c.Customer.Phone : Masking.Phone(c.Customer.Phone),
            c.Customer is null ? null : Revealed ? c.Customer.Address : Masking.Address(c.Customer.Address, c.Customer.Dong, c.Customer.District),
            c.Location is not null ? (Revealed ? c.Location : Masking.FreeText(c.Location))
                : c.Latitude is { } la && c.Longitude is { } lo
                    // Coordinates as sent (to about 10 cm) once revealed; to about 100 m before.
                    ? string.Create(CultureInfo.InvariantCulture, $"위도 {(Revealed ? la : Math.Round(la, 3))}, 경도 {(Revealed ? lo : Math.Round(lo, 3))}")
                    : null,
            c.CallerName is null ? null : Revealed ? c.CallerName : Masking.Name(c.CallerName),
            c.CallerPhone is null ? null : Revealed ? c.CallerPhone : Masking.Phone(c.CallerPhone),
            c.CallerEmail is null ? null : Revealed ? c.CallerEmail : Masking.Email(c.CallerEmail),
            c.CallerRelation is null ? null : RelationLabels.Of(c.CallerRelation),
            Revealed ? c.Description : Masking.FreeText(c.Description),
            c.PreferredVisitDate is { } d ? $"{d:yyyy-MM-dd} {(c.PreferredVisitWindow is { } w ? VisitWindows.Label(w) : "")}".Trim() : null,
            c.Assignee, c.Resolution, c.CancelReason, c.TransferReason, c.ExtensionReason, c.PausedAtUtc is not null, c.PauseReason,
            open && c.ExtensionReason is null, extensionLimit, c.Version, c.AnonymizedAtUtc is not null);

        var linked = await db.Complaints.AsNoTracking()
            .Where(x => x.Id != c.Id && (x.LinkedToId == c.Id || x.Id == c.LinkedToId || (c.LinkedToId != null && x.LinkedToId == c.LinkedToId)))
            .OrderBy(x => x.ReceptionNumber)
            .Select(x => new Linked(x.Id, x.ReceptionNumber, x.Type!.NameKo, x.Status, x.Channel)).ToListAsync(ct);
        ReductionId = await db.LeakReductions.AsNoTracking().Where(r => r.ComplaintId == id || r.DiagnosisComplaintId == id)
            .OrderByDescending(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);
        LinkedComplaints = linked;
        var events = await db.ComplaintEvents.AsNoTracking().Where(e => e.ComplaintId == c.Id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new { e.AtUtc, e.By, e.Kind, e.Detail }).ToListAsync(ct);
        // People by their names, as the office knows them (the timeline keeps who acted by their sign-in).
        var actors = events.Select(e => e.By).Distinct().ToList();
        var office = User.OfficeId();
        var people = (await db.Users.AsNoTracking().Where(u => u.OfficeId == office && actors.Contains(u.Email!))
            .Select(u => new { u.Email, u.DisplayName }).ToListAsync(ct)).DistinctBy(u => u.Email!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(u => u.Email!, u => u.DisplayName, StringComparer.OrdinalIgnoreCase);
        Timeline = events.Select(e => new Event(Local(e.AtUtc), people.GetValueOrDefault(e.By) ?? (e.By == "system" ? l["자동 처리"].Value : e.By), e.Kind, e.Detail)).ToList();

        NeedsVisit = await db.ComplaintTypes.AsNoTracking().AnyAsync(t => t.Code == c.TypeCode && t.NeedsVisit, ct);
        var visits = await db.Visits.AsNoTracking().Where(v => v.ComplaintId == c.Id).OrderBy(v => v.Date)
            .Select(v => new { v.Date, v.Window, v.Status, v.StaffId, v.ArrivedAtUtc, v.FinishedAtUtc }).ToListAsync(ct);
        var names = await db.Users.AsNoTracking().Where(u => visits.Select(v => v.StaffId).Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        Visits = visits.Select(v => $"{v.Date:yyyy-MM-dd} {VisitWindows.Label(v.Window)} · {names.GetValueOrDefault(v.StaffId)} · {l[VisitStatuses.Label(v.Status)]}"
            + (v.ArrivedAtUtc is { } a ? $" · {l["도착 {0}", SeoulTime.ToLocal(a).ToString("HH:mm")]}" : "")
            + (v.FinishedAtUtc is { } f ? $" · {l["마침 {0}", SeoulTime.ToLocal(f).ToString("HH:mm")]}" : "")).ToList();
        BestPractice = await db.BestPractices.AsNoTracking().Where(p => p.ComplaintId == c.Id).Select(p => p.WriteUp).SingleOrDefaultAsync(ct);
        CanAct = Actor.MayAct(c.Status, c.Division);
        CurrentAssigneeId = c.AssigneeId;
        var officeId = User.OfficeId();
        Staff = (await db.Users.AsNoTracking().Where(u => u.OfficeId == officeId).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct)).Select(u => (u.Id, u.DisplayName)).ToList();
        return true;
    }

    public static string EventLabel(string kind) => kind switch
    {
        ComplaintEventKinds.Received => "접수",
        ComplaintEventKinds.Linked => "연계",
        ComplaintEventKinds.Assigned => "담당자 지정",
        ComplaintEventKinds.Scheduled => "방문 예약",
        ComplaintEventKinds.Visited => "방문",
        ComplaintEventKinds.Transferred => "이첩",
        ComplaintEventKinds.TransferResult => "이첩 처리 결과",
        ComplaintEventKinds.Resolved => "처리 완료",
        ComplaintEventKinds.Cancelled => "취소",
        ComplaintEventKinds.Extended => "처리기한 연장",
        ComplaintEventKinds.Paused => "보완 요청됨",
        ComplaintEventKinds.Resumed => "보완 완료됨",
        ComplaintEventKinds.Unscheduled => "방문 취소",
        ComplaintEventKinds.ReductionExists => "감면 건 이미 있음",
        ComplaintEventKinds.ReductionReversed => "감면 승인 취소",
        ComplaintEventKinds.ReductionRepaired => "누수 수리 확인",
        ComplaintEventKinds.ArrivedOtherDay => "예약일이 아닌 날 도착",
        _ => kind,
    };

    public long RenderedAt => clock.GetUtcNow().UtcTicks;

    public string NowLocalInput => SeoulTime.ToLocal(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
