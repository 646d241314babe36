using AriSuTotalService.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AriSuTotalService.Web.Pages.Account;

[Authorize(Roles = Setup.RoleSets.AllStaff)]
public class LogoutModel(SignInManager<ApplicationUser> signIn, ILogger<LogoutModel> logger) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        logger.LogInformation("Signed out: {Account}", User.Identity?.Name);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
