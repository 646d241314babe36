using AriSuTotalService.Infrastructure.Visits;
using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Customers;
using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features;
using AriSuTotalService.Infrastructure.Features.Complaints;
using Microsoft.Extensions.Localization;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Intake;

/// <summary>
/// Phone intake, keyboard first: find the customer, see their open and recent complaints, record the caller, the
/// type and what was said, tick every other inconvenience (each becomes a linked staff-work complaint), note the
/// preferred visit, save → reception number, deadline and division to read out.
/// </summary>
[Authorize(Roles = RoleSets.Intake)]
public partial class IndexModel(ArisuDbContext db, RegisterComplaint.Handler register, VisitWindows windows, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record CustomerHit(long Id, string Account, string Name, string Phone, string Address);
    /// <param name="NoText">Why the customer's number cannot take a text (a resource key), or null.</param>
    public sealed record CustomerPanel(long Id, string Account, string Name, string Phone, string Address, string UseType, int MeterSizeMm,
        string? NoText);
    public sealed record RecentComplaint(long Id, string Reception, string Type, string TypeCode, string Status, string Received, bool Open);
    public sealed record TypeChoice(string Code, string Name, string Field, bool NeedsVisit, bool TotalService);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public long? CustomerId { get; set; }
    [BindProperty] public IntakeForm Input { get; set; } = new();

    public IReadOnlyList<CustomerHit> Hits { get; private set; } = [];
    public CustomerPanel? Customer { get; private set; }
    public IReadOnlyList<RecentComplaint> Recent { get; private set; } = [];
    public IReadOnlyList<TypeChoice> Types { get; private set; } = [];
    public IReadOnlyList<string> Windows => windows.All;
    public string? DuplicateWarning { get; private set; }
    public DateOnly Today => SeoulTime.Today(clock);

    public sealed class IntakeForm
    {
        [Required(ErrorMessage = "민원 유형을 선택하세요.")]
        [Display(Name = "민원 유형")]
        public string TypeCode { get; set; } = "";

        [Display(Name = "접수 경로")]
        public string Channel { get; set; } = Channels.Phone;

        [StringLength(4000, ErrorMessage = "{0}은(는) {1}자 이내로 입력하세요.")]
        [Display(Name = "민원 내용")]
        public string? Description { get; set; }

        public bool CallerIsHolder { get; set; } = true;

        [StringLength(100, ErrorMessage = "{0}은(는) {1}자 이내로 입력하세요.")]
        [Display(Name = "전화하신 분 성명")]
        public string? CallerName { get; set; }

        [StringLength(30, ErrorMessage = "{0}은(는) {1}자 이내로 입력하세요.")]
        [Display(Name = "연락처")]
        public string? CallerPhone { get; set; }

        [Display(Name = "관계")]
        public string? CallerRelation { get; set; }

        [StringLength(300, ErrorMessage = "{0}은(는) {1}자 이내로 입력하세요.")]
        [Display(Name = "위치")]
        public string? Location { get; set; }

        public List<string> OtherTypes { get; set; } = [];

        [Display(Name = "희망 방문일")]
        public DateOnly? PreferredDate { get; set; }

        [Display(Name = "희망 시간대")]
        public string? PreferredWindow { get; set; }

        public bool ConfirmDuplicate { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!string.IsNullOrWhiteSpace(Q) && CustomerId is null) Hits = await SearchAsync(Q, 20, ct);
    }

    /// <summary>Type-ahead: masked suggestions as JSON.</summary>
    public async Task<IActionResult> OnGetSearchAsync(string? q, CancellationToken ct) =>
        new JsonResult(string.IsNullOrWhiteSpace(q) || q.Trim().Length < 2 ? [] : await SearchAsync(q, 10, ct));

    /// <summary>
    /// A customer chosen from the search (or let go): the page again with the customer beside everything already chosen
    /// and typed — the type, the caller's words, the caller, the preferred visit, the other inconveniences.
    /// </summary>
    public async Task<IActionResult> OnPostChooseAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The page binds and asks; every rule of an intake is the use case's (RegisterComplaint.Validator).
        var holderCalls = CustomerId is not null && Input.CallerIsHolder;
        var command = new IntakeRequest(
            CustomerId, Input.TypeCode, Channels.CitizenApplied.Contains(Input.Channel) ? Input.Channel : "", Input.Description, Input.Location,
            holderCalls ? null : Input.CallerName, holderCalls ? null : Input.CallerPhone,
            holderCalls || CustomerId is null ? null : Input.CallerRelation ?? "",
            Input.PreferredDate, Input.PreferredWindow, Input.OtherTypes);
        if (ModelState.IsValid && CustomerId is { } cid && !Input.ConfirmDuplicate)
        {
            var open = await db.Complaints.AsNoTracking()
                .Where(c => c.CustomerId == cid && c.Type!.Code == Input.TypeCode && ComplaintStatuses.Open.Contains(c.Status))
                .Select(c => c.ReceptionNumber).FirstOrDefaultAsync(ct);
            if (open is not null)
            {
                DuplicateWarning = l["이 수용가에 처리 중인 같은 유형의 민원({0})이 있습니다. 그래도 접수하려면 '중복 접수 확인'을 선택하고 다시 저장하세요.", open];
                ModelState.AddModelError("Input.ConfirmDuplicate", DuplicateWarning);
            }
        }
        if (ModelState.IsValid)
        {
            try
            {
                var result = await register.HandleAsync(command, ct);
                return RedirectToPage("/Complaints/Detail", new { id = result.First.Id, created = true });
            }
            catch (ValidationFailedException ex)
            {
                ModelState.AddRefusals(ex, l, FormField);
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError(string.Empty, l.Text(ex));
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Where a refusal of the command is shown on this form.</summary>
    private static string FormField(string field) => field switch
    {
        nameof(IntakeRequest.CustomerId) => nameof(CustomerId),
        nameof(IntakeRequest.OtherTypeCodes) => "Input.OtherTypes",
        RegisterComplaint.Validator.CallerContact => "Input.CallerPhone",
        nameof(IntakeRequest.TypeCode) or nameof(IntakeRequest.Channel) or nameof(IntakeRequest.Description) or nameof(IntakeRequest.Location)
            or nameof(IntakeRequest.CallerName) or nameof(IntakeRequest.CallerPhone) or nameof(IntakeRequest.CallerRelation)
            or nameof(IntakeRequest.PreferredDate) or nameof(IntakeRequest.PreferredWindow) => "Input." + field,
        _ => string.Empty,
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        Types = await db.ComplaintTypes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder)
            .Select(t => new TypeChoice(t.Code, t.NameKo, t.Field, t.NeedsVisit, t.IsTotalService)).ToListAsync(ct);
        if (CustomerId is not { } id) return;
        var c = await db.Customers.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.AccountNumber, x.HolderName, x.Phone, x.Address, x.Dong, x.District, x.UseType, x.MeterSizeMm })
            .SingleOrDefaultAsync(ct);
        if (c is null)
        {
            CustomerId = null;
            return;
        }
        Customer = new CustomerPanel(c.Id, c.AccountNumber, Masking.Name(c.HolderName), Masking.Phone(c.Phone),
            Masking.Address(c.Address, c.Dong, c.District), c.UseType, c.MeterSizeMm, Infrastructure.Notices.KoreanPhone.WhyNotTextable(c.Phone));
        var since = clock.GetUtcNow().UtcDateTime.AddYears(-1);
        var recent = await db.Complaints.AsNoTracking()
            .Where(x => x.CustomerId == id && (ComplaintStatuses.Open.Contains(x.Status) || x.ReceivedAtUtc >= since))
            .OrderByDescending(x => x.ReceivedAtUtc).Take(15)
            .Select(x => new { x.Id, x.ReceptionNumber, x.Type!.NameKo, x.Type.Code, x.Status, x.ReceivedAtUtc }).ToListAsync(ct);
        Recent = recent.Select(x => new RecentComplaint(x.Id, x.ReceptionNumber, x.NameKo, x.Code, x.Status,
            SeoulTime.ToLocal(x.ReceivedAtUtc).ToString("yyyy-MM-dd"), ComplaintStatuses.Open.Contains(x.Status))).ToList();
    }

    /// <summary>Account number, reception number, phone (any way of writing it), name or address.</summary>
    private async Task<IReadOnlyList<CustomerHit>> SearchAsync(string query, int take, CancellationToken ct)
    {
        var q = query.Trim();
        if (q.Length > 100) q = q[..100];
        IQueryable<Domain.Customers.Customer> customers = db.Customers.AsNoTracking();
        if (ReceptionNumber.TryParse(q, out _, out _, out _))
        {
            var ids = db.Complaints.Where(c => c.ReceptionNumber == q && c.CustomerId != null).Select(c => c.CustomerId!.Value);
            customers = customers.Where(c => ids.Contains(c.Id));
        }
        else if (AccountPrefix().IsMatch(q))
        {
            customers = customers.Where(c => c.AccountNumber.StartsWith(q));
        }
        else if (Domain.Customers.Customer.DigitsOf(q) is { Length: >= 4 } digits && digits.Length * 2 >= q.Replace("-", "").Replace(" ", "").Length)
        {
            customers = digits.Length >= 9
                ? customers.Where(c => c.PhoneDigits == digits)
                : customers.Where(c => c.PhoneDigits.EndsWith(digits));
        }
        else
        {
            // A name, or a place as people say it: the street address as shown, or the dong (신림동) alone.
            customers = customers.Where(c => c.HolderName == q || c.HolderName.StartsWith(q) || c.Address.Contains(q) || c.Dong == q);
        }
        var rows = await customers.OrderBy(c => c.AccountNumber).Take(take)
            .Select(c => new { c.Id, c.AccountNumber, c.HolderName, c.Phone, c.Address, c.Dong, c.District }).ToListAsync(ct);
        return rows.Select(c => new CustomerHit(c.Id, c.AccountNumber, Masking.Name(c.HolderName), Masking.Phone(c.Phone),
            Masking.Address(c.Address, c.Dong, c.District))).ToList();
    }

    [GeneratedRegex(@"^\d{2,3}-\d{0,8}$")]
    private static partial Regex AccountPrefix();

}
