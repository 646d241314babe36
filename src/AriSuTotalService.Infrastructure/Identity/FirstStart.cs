using AriSuTotalService.Domain.Offices;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AriSuTotalService.Infrastructure.Identity;

/// <summary>
/// The first office and administrator of a new install, from the environment (or secret files) at start, so
/// <c>docker compose up</c> gives an office to sign in to: <c>Setup__AdminEmail</c>, <c>Setup__AdminPassword</c> (or
/// <c>Setup__AdminPasswordFile</c>, e.g. a Docker secret), <c>Setup__OfficeName</c>, <c>Setup__OfficeShortName</c>,
/// <c>Setup__Districts</c> (comma-separated). Idempotent: an office with that short name is kept as it is, and an
/// existing account is never changed (its password least of all). Without <c>Setup__AdminEmail</c> nothing happens.
/// </summary>
public sealed class FirstStart(IdentitySetup identity, UserManager<ApplicationUser> users, IConfiguration config, ILogger<FirstStart> logger)
{
    public sealed record Request(string AdminEmail, string AdminPassword, string OfficeName, string OfficeShortName, IReadOnlyList<string> Districts);

    /// <summary>The setup asked for, or null; a partial one is refused with the missing settings named.</summary>
    public static Request? Read(IConfiguration config)
    {
        var email = config["Setup:AdminEmail"];
        if (string.IsNullOrWhiteSpace(email)) return null;
        var password = config["Setup:AdminPassword"];
        if (string.IsNullOrEmpty(password) && config["Setup:AdminPasswordFile"] is { Length: > 0 } file)
            password = File.Exists(file) ? File.ReadAllText(file).TrimEnd('\r', '\n')
                : throw new SettingsException([$"Setup__AdminPasswordFile '{file}' does not exist."]);
        var office = config["Setup:OfficeName"];
        var shortName = config["Setup:OfficeShortName"];
        var districts = (config["Setup:Districts"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var missing = new List<string>();
        if (string.IsNullOrEmpty(password)) missing.Add("Setup__AdminPassword (or Setup__AdminPasswordFile)");
        if (string.IsNullOrWhiteSpace(office)) missing.Add("Setup__OfficeName");
        if (string.IsNullOrWhiteSpace(shortName)) missing.Add("Setup__OfficeShortName");
        if (districts.Length == 0) missing.Add("Setup__Districts");
        if (missing.Count > 0)
            throw new SettingsException([$"Setup__AdminEmail is set, so these are needed too: {string.Join(", ", missing)}."]);
        return new Request(email.Trim(), password!, office!.Trim(), shortName!.Trim(), districts);
    }

    public async Task EnsureAsync()
    {
        if (Read(config) is not { } setup) return;
        var office = await identity.EnsureOfficeAsync(setup.OfficeName, setup.OfficeShortName, setup.Districts);
        if (await users.FindByEmailAsync(setup.AdminEmail) is not null)
        {
            logger.LogInformation("First start: {Office} and its administrator exist; nothing changed", office.Name);
            return;
        }
        await identity.CreateUserAsync(setup.AdminEmail, setup.AdminPassword, Roles.Administrator, office.Id, Divisions.AdministrativeSupport, "관리자", null);
        logger.LogInformation("First start: administrator created for {Office}", office.Name);
    }
}
