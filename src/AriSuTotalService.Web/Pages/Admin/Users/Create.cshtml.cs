using System.ComponentModel.DataAnnotations;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Identity;
using AriSuTotalService.Infrastructure.Privacy;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace AriSuTotalService.Web.Pages.Admin.Users;

[Authorize(Roles = RoleSets.Administrator)]
public class CreateModel(ArisuDbContext db, UserManager<ApplicationUser> users, IdentitySetup identity, PersonalDataLog log,
    ILogger<CreateModel> logger) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "{0}을(를) 입력하세요.")]
    [EmailAddress(ErrorMessage = "올바른 전자우편 주소가 아닙니다.")]
    [StringLength(256)]
    [Display(Name = "전자우편")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "{0}을(를) 입력하세요.")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "{0}은(는) {2}자 이상이어야 합니다.")]
    [DataType(DataType.Password)]
    [Display(Name = "초기 비밀번호")]
    public string Password { get; set; } = "";

    [BindProperty]
    public UserForm Form { get; set; } = new();

    public IReadOnlyList<SelectListItem> Offices { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Form.OfficeId = User.OfficeId();
        Offices = await UserForm.OfficeChoicesAsync(db);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await Form.ValidateChoicesAsync(db, ModelState, nameof(Form));
        if (ModelState.IsValid && await users.FindByEmailAsync(Email) is not null)
            ModelState.AddModelError(nameof(Email), "이미 등록된 전자우편입니다.");
        if (ModelState.IsValid)
        {
            var validation = await ValidatePasswordAsync();
            if (validation is not null) ModelState.AddModelError(nameof(Password), validation);
        }
        if (!ModelState.IsValid)
        {
            Offices = await UserForm.OfficeChoicesAsync(db);
            return Page();
        }
        var user = await identity.CreateUserAsync(Email.Trim(), Password, Form.Role, Form.OfficeId!.Value, Form.Division,
            Form.DisplayName.Trim(), Form.Phone);
        logger.LogInformation("User {Account} created with role {Role} by {Admin}", user.Email, Form.Role, User.Identity?.Name);
        await log.RecordPermissionChangeAsync(user.Id, user.Email!, "created", null,
            $"{Form.Role} · {Form.Division} · office {Form.OfficeId}");
        TempData["Message"] = $"{user.DisplayName} ({user.Email}) 사용자를 등록했습니다.";
        return RedirectToPage("Index");
    }

    private async Task<string?> ValidatePasswordAsync()
    {
        var probe = new ApplicationUser { UserName = Email, Email = Email };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, probe, Password);
            if (!result.Succeeded) return IdentitySetup.Describe(result);
        }
        return null;
    }
}
