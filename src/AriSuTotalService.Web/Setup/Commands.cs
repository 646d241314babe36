using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Identity;

namespace AriSuTotalService.Web.Setup;

/// <summary>
/// Operations commands, run instead of the web server:
/// <code>
/// dotnet AriSuTotalService.Web.dll migrate
/// dotnet AriSuTotalService.Web.dll create-admin --email a@b.kr --password '…' --name 홍길동
///     --office 남부수도사업소 --office-short 남부 --districts 관악구,금천구,동작구,영등포구
/// </code>
/// </summary>
public static class Commands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0) return false;
        switch (args[0])
        {
            case "migrate":
                await RunAsync(app, async sp =>
                {
                    await sp.GetRequiredService<DatabaseInitializer>().MigrateAsync();
                    await sp.GetRequiredService<IdentitySetup>().EnsureRolesAsync();
                    Console.WriteLine("Database is up to date.");
                });
                return true;
            case "create-admin":
                await RunAsync(app, async sp =>
                {
                    var email = Option(args, "--email");
                    var password = Option(args, "--password");
                    var office = Option(args, "--office");
                    var shortName = Option(args, "--office-short");
                    var districts = Option(args, "--districts").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    var name = OptionOrNull(args, "--name") ?? "관리자";
                    var identity = sp.GetRequiredService<IdentitySetup>();
                    await identity.EnsureRolesAsync();
                    var o = await identity.EnsureOfficeAsync(office, shortName, districts);
                    await identity.CreateUserAsync(email, password, Roles.Administrator, o.Id, Divisions.AdministrativeSupport, name, null);
                    Console.WriteLine($"Administrator {email} created for {o.Name}.");
                });
                return true;
            default:
                return false;
        }
    }

    private static async Task RunAsync(WebApplication app, Func<IServiceProvider, Task> action)
    {
        using var scope = app.Services.CreateScope();
        try
        {
            await action(scope.ServiceProvider);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            Console.Error.WriteLine(ex.Message);
            Environment.ExitCode = 1;
        }
    }

    private static string Option(string[] args, string name) =>
        OptionOrNull(args, name) ?? throw new ArgumentException($"{name} is required");

    private static string? OptionOrNull(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
