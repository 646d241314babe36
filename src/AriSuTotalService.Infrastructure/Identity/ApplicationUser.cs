using Microsoft.AspNetCore.Identity;

namespace AriSuTotalService.Infrastructure.Identity;

/// <summary>A member of staff. The display name is told to citizens as the visitor's name (민원처리 실명제).</summary>
public class ApplicationUser : IdentityUser
{
    public int OfficeId { get; set; }
    public string Division { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>SHA-256 of the secret in the user's iCalendar feed address; null when no feed is issued (revoked).</summary>
    public string? CalendarTokenHash { get; set; }
}
