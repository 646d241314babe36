using System.Security.Claims;
using AriSuTotalService.Infrastructure.Data;

namespace AriSuTotalService.Web.Setup;

/// <summary>The acting user for audit columns and timelines: the signed-in user's e-mail, or "system" for jobs.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, Infrastructure.Import.JobActor job) : ICurrentUser
{
    public string Name => job.Name ?? (accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user
        ? user.Identity!.Name ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown"
        : "system");

    public string? UserId => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user
        ? user.FindFirstValue(ClaimTypes.NameIdentifier)
        : null;

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public int? OfficeId => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user
        && int.TryParse(user.FindFirstValue(ArisuClaims.Office), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
