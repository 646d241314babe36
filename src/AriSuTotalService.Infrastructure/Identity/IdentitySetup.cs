using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Identity;

/// <summary>Roles (every environment) and the first administrator of a new install (the documented command).</summary>
public sealed class IdentitySetup(RoleManager<IdentityRole> roles, UserManager<ApplicationUser> users, ArisuDbContext db, TimeProvider clock)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded) throw new InvalidOperationException(Describe(result));
            }
        }
    }

    public async Task<Office> EnsureOfficeAsync(string name, string shortName, IReadOnlyCollection<string> districts)
    {
        var office = await db.Offices.SingleOrDefaultAsync(o => o.ShortName == shortName);
        if (office is not null) return office;
        office = new Office(name, shortName, districts);
        db.Offices.Add(office);
        await db.SaveChangesAsync();
        return office;
    }

    /// <summary>Creates a user with one role; throws with Identity's messages when the password or e-mail is refused.</summary>
    public async Task<ApplicationUser> CreateUserAsync(string email, string password, string role, int officeId,
        string division, string displayName, string? phone)
    {
        if (!Roles.IsKnown(role)) throw new ArgumentException($"unknown role {role}");
        if (!Divisions.IsKnown(division)) throw new ArgumentException($"unknown division {division}");
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            OfficeId = officeId,
            Division = division,
            DisplayName = displayName,
            PhoneNumber = phone,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) throw new InvalidOperationException(Describe(created));
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded) throw new InvalidOperationException(Describe(added));
        return user;
    }

    public static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
