using System.Diagnostics;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Visits;
using AriSuTotalService.Infrastructure;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AriSuTotalService.Benchmarks;

/// <summary>
/// One office's decade, in the app's own data folder layout (DataFolder/arisu.db): the demo generator at scale through
/// the bulk path (customers, 24 months of readings, complaints over the years), the demo accounts, and the load
/// accounts — field staff with the coming days' visits, intake clerks and section chiefs. Deterministic for a seed.
/// </summary>
public static class OfficeData
{
    public const string LoadPassword = "Load-Test-2026!";
    public const int FieldStaff = 32;
    public const int Clerks = 16;
    public const int Chiefs = 2;
    public const int VisitsPerStaff = 12;

    public static string Field(int i) => $"field{i:00}@load.local";
    public static string Clerk(int i) => $"clerk{i:00}@load.local";
    public static string Chief(int i) => $"chief{i:00}@load.local";

    /// <summary>Fills the office's database once: the SQLite file in <paramref name="folder"/>, or the (empty) SQL Server database of <paramref name="sqlServer"/>.</summary>
    public static async Task EnsureAsync(string folder, int customers, int complaintsPerYear, int years, string? sqlServer = null)
    {
        Directory.CreateDirectory(folder);
        var ready = Path.Combine(folder, sqlServer is null ? "office.ready" : "office-sqlserver.ready");
        if (File.Exists(ready)) return;
        if (sqlServer is null)
            foreach (var f in Directory.GetFiles(folder, "arisu.db*")) File.Delete(f);
        var sw = Stopwatch.StartNew();
        await using var sp = Services(folder, sqlServer);
        using (var scope = sp.CreateScope())
        {
            var s = scope.ServiceProvider;
            await s.GetRequiredService<DatabaseInitializer>().MigrateAsync();
            var identity = s.GetRequiredService<IdentitySetup>();
            await identity.EnsureRolesAsync();
            await s.GetRequiredService<DemoSeeder>().SeedAsync(new DemoOptions { Customers = customers, ComplaintsPerYear = complaintsPerYear, Years = years, Seed = 2017 });
            var db = s.GetRequiredService<ArisuDbContext>();
            var office = await db.Offices.SingleAsync(o => o.ShortName == DemoData.OfficeShortName);
            for (var i = 1; i <= FieldStaff; i++)
                await identity.CreateUserAsync(Field(i), LoadPassword, Roles.FieldStaff, office.Id, Divisions.FieldComplaints, $"현장{i:00}", $"02-3000-{i:0000}");
            for (var i = 1; i <= Clerks; i++)
                await identity.CreateUserAsync(Clerk(i), LoadPassword, Roles.IntakeClerk, office.Id, Divisions.AdministrativeSupport, $"접수{i:00}", $"02-3100-{i:0000}");
            for (var i = 1; i <= Chiefs; i++)
                await identity.CreateUserAsync(Chief(i), LoadPassword, Roles.SectionChief, office.Id, Divisions.FieldComplaints, $"과장{i:00}", $"02-3200-{i:0000}");
            await BookVisitsAsync(db, office.Id);
            // As the app does at start: the planner's statistics.
            await s.GetRequiredService<DatabaseInitializer>().RefreshStatisticsAsync();
        }
        await File.WriteAllTextAsync(ready, DateTime.UtcNow.ToString("O"));
        Console.WriteLine($"  office data generated in {sw.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>The container the app's infrastructure needs, pointed at the data folder.</summary>
    public static ServiceProvider Services(string folder, string? sqlServer = null)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataFolder"] = folder, ["Database:Provider"] = sqlServer is null ? "Sqlite" : "SqlServer", ["ConnectionStrings:Arisu"] = sqlServer,
            ["Jobs:Server"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        services.AddSingleton<IConfiguration>(config);
        services.AddInfrastructure(config, folder);
        return services.BuildServiceProvider();
    }

    /// <summary>Each load field staff member gets visits over today and the next working days, on open complaints that need one.</summary>
    private static async Task BookVisitsAsync(ArisuDbContext db, int officeId)
    {
        var staff = await db.Users.Where(u => u.Email!.EndsWith("@load.local") && u.Email.StartsWith("field")).OrderBy(u => u.Email).Select(u => u.Id).ToListAsync();
        // Open complaints that need a visit first; the rest of a full day's list from the latest such complaints.
        var wanted = staff.Count * VisitsPerStaff;
        var open = await db.Complaints.Where(c => c.OfficeId == officeId && c.Type!.NeedsVisit && c.CustomerId != null)
            .OrderBy(c => ComplaintStatuses.Open.Contains(c.Status) ? 0 : 1).ThenByDescending(c => c.Id).Select(c => c.Id).Take(wanted).ToListAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        var days = Enumerable.Range(0, 14).Select(today.AddDays).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Take(4).ToList();
        string[] windows = ["09-12", "13-15", "15-18"];
        for (var i = 0; i < open.Count; i++)
        {
            var s = i % staff.Count;
            var n = i / staff.Count;
            db.Visits.Add(new Visit(officeId, open[i], staff[s], days[n % days.Count], windows[n % windows.Length], true, "부하 시험 자료"));
        }
        await db.SaveChangesAsync();
        Console.WriteLine($"  {open.Count:N0} visits booked for {staff.Count} field staff");
    }
}
