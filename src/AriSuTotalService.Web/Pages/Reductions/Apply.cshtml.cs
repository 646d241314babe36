using System.ComponentModel.DataAnnotations;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Infrastructure.Features;
using AriSuTotalService.Infrastructure.Features.Reductions;
using AriSuTotalService.Infrastructure.Files;
using AriSuTotalService.Infrastructure.Reductions;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AriSuTotalService.Web.Pages.Reductions;

/// <summary>A citizen applies for a leak fee reduction with a plumber's receipt (citizen channel).</summary>
[Authorize(Roles = RoleSets.ReductionIntake)]
public class ApplyModel(ApplyForReduction.Handler apply, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty, Display(Name = "수용가번호")]
    public string? AccountNumber { get; set; }

    [BindProperty, Display(Name = "누수 수리일")]
    public DateOnly? LeakDate { get; set; }

    [BindProperty, Display(Name = "접수 경로")]
    public string Channel { get; set; } = Channels.Visit;

    [BindProperty, Display(Name = "신청 내용")]
    public string? Description { get; set; }

    [BindProperty, Display(Name = "수리 영수증")]
    public IFormFile? Receipt { get; set; }

    public long? ExistingId { get; private set; }
    public IReadOnlyList<string> ChannelOptions => Channels.CitizenApplied;

    public void OnGet() => LeakDate ??= Domain.Calendar.SeoulTime.Today(clock);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page(); // a value that is not a date: said beside its field
        try
        {
            await using var stream = Receipt?.OpenReadStream();
            var upload = Receipt is null ? null : new ApplyForReduction.Upload(stream!, Receipt.FileName, Receipt.Length);
            var reduction = await apply.HandleAsync(new ApplyForReduction.Command(AccountNumber, LeakDate, Channel, Description, upload), ct);
            return User.IsInRole(Domain.Offices.Roles.BillingClerk) || User.IsInRole(Domain.Offices.Roles.SectionChief)
                ? RedirectToPage("Case", new { id = reduction.Id })
                : RedirectToPage("/Complaints/Detail", new { id = reduction.ComplaintId });
        }
        catch (ValidationFailedException ex)
        {
            // The intake's own rules name fields of the same names (the description); the rest are about the whole application.
            ModelState.AddRefusals(ex, l, field => field switch
            {
                nameof(AccountNumber) or nameof(LeakDate) or nameof(Channel) or nameof(Description) or nameof(Receipt) => field,
                _ => "",
            });
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
        return Page();
    }

    public static string ChannelLabel(string channel) => channel switch
    {
        Channels.Phone => "전화", Channels.Visit => "방문", Channels.Web => "인터넷", _ => channel,
    };
}
