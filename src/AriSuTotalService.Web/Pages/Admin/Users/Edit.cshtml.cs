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
public class EditModel(ArisuDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, PersonalDataLog log,
    ILogger<EditModel> logger) : PageModel
{
    [BindProperty]
    public UserForm Form { get; set; } = new();

    public string Email { get; private set; } = "";
    public bool Locked { get; private set; }
    public IReadOnlyList<SelectListItem> Offices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var user = await UserForm.FindInOfficeAsync(users, db, id);
        if (user is null) return NotFound();
        Form = new UserForm
        {
            DisplayName = user.DisplayName,
            Phone = user.PhoneNumber,
            OfficeId = user.OfficeId,
            Division = user.Division,
            Role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "",
        };
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string id)
    {
        var user = await UserForm.FindInOfficeAsync(users, db, id);
        if (user is null) return NotFound();
        await Form.ValidateChoicesAsync(db, ModelState, nameof(Form));
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }
        var oldRoles = await users.GetRolesAsync(user);
        var oldOffice = user.OfficeId;
        var oldDivision = user.Division;
        user.DisplayName = Form.DisplayName.Trim();
        user.PhoneNumber = Form.Phone;
        user.OfficeId = Form.OfficeId!.Value;
        user.Division = Form.Division;
        await users.UpdateAsync(user);
        if (!oldRoles.SequenceEqual([Form.Role]))
        {
            await users.RemoveFromRolesAsync(user, oldRoles);
            await users.AddToRoleAsync(user, Form.Role);
        }
        if (!oldRoles.SequenceEqual([Form.Role]) || oldOffice != user.OfficeId)
        {
            // Open sessions pick up the new role or office at their next validation (within 5 minutes).
            await users.UpdateSecurityStampAsync(user);
            logger.LogInformation("User {Account}: roles {OldRoles} → {NewRole}, office {OldOffice} → {NewOffice} by {Admin}",
                user.Email, oldRoles, Form.Role, oldOffice, user.OfficeId, User.Identity?.Name);
        }
        if (!oldRoles.SequenceEqual([Form.Role]))
            await log.RecordPermissionChangeAsync(user.Id, user.Email!, "role", string.Join(',', oldRoles), Form.Role);
        if (oldOffice != user.OfficeId)
            await log.RecordPermissionChangeAsync(user.Id, user.Email!, "office", oldOffice.ToString(), user.OfficeId.ToString());
        if (oldDivision != user.Division)
            await log.RecordPermissionChangeAsync(user.Id, user.Email!, "division", oldDivision, user.Division);
        TempData["Message"] = "저장했습니다.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostLockAsync(string id)
    {
        var user = await UserForm.FindInOfficeAsync(users, db, id);
        if (user is null) return NotFound();
        if (user.Id == User.UserId())
        {
            TempData["Message"] = "자기 계정은 잠글 수 없습니다.";
            return RedirectToPage(new { id });
        }
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        logger.LogInformation("User {Account} locked by {Admin}", user.Email, User.Identity?.Name);
        await log.RecordPermissionChangeAsync(user.Id, user.Email!, "locked", null, null);
        TempData["Message"] = "계정을 잠갔습니다.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        var user = await UserForm.FindInOfficeAsync(users, db, id);
        if (user is null) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        logger.LogInformation("User {Account} unlocked by {Admin}", user.Email, User.Identity?.Name);
        await log.RecordPermissionChangeAsync(user.Id, user.Email!, "unlocked", null, null);
        TempData["Message"] = "잠금을 해제했습니다.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, string? newPassword)
    {
        var user = await UserForm.FindInOfficeAsync(users, db, id);
        if (user is null) return NotFound();
        ModelState.Clear();
        if (string.IsNullOrEmpty(newPassword))
        {
            ModelState.AddModelError("NewPassword", "새 비밀번호를 입력하세요.");
        }
        else
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var result = await users.ResetPasswordAsync(user, token, newPassword);
            if (result.Succeeded)
            {
                logger.LogInformation("Password of {Account} reset by {Admin}", user.Email, User.Identity?.Name);
                await log.RecordPermissionChangeAsync(user.Id, user.Email!, "password_reset", null, null);
                TempData["Message"] = "비밀번호를 재설정했습니다.";
                return RedirectToPage(new { id });
            }
            ModelState.AddModelError("NewPassword", IdentitySetup.Describe(result));
        }
        await OnGetAsync(id);
        return Page();
    }

    private async Task LoadAsync(ApplicationUser user)
    {
        Email = user.Email ?? "";
        Locked = user.LockoutEnd is { } end && end > clock.GetUtcNow();
        Offices = await UserForm.OfficeChoicesAsync(db);
    }
}
