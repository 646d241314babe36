using System.Globalization;
using System.Security.Claims;
using AriSuTotalService.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AriSuTotalService.Web.Setup;

/// <summary>Claims every signed-in principal carries beyond Identity's own: office, division and display name.</summary>
public static class ArisuClaims
{
    public const string Office = "arisu:office";
    public const string Division = "arisu:division";
    public const string DisplayName = "arisu:display_name";
    /// <summary>When the user signed in (UTC ticks); kept across security-stamp refreshes for the absolute lifetime.</summary>
    public const string AuthTime = "arisu:auth_time";

    public static int OfficeId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(Office), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new InvalidOperationException("The signed-in user has no office.");

    public static string DisplayNameOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("not signed in");
}

public sealed class ArisuClaimsFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options, TimeProvider clock) : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ArisuClaims.Office, user.OfficeId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(ArisuClaims.Division, user.Division));
        identity.AddClaim(new Claim(ArisuClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(ArisuClaims.AuthTime,
            clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}
