using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AriSuTotalService.Web.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public class ErrorModel(IStringLocalizer<SharedResource> l, ILogger<ErrorModel> logger) : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";
    public string RequestId { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        RequestId = HttpContext.TraceIdentifier;
        var status = code ?? 500;
        if (status == StatusCodes.Status403Forbidden)
        {
            logger.LogWarning("Access denied to {Path} for {Account}",
                HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalPath,
                User.Identity?.Name ?? "-");
        }
        (Title, Message) = status switch
        {
            403 => (l["권한이 없습니다"].Value, l["이 화면을 볼 수 있는 권한이 없습니다. 필요하면 관리자에게 요청하세요."].Value),
            404 => (l["찾을 수 없습니다"].Value, l["요청한 화면이나 자료가 없습니다."].Value),
            429 => (l["요청이 너무 많습니다"].Value, l["잠시 후 다시 시도하세요."].Value),
            400 => (l["잘못된 요청입니다"].Value, l["입력한 내용을 확인하고 다시 시도하세요."].Value),
            _ => (l["오류가 발생했습니다"].Value, l["잠시 후 다시 시도하세요. 계속되면 요청 번호와 함께 관리자에게 알려 주세요."].Value),
        };
        if (code is { } c and >= 400) Response.StatusCode = c;
    }
}
