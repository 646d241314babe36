using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Visits;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features;
using Microsoft.Extensions.Localization;
using AriSuTotalService.Infrastructure.Files;
using AriSuTotalService.Infrastructure.Visits;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Visits;

/// <summary>
/// One form per visit, by complaint type; a field staff member reaches only their own visits and photos, a section
/// chief all of the office's.
/// </summary>
[Authorize(Roles = RoleSets.SurgeWork)]
[RequestSizeLimit(20 * 1024 * 1024)]
public class OutcomeModel(ArisuDbContext db, VisitOutcomes outcomes, FileStore files, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public string Result { get; set; } = VisitResults.Resolved;
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public bool? LeakFound { get; set; }
    [BindProperty] public string? LeakPlace { get; set; }
    [BindProperty] public bool? Repaired { get; set; }
    [BindProperty] public string? RepairedBy { get; set; }
    [BindProperty] public long? ReadingBefore { get; set; }
    [BindProperty] public long? ReadingAfter { get; set; }
    [BindProperty] public string? Cause { get; set; }
    [BindProperty] public bool FixedOnSite { get; set; }
    [BindProperty] public decimal? Chlorine { get; set; }
    [BindProperty] public decimal? Iron { get; set; }
    [BindProperty] public decimal? Copper { get; set; }
    [BindProperty] public decimal? Turbidity { get; set; }
    [BindProperty] public decimal? Ph { get; set; }
    /// <summary>Anything done beside the office's listed add-on services.</summary>
    [BindProperty] public string? AddOns { get; set; }
    /// <summary>The office's add-on services ticked.</summary>
    [BindProperty] public List<string> AddOnItems { get; set; } = [];
    [BindProperty] public List<string> OtherTypes { get; set; } = [];
    [BindProperty] public string? TransferDivision { get; set; }
    [BindProperty] public string? TransferReason { get; set; }
    [BindProperty] public IFormFile? Photo { get; set; }
    /// <summary>Linked complaints handled on this visit, closed with it.</summary>
    [BindProperty] public List<long> AlsoResolved { get; set; } = [];

    /// <summary>The open linked complaints this visit may also record (<see cref="VisitOutcomes.Alongside"/>).</summary>
    public IReadOnlyList<AlongsideComplaint> Alongside { get; private set; } = [];

    public long VisitId { get; private set; }
    public long ComplaintId { get; private set; }
    public string Reception { get; private set; } = "";
    public string TypeCode { get; private set; } = "";
    public string TypeName { get; private set; } = "";
    public IReadOnlyList<(string Code, string Name)> Types { get; private set; } = [];
    public IReadOnlyList<long> Photos { get; private set; } = [];
    public IReadOnlyList<string> OfferedAddOns { get; private set; } = [];
    public string? Error { get; private set; }

    private string? OnlyStaff => User.IsInRole(Roles.SectionChief) ? null : User.UserId();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        // The rules are the use case's (RecordVisitOutcome.Validator); the page binds, sends, and shows each refusal beside its field.
        if (Photo is { Length: > 0 } p && p.Length > files.MaxBytes) ModelState.AddModelError(nameof(Photo), l["사진이 너무 큽니다."]);
        if (!ModelState.IsValid) return Page();
        try
        {
            await using var stream = Photo is { Length: > 0 } ? Photo.OpenReadStream() : null;
            await outcomes.RecordAsync(id, OnlyStaff, new OutcomeInput(Result, Note!, LeakFound, LeakPlace, Repaired, RepairedBy, ReadingBefore, ReadingAfter,
                Cause, FixedOnSite, Chlorine, Iron, Copper, Turbidity, Ph, WaterQualityAddOns.Combine(OfferedAddOns, AddOnItems, AddOns),
                OtherTypes, TransferDivision, TransferReason) { AlsoResolved = AlsoResolved }, stream, ct);
            if (OnlyStaff is null) return RedirectToPage("/Complaints/Detail", new { id = ComplaintId });
            // The field worker goes back to the day's visits, told what was saved and what followed from it.
            var reduction = await db.LeakReductions.AsNoTracking().AnyAsync(r => r.DiagnosisComplaintId == ComplaintId, ct);
            var also = Alongside.Where(a => AlsoResolved.Contains(a.Id)).Select(a => a.ReceptionNumber).ToList();
            TempData["Done"] = l["{0} 방문 결과를 저장했습니다.", Reception].Value
                + (also.Count > 0 ? " " + l["함께 처리한 연계 민원 {0}도 종결했습니다.", string.Join(", ", also)].Value : "")
                + (reduction ? " " + l["누수요금 감면 건이 열렸습니다."].Value : "");
            return RedirectToPage("/Visits/Mine");
        }
        catch (UploadRejectedException ex)
        {
            ModelState.AddModelError(nameof(Photo), l[ex.Message]);
        }
        catch (ValidationFailedException ex)
        {
            ModelState.AddRefusals(ex, l, field => field);
            Error = l.Text(ex);
        }
        catch (DomainException ex)
        {
            Error = l.Text(ex);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        return Page();
    }

    /// <summary>A visit photo, only for the visitor and section chiefs.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(long id, long photoId, CancellationToken ct)
    {
        var only = OnlyStaff;
        var photo = await db.VisitPhotos.AsNoTracking().Where(x => x.Id == photoId && x.VisitId == id
                && db.Visits.Any(v => v.Id == id && (only == null || v.StaffId == only)))
            .Select(x => new { x.Path, x.ContentType }).SingleOrDefaultAsync(ct);
        return photo is null ? NotFound() : File(files.OpenRead(photo.Path), photo.ContentType);
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var only = OnlyStaff;
        var v = await db.Visits.AsNoTracking().Where(x => x.Id == id && (only == null || x.StaffId == only))
            .Join(db.Complaints, x => x.ComplaintId, c => c.Id, (x, c) => new { x.Id, c.ReceptionNumber, Code = c.Type!.Code, c.Type.NameKo, ComplaintId = c.Id, c.LinkedToId })
            .SingleOrDefaultAsync(ct);
        if (v is null) return false;
        (VisitId, ComplaintId, Reception, TypeCode, TypeName) = (v.Id, v.ComplaintId, v.ReceptionNumber, v.Code, v.NameKo);
        Types = (await db.ComplaintTypes.AsNoTracking().Where(t => t.IsActive && t.Code != v.Code).OrderBy(t => t.SortOrder)
            .Select(t => new { t.Code, t.NameKo }).ToListAsync(ct)).Select(t => (t.Code, t.NameKo)).ToList();
        Alongside = await outcomes.AlongsideAsync(v.ComplaintId, v.LinkedToId, ct);
        Photos = await db.VisitPhotos.AsNoTracking().Where(p => p.VisitId == id).Select(p => p.Id).ToListAsync(ct);
        if (v.Code == ComplaintTypeCodes.WaterQualityTest) OfferedAddOns = await WaterQualityAddOns.GetAsync(db, User.OfficeId(), ct);
        return true;
    }
}
