using System.ComponentModel.DataAnnotations;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Admin.Users;

/// <summary>The fields an administrator sets on a user, shared by the create and edit pages.</summary>
public class UserForm
{
    [Required(ErrorMessage = "{0}을(를) 입력하세요.")]
    [StringLength(100, ErrorMessage = "{0}은(는) {1}자 이내로 입력하세요.")]
    [Display(Name = "이름")]
    public string DisplayName { get; set; } = "";

    [Phone(ErrorMessage = "올바른 전화번호가 아닙니다.")]
    [StringLength(30)]
    [Display(Name = "전화번호")]
    public string? Phone { get; set; }

    [Required(ErrorMessage = "{0}을(를) 선택하세요.")]
    [Display(Name = "사업소")]
    public int? OfficeId { get; set; }

    [Required(ErrorMessage = "{0}을(를) 선택하세요.")]
    [Display(Name = "부서")]
    public string Division { get; set; } = "";

    [Required(ErrorMessage = "{0}을(를) 선택하세요.")]
    [Display(Name = "역할")]
    public string Role { get; set; } = "";

    /// <summary>Checks the choices against the known values; adds model errors under <paramref name="prefix"/>.</summary>
    public async Task ValidateChoicesAsync(ArisuDbContext db, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string prefix)
    {
        if (!Divisions.IsKnown(Division)) state.AddModelError($"{prefix}.{nameof(Division)}", "알 수 없는 부서입니다.");
        if (!Roles.IsKnown(Role)) state.AddModelError($"{prefix}.{nameof(Role)}", "알 수 없는 역할입니다.");
        // Administration is per office: an administrator places users in their own office only.
        if (OfficeId is { } id && (id != db.Office || !await db.Offices.AnyAsync(o => o.Id == id)))
            state.AddModelError($"{prefix}.{nameof(OfficeId)}", "자기 사업소의 사용자만 등록하거나 바꿀 수 있습니다.");
    }

    /// <summary>The administrator's own office: the only one offered.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> OfficeChoicesAsync(ArisuDbContext db)
    {
        var office = db.Office;
        return await db.Offices.AsNoTracking().Where(o => o.Id == office)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync();
    }

    /// <summary>A user of the administrator's office, or null (another office's user is not found, whatever the id).</summary>
    public static async Task<Infrastructure.Identity.ApplicationUser?> FindInOfficeAsync(
        Microsoft.AspNetCore.Identity.UserManager<Infrastructure.Identity.ApplicationUser> users, ArisuDbContext db, string id) =>
        await users.FindByIdAsync(id) is { } user && user.OfficeId == db.Office ? user : null;
}
