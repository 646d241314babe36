using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Admin.ComplaintTypes;

/// <summary>The complaint catalogue: administrators change periods, divisions and visit needs, and add types.</summary>
[Authorize(Roles = RoleSets.Administrator)]
public partial class IndexModel(ArisuDbContext db, IStringLocalizer<SharedResource> l) : PageModel
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
        [Required(ErrorMessage = "{0}을(를) 입력하세요.")]
        [StringLength(40)]
        [Display(Name = "코드")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "{0}을(를) 입력하세요.")]
        [StringLength(60, ErrorMessage = "{0}은(는) {1}자 이내로 입력하세요.")]
        [Display(Name = "이름")]
        public string NameKo { get; set; } = "";

        [StringLength(80)]
        [Display(Name = "영문 이름")]
        public string? NameEn { get; set; }

        [Display(Name = "분야")] public string Field { get; set; } = ComplaintFields.Works;
        [Display(Name = "담당 부서")] public string Division { get; set; } = Divisions.FieldComplaints;
        [Display(Name = "처리기간 단위")] public PeriodUnit Unit { get; set; } = PeriodUnit.Days;

        [Range(0, 365, ErrorMessage = "{0}은(는) {1}~{2} 사이여야 합니다.")]
        [Display(Name = "처리기간")]
        public int Value { get; set; } = 3;

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
            };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var code = Input.Code ?? "";
        if (!CodePattern().IsMatch(code)) ModelState.AddModelError("Input.Code", "코드는 영문 대문자, 숫자, 밑줄(_)로 입력하세요.");
        if (!ComplaintFields.All.Contains(Input.Field)) ModelState.AddModelError("Input.Field", "분야를 선택하세요.");
        if (!Divisions.IsKnown(Input.Division)) ModelState.AddModelError("Input.Division", "알 수 없는 부서입니다.");
        if (Input.Unit != PeriodUnit.Immediate && Input.Value < 1) ModelState.AddModelError("Input.Value", "처리기간은 1 이상이어야 합니다.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var period = Input.Unit == PeriodUnit.Immediate ? ProcessingPeriod.Immediately : new ProcessingPeriod(Input.Unit, Input.Value);
        var existing = await db.ComplaintTypes.SingleOrDefaultAsync(t => t.Code == code, ct);
        if (existing is null)
        {
            var order = (await db.ComplaintTypes.MaxAsync(t => (int?)t.SortOrder, ct) ?? 0) + 10;
            db.ComplaintTypes.Add(new ComplaintType(code, Input.Field, Input.NameKo.Trim(), Input.NameEn?.Trim() ?? code,
                Input.TotalService, Input.Division, period, Input.NeedsVisit, Input.EntersHome, order));
        }
        else
        {
            existing.Change(Input.NameKo.Trim(), Input.NameEn?.Trim() ?? existing.NameEn, Input.Field, Input.TotalService, Input.Division,
                period, Input.NeedsVisit, Input.EntersHome, Input.Active);
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["{0} 유형을 저장했습니다. 새로 접수하는 민원부터 적용됩니다.", Input.NameKo].Value;
        return RedirectToPage();
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
        TempData["Message"] = $"진단 뒤 직권 감면은 {ProactiveDivision}에서 맡습니다. 새로 열리는 건부터 적용됩니다.";
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
        TempData["Message"] = "이 사업소의 유형별 담당 부서를 저장했습니다. 새로 접수하는 민원부터 적용됩니다.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Types = await db.ComplaintTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        CurrentProactiveDivision = await Infrastructure.Complaints.DivisionSettings.ProactiveReductionAsync(db, User.OfficeId(), ct);
        OwnDivisions = await Infrastructure.Complaints.DivisionSettings.ForTypesAsync(db, User.OfficeId(), Types.Select(t => t.Code).ToList(), ct);
    }

    [GeneratedRegex("^[A-Z][A-Z0-9_]{1,39}$")]
    private static partial Regex CodePattern();
}
