using System.ComponentModel.DataAnnotations;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features;
using AriSuTotalService.Infrastructure.Features.Administration;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Admin.ComplaintTypes;

/// <summary>The complaint catalogue: administrators change periods, divisions and visit needs, and add types.</summary>
[Authorize(Roles = RoleSets.Administrator)]
public class IndexModel(ArisuDbContext db, SaveComplaintType.Handler save, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<ComplaintType> Types { get; private set; } = [];

    [BindProperty] public TypeForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Edit { get; set; }

    /// <summary>The office's division for the leak fee reductions the system opens after a diagnosis.</summary>
    [BindProperty] public string? ProactiveDivision { get; set; }
    public string CurrentProactiveDivision { get; private set; } = Infrastructure.Complaints.DivisionSettings.ProactiveReductionDefault;

    /// <summary>The office's own division for a type ("" = the catalogue's).</summary>
    [BindProperty] public string? OwnType { get; set; }
    [BindProperty] public string? OwnDivision { get; set; }
    public IReadOnlyDictionary<string, string> OwnDivisions { get; private set; } = new Dictionary<string, string>();

    public sealed class TypeForm
    {
        [Display(Name = "코드")]
        public string? Code { get; set; }

        [Display(Name = "이름")]
        public string? NameKo { get; set; }

        [Display(Name = "영문 이름")]
        public string? NameEn { get; set; }

        [Display(Name = "분야")] public string Field { get; set; } = ComplaintFields.Works;
        [Display(Name = "담당 부서")] public string Division { get; set; } = Divisions.FieldComplaints;
        [Display(Name = "처리기간 단위")] public PeriodUnit Unit { get; set; } = PeriodUnit.Days;

        [Display(Name = "처리기간")]
        public int Value { get; set; } = 3;

        /// <summary>The plan's column it is counted in (empty: its own, or its field's 기타).</summary>
        [Display(Name = "보고 열")] public string? ReportColumn { get; set; }

        public bool TotalService { get; set; }
        public bool NeedsVisit { get; set; }
        public bool EntersHome { get; set; }
        public bool Active { get; set; } = true;
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Edit is not null && Types.FirstOrDefault(t => t.Code == Edit) is { } t)
        {
            Input = new TypeForm
            {
                Code = t.Code, NameKo = t.NameKo, NameEn = t.NameEn, Field = t.Field, Division = t.HandlingDivision, Unit = t.PeriodUnit,
                Value = t.PeriodValue, TotalService = t.IsTotalService, NeedsVisit = t.NeedsVisit, EntersHome = t.EntersHome, Active = t.IsActive,
                ReportColumn = t.ReportColumn,
            };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid) // a value of the wrong kind is said beside its field by the binder
        {
            try
            {
                await save.HandleAsync(new SaveComplaintType.Command(Input.Code, Input.NameKo, Input.NameEn, Input.Field, Input.Division, Input.Unit,
                    Input.Value, Input.TotalService, Input.NeedsVisit, Input.EntersHome, Input.Active,
                    string.IsNullOrWhiteSpace(Input.ReportColumn) ? null : Input.ReportColumn), ct);
                TempData["Message"] = l["{0} 유형을 저장했습니다. 새로 접수하는 민원부터 적용됩니다.", Input.NameKo!.Trim()].Value;
                return RedirectToPage();
            }
            catch (ValidationFailedException ex)
            {
                ModelState.AddRefusals(ex, l, field => "Input." + field);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostProactiveDivisionAsync(CancellationToken ct)
    {
        if (!Divisions.IsKnown(ProactiveDivision))
        {
            ModelState.Clear();
            ModelState.AddModelError(nameof(ProactiveDivision), "알 수 없는 부서입니다.");
            await LoadAsync(ct);
            return Page();
        }
        await Infrastructure.Complaints.DivisionSettings.SaveProactiveReductionAsync(db, User.OfficeId(), ProactiveDivision!, ct);
        TempData["Message"] = l["진단 뒤 직권 감면은 {0}에서 맡습니다. 새로 열리는 건부터 적용됩니다.", ProactiveDivision!].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostOwnDivisionAsync(CancellationToken ct)
    {
        try
        {
            await Infrastructure.Complaints.DivisionSettings.SaveForTypeAsync(db, User.OfficeId(), OwnType ?? "", string.IsNullOrEmpty(OwnDivision) ? null : OwnDivision, ct);
        }
        catch (Domain.Common.DomainException ex)
        {
            ModelState.Clear();
            ModelState.AddModelError(nameof(OwnDivision), l.Text(ex));
            await LoadAsync(ct);
            return Page();
        }
        TempData["Message"] = l["이 사업소의 유형별 담당 부서를 저장했습니다. 새로 접수하는 민원부터 적용됩니다."].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Types = await db.ComplaintTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        CurrentProactiveDivision = await Infrastructure.Complaints.DivisionSettings.ProactiveReductionAsync(db, User.OfficeId(), ct);
        OwnDivisions = await Infrastructure.Complaints.DivisionSettings.ForTypesAsync(db, User.OfficeId(), Types.Select(t => t.Code).ToList(), ct);
    }

}
