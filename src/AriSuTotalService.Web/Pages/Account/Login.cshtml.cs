using System.ComponentModel.DataAnnotations;
using AriSuTotalService.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AriSuTotalService.Web.Pages.Account;

public class LoginModel(SignInManager<ApplicationUser> signIn, SignInThrottle throttle, IStringLocalizer<SharedResource> l,
    ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "{0}을(를) 입력하세요.")]
        [EmailAddress(ErrorMessage = "올바른 전자우편 주소가 아닙니다.")]
        [StringLength(256)]
        [Display(Name = "전자우편")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "{0}을(를) 입력하세요.")]
        [StringLength(200)]
        [DataType(DataType.Password)]
        [Display(Name = "비밀번호")]
        public string Password { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var ip = HttpContext.Connection.RemoteIpAddress?.ToString();
        var verdict = await throttle.TryAttemptAsync(Input.Email, ip, HttpContext.RequestAborted);
        if (verdict == SignInThrottle.Verdict.AddressLimited)
        {
            logger.LogWarning("Sign-in throttled for address {Ip}", ip);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError(string.Empty, l["로그인 시도가 너무 많습니다. 몇 분 뒤에 다시 시도하세요."]);
            return Page();
        }
        if (verdict == SignInThrottle.Verdict.AccountLimited)
        {
            logger.LogWarning("Sign-in throttled for {Account} from {Ip}", Input.Email, ip);
            ModelState.AddModelError(string.Empty, l["로그인 시도가 너무 많습니다. 몇 분 뒤에 다시 시도하세요."]);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Sign-in succeeded for {Account} from {Ip}", Input.Email, ip);
            if (Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/") return LocalRedirect(ReturnUrl!);
            // Field staff start their day on their visits; everyone else on the office's overview.
            var account = await signIn.UserManager.FindByNameAsync(Input.Email);
            var roles = account is null ? [] : await signIn.UserManager.GetRolesAsync(account);
            return LocalRedirect(roles is [Domain.Offices.Roles.FieldStaff] ? "/Visits/Mine" : "/");
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused, account locked: {Account} from {Ip}", Input.Email, ip);
            ModelState.AddModelError(string.Empty, l["계정이 잠겼습니다. 잠시 후 다시 시도하거나 관리자에게 문의하세요."]);
            return Page();
        }
        logger.LogWarning("Sign-in failed for {Account} from {Ip}", Input.Email, ip);
        ModelState.AddModelError(string.Empty, l["전자우편 또는 비밀번호가 올바르지 않습니다."]);
        return Page();
    }
}
