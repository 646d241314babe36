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
            db.ActFor(office.Id);
            for (var i = 1; i <= FieldStaff; i++)
                await identity.CreateUserAsync(Field(i), LoadPassword, Roles.FieldStaff, office.Id, Divisions.FieldComplaints, $"현장{i:00}", $"02-3000-{i:0000}");
            for (var i = 1; i <= Clerks; i++)
                await identity.CreateUserAsync(Clerk(i), LoadPassword, Roles.IntakeClerk, office.Id, Divisions.AdministrativeSupport, $"접수{i:00}", $"02-3100-{i:0000}");
            for (var i = 1; i <= Chiefs; i++)
                await identity.CreateUserAsync(Chief(i), LoadPassword, Roles.SectionChief, office.Id, Divisions.FieldComplaints, $"과장{i:00}", $"02-3200-{i:0000}");
            await BookVisitsAsync(db, office.Id);
            await ReductionsAsync(db, office.Id);
            await PanelRoundsAsync(db, office.Id);
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

    /// <summary>
    /// A leak fee reduction case for every LEAK_FEE_REDUCTION complaint with an account, worked out by the real calculator
    /// with the seeded tariffs (normal usage 10–20 m³ a month, the leak month 2–5 times that): approved with its amounts
    /// where the complaint was resolved, rejected where cancelled, pending otherwise. Written through prepared inserts.
    /// </summary>
    private static async Task ReductionsAsync(ArisuDbContext db, int officeId)
    {
        var rows = await db.Complaints.AsNoTracking().Where(c => c.OfficeId == officeId && c.Type!.Code == ComplaintTypeCodes.LeakFeeReduction && c.CustomerId != null)
            .Join(db.Customers, c => c.CustomerId, k => (long?)k.Id, (c, k) => new { c.Id, CustomerId = k.Id, k.UseType, c.ReceivedAtUtc, c.ClosedAtUtc, c.Status, c.Channel })
            .ToListAsync();
        var tariffs = await db.TariffRates.AsNoTracking().ToListAsync();
        var rates = await db.ReductionRates.AsNoTracking().ToListAsync();
        var rnd = new Random(2017);
        var approved = new HashSet<(long, DateOnly)>();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            using (var w = Infrastructure.Data.BulkWriter.For(db, "LeakReductions", "OfficeId", "CustomerId", "ComplaintId", "Source", "LeakDate", "LeakRecordedBy",
                       "Status", "LeakPeriodStart", "LeakPeriodEnd", "Basis", "NormalEnd1", "NormalEnd2", "LeakVolumeM3", "WaterWon", "SewerWon", "LevyWon",
                       "TotalWon", "WorkingJson", "ProposedRejection", "DecisionReason", "DecidedBy", "DecidedAtUtc", "CreatedAtUtc", "CreatedBy", "Version"))
            {
                foreach (var r in rows)
                {
                    var end = DateOnly.FromDateTime(r.ReceivedAtUtc.AddHours(9));
                    var normal = rnd.Next(10, 21);
                    Domain.Reductions.ReadingPeriod P(int monthsBack, long usage) => new(end.AddMonths(-monthsBack - 1), end.AddMonths(-monthsBack), usage);
                    var leak = P(0, normal * rnd.Next(2, 6));
                    IReadOnlyList<Domain.Reductions.ReadingPeriod> before = [P(2, normal), P(1, normal)];
                    var working = Domain.Reductions.LeakReductionCalculator.Compute(leak, Domain.Reductions.NormalBases.PreviousTwo, before,
                        tariffs.Where(t => t.UseType == r.UseType), rates.Where(x => x.UseType == r.UseType));
                    var status = r.Status switch
                    {
                        ComplaintStatuses.Resolved => Domain.Reductions.ReductionStatuses.Approved,
                        ComplaintStatuses.Cancelled => Domain.Reductions.ReductionStatuses.Rejected,
                        _ => Domain.Reductions.ReductionStatuses.Pending,
                    };
                    // One approval per account and leak period (the database refuses a second): a repeat is rejected.
                    if (status == Domain.Reductions.ReductionStatuses.Approved && !approved.Add((r.CustomerId, leak.End)))
                        status = Domain.Reductions.ReductionStatuses.Rejected;
                    var decided = status != Domain.Reductions.ReductionStatuses.Pending;
                    long Won(string charge) => working.Charges.Single(c => c.Charge == charge).ReductionWon;
                    w.Insert(officeId, r.CustomerId, r.Id, r.Channel is Channels.Proactive or Channels.Derived ? "visit" : "application", end, "demo",
                        status, leak.Start, leak.End, working.Basis, before[0].End, before[1].End, working.LeakVolumeM3,
                        Won(Domain.Reductions.Charges.Water), Won(Domain.Reductions.Charges.Sewer), Won(Domain.Reductions.Charges.Levy), working.TotalWon,
                        Infrastructure.Reductions.ReductionCalculation.Serialize(working), null,
                        status == Domain.Reductions.ReductionStatuses.Rejected ? "민원인 요청으로 취소" : null, decided ? "demo" : null,
                        decided ? r.ClosedAtUtc ?? r.ReceivedAtUtc : null, r.ReceivedAtUtc, "demo", Guid.NewGuid());
                }
            }
            await tx.CommitAsync();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        Console.WriteLine($"  {rows.Count:N0} leak fee reductions");
    }

    /// <summary>Citizen-panel rounds in May, July, September and November of every year: ten cases each, six items answered in the 2016 distribution, closed.</summary>
    private static async Task PanelRoundsAsync(ArisuDbContext db, int officeId)
    {
        var rnd = new Random(2016);
        var years = await db.Complaints.Where(c => c.OfficeId == officeId).Select(c => c.ReceivedAtUtc.Year).Distinct().ToListAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        var rounds = 0;
        foreach (var year in years.Order())
            foreach (var month in new[] { 5, 7, 9, 11 })
            {
                if (new DateOnly(year, month, 1).AddMonths(1) > today) continue;
                var from = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc);
                var cases = await db.Complaints.Where(c => c.OfficeId == officeId && c.ReceivedAtUtc >= from && c.ReceivedAtUtc < from.AddMonths(1) && c.CustomerId != null)
                    .OrderBy(c => c.Id).Select(c => c.Id).Take(10).ToListAsync();
                if (cases.Count == 0) continue;
                var round = new Domain.Evaluations.PanelRound(officeId, year, month, cases.Count);
                db.PanelRounds.Add(round);
                await db.SaveChangesAsync();
                round.Open();
                foreach (var id in cases)
                {
                    db.PanelCases.Add(new Domain.Evaluations.PanelCase(round.Id, id, null));
                    for (var item = 1; item <= 6; item++)
                    {
                        var roll = rnd.Next(1000);
                        var answer = roll < 710 ? Domain.Evaluations.PanelAnswers.VerySatisfied : roll < 977 ? Domain.Evaluations.PanelAnswers.Satisfied
                            : roll < 990 ? Domain.Evaluations.PanelAnswers.Neutral : Domain.Evaluations.PanelAnswers.Dissatisfied;
                        db.PanelAnswers.Add(new Domain.Evaluations.PanelAnswer(round.Id, id, item, answer, null));
                    }
                }
                round.Close(from.AddMonths(1));
                await db.SaveChangesAsync();
                rounds++;
            }
        Console.WriteLine($"  {rounds} citizen-panel rounds, closed");
    }
}
