using System.ComponentModel.DataAnnotations;
using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Files;
using AriSuTotalService.Infrastructure.Reductions;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Reductions;

/// <summary>A citizen applies for a leak fee reduction with a plumber's receipt (citizen channel).</summary>
[Authorize(Roles = RoleSets.ReductionIntake)]
public class ApplyModel(ArisuDbContext db, LeakReductions reductions, FileStore files, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty, Required(ErrorMessage = "{0}를 입력하세요."), StringLength(20), Display(Name = "수용가번호")]
    public string? AccountNumber { get; set; }

    [BindProperty, Required(ErrorMessage = "{0}을 입력하세요."), Display(Name = "누수 수리일")]
    public DateOnly? LeakDate { get; set; }

    [BindProperty, Required(ErrorMessage = "{0}를 고르세요."), Display(Name = "접수 경로")]
    public string Channel { get; set; } = Channels.Visit;

    [BindProperty, StringLength(1000), Display(Name = "신청 내용")]
    public string? Description { get; set; }

    [BindProperty, Display(Name = "수리 영수증")]
    public IFormFile? Receipt { get; set; }

    public long? ExistingId { get; private set; }
    public IReadOnlyList<string> ChannelOptions => Channels.CitizenApplied;

    public void OnGet() => LeakDate ??= Domain.Calendar.SeoulTime.Today(clock);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Receipt is not { Length: > 0 }) ModelState.AddModelError(nameof(Receipt), "수리 영수증(사진 또는 PDF)을 첨부하세요.");
        else if (Receipt.Length > files.MaxBytes) ModelState.AddModelError(nameof(Receipt), "파일이 너무 큽니다.");
        if (!Channels.CitizenApplied.Contains(Channel)) ModelState.AddModelError(nameof(Channel), "접수 경로를 고르세요.");
        var account = AccountNumber?.Trim();
        var customerId = account is null ? null
            : await db.Customers.Where(c => c.AccountNumber == account).Select(c => (long?)c.Id).SingleOrDefaultAsync(ct);
        if (account is not null && customerId is null) ModelState.AddModelError(nameof(AccountNumber), "등록되지 않은 수용가번호입니다.");
        if (!ModelState.IsValid) return Page();
        try
        {
            await using var stream = Receipt!.OpenReadStream();
            var reduction = await reductions.ApplyAsync(User.OfficeId(), customerId!.Value, LeakDate!.Value, Channel, Description, stream, Receipt.FileName, ct);
            return User.IsInRole(Domain.Offices.Roles.BillingClerk) || User.IsInRole(Domain.Offices.Roles.SectionChief)
                ? RedirectToPage("Case", new { id = reduction.Id })
                : RedirectToPage("/Complaints/Detail", new { id = reduction.ComplaintId });
        }
        catch (DuplicateReductionException ex)
        {
            ExistingId = ex.ExistingId;
            ModelState.AddModelError(nameof(LeakDate), l.Text(ex));
        }
        catch (UploadRejectedException ex)
        {
            ModelState.AddModelError(nameof(Receipt), l[ex.Message]);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(nameof(LeakDate), l.Text(ex));
        }
        return Page();
    }

    public static string ChannelLabel(string channel) => channel switch
    {
        Channels.Phone => "전화", Channels.Visit => "방문", Channels.Web => "인터넷", _ => channel,
    };
}
