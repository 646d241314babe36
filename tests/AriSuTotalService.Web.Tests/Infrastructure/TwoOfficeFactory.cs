using AriSuTotalService.Domain.Integrations;
using AriSuTotalService.Domain.Notices;
using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Domain.Reports;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Evaluations;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Reductions;
using AriSuTotalService.Domain.Surges;
using AriSuTotalService.Domain.Visits;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Infrastructure.Identity;
using AriSuTotalService.Infrastructure.Notices;
using AriSuTotalService.Infrastructure.Privacy;
using AriSuTotalService.Infrastructure.Reports;
using AriSuTotalService.Infrastructure.Surges;
using AriSuTotalService.Infrastructure.Features.Visits;
using AriSuTotalService.Infrastructure.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AriSuTotalService.Web.Tests.Infrastructure;

/// <summary>The ids of the second office's records, for requests made by the first office.</summary>
public sealed record OfficeB(int Id, long CustomerId, string Account, long ComplaintId, string Reception, long VisitId, long PhotoId,
    long ScanRunId, long SurgeCaseId, long ReductionId, long DocumentId, long ExportId, int RoundId, int MemberId, long ReportId,
    string FieldStaffId, string AdminId, int KeyId, long LeaveId);

/// <summary>
/// The demo office and a second office in the same database, as the city runs them. Every record of the second office
/// carries <see cref="Marker"/> somewhere it would show (its short name is in every reception number; addresses, dongs,
/// descriptions, staff names, templates, notes), so an answer to the first office that holds the marker has leaked.
/// </summary>
public class TwoOfficeFactory : ArisuFactory
{
    public const string Marker = "QXBMARKQX";
    public const string KeyB = "office-b-integration-key";
    public const string PasswordB = "Office-B-Passw0rd-2026";

    private OfficeB? _b;
    private Exception? _seedFailure;
    private readonly Lock _lock = new();

    protected override bool BuildsDatabaseByScript => true;

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        // The crawl signs every role in many times on a frozen clock.
        ["Security:SignInAttemptsPerAccount"] = "100000",
        ["Security:SignInAttemptsPerAddress"] = "100000",
    };

    public OfficeB B
    {
        get
        {
            lock (_lock)
            {
                if (_seedFailure is not null) throw new InvalidOperationException("office B could not be seeded", _seedFailure);
                try
                {
                    return _b ??= SeedAsync().GetAwaiter().GetResult();
                }
                catch (Exception ex)
                {
                    _seedFailure = ex;
                    throw;
                }
            }
        }
    }

    private async Task<OfficeB> SeedAsync()
    {
        using var scope = Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<ArisuDbContext>();
        var identity = sp.GetRequiredService<IdentitySetup>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var today = SeoulTime.Today(Clock);

        var office = await identity.EnsureOfficeAsync("북부수도사업소", Marker, ["강북구", "도봉구"]);
        var b = office.Id;
        db.ActFor(b);
        var users = new Dictionary<string, string>();
        foreach (var (role, division) in new[]
                 {
                     (Roles.Administrator, Divisions.AdministrativeSupport), (Roles.IntakeClerk, Divisions.FieldComplaints),
                     (Roles.FieldStaff, Divisions.FieldComplaints), (Roles.BillingClerk, Divisions.Billing), (Roles.SectionChief, Divisions.FieldComplaints),
                 })
        {
            var u = await identity.CreateUserAsync($"{role.ToLowerInvariant()}@north.local", PasswordB, role, b, division, $"{Marker}{role}", "010-7777-0000");
            users[role] = u.Id;
        }
        var key = new ApiKey(b, $"{Marker} 연계 키", KeyB, ApiKeyScopes.All, Marker, now);
        db.ApiKeys.Add(key);
        db.Set<MessageTemplate>().Add(new MessageTemplate { OfficeId = b, Kind = "booked", Text = $"[{Marker}] {{date}} {{window}} 방문 {{reception}}" });
        await db.SaveChangesAsync();

        var holidays = await db.PublicHolidays.Select(h => h.Date).ToListAsync();
        await DemoSeeder.WriteAsync(db, b, Marker, new DemoDataGenerator(new DemoOptions { Customers = 300, ComplaintsPerYear = 200, Seed = 99, Years = 1 }, today),
            new DeadlineCalendar(holidays), now, default);
        await db.Customers.Where(c => c.OfficeId == b).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Address, c => c.Address + " " + Marker)
            .SetProperty(c => c.Dong, Marker + "동"));
        await db.Complaints.Where(c => c.OfficeId == b).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Location, Marker + " 현장")
            .SetProperty(c => c.Description, Marker + " 민원 내용"));

        // A complaint with a visit booked (a notice queued from the office's template), a photo and a leave.
        var desk = sp.GetRequiredService<ComplaintDesk>();
        var customerId = await db.Customers.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var received = (await desk.RegisterAsync(b, new IntakeRequest(customerId, ComplaintTypeCodes.SupplyInconvenience, Channels.Phone,
            Marker + " 물이 안 나옴", null, null, null, null, null, null, []))).First;
        var open = new { received.Id, received.Version, received.ReceptionNumber, CustomerId = customerId };
        db.ChangeTracker.Clear();
        var booking = sp.GetRequiredService<BookVisit.Handler>();
        var visit = (await booking.HandleAsync(new BookVisit.Command(open.Id, open.Version, users[Roles.FieldStaff], today.AddDays(1), "09-12", true, Marker), default)).Visit;
        db.ChangeTracker.Clear();
        var photo = new VisitPhoto(visit.Id, "office-b/photo.jpg", "image/jpeg", 3, new string('0', 64), now);
        db.VisitPhotos.Add(photo);
        var leave = new StaffLeave(b, users[Roles.FieldStaff], today.AddDays(20), today.AddDays(21), Marker, Marker, now);
        db.StaffLeaves.Add(leave);

        // Last month's scan and its cases.
        var october = new DateOnly(2026, 10, 1);
        var run = new ScanRun(b, october, "test", Marker, now);
        db.ScanRuns.Add(run);
        await db.SaveChangesAsync();
        await SurgeScan.RunAsync(db, b, october, await SurgeSettings.GetAsync(db, b), now);
        var surge = await db.SurgeCases.OrderBy(c => c.Id).FirstOrDefaultAsync()
            ?? throw new InvalidOperationException("office B's data gave no surge case");

        // A reduction with its receipt, in an export batch.
        var account = await db.Customers.Where(c => c.Id == open.CustomerId).Select(c => c.AccountNumber).SingleAsync();
        var applied = await desk.RegisterAsync(b, new IntakeRequest(open.CustomerId, ComplaintTypeCodes.LeakFeeReduction, Channels.Phone,
            Marker + " 감면 신청", null, null, null, null, null, null, []));
        var reduction = new LeakReduction(b, open.CustomerId, applied.First.Id, ReductionSources.Application, today.AddDays(-3), Marker, null, null, null);
        db.LeakReductions.Add(reduction);
        var export = new ReductionExport(b, now, Marker);
        db.ReductionExports.Add(export);
        await db.SaveChangesAsync();
        var document = new ReductionDocument(reduction.Id, $"{Marker}.pdf", "office-b/receipt.pdf", "application/pdf", 3, new string('0', 64), now, Marker);
        db.ReductionDocuments.Add(document);

        // A panel round with a member and a marked case, a best practice, a frozen report, the access logs.
        var round = new PanelRound(b, 2026, 10, 5);
        var member = new PanelMember(b, Marker + "위원", "010-6666-0000");
        db.PanelRounds.Add(round);
        db.PanelMembers.Add(member);
        db.BestPractices.Add(new BestPractice(b, open.Id, Marker + " 모범 사례", Marker, now));
        db.PersonalDataAccesses.Add(new PersonalDataAccess(b, now, users[Roles.IntakeClerk], Marker, "10.0.0.9", "complaint", Marker, PersonalDataActions.View, Marker));
        db.PermissionChanges.Add(new PermissionChange(b, now, Marker, null, users[Roles.FieldStaff], Marker, "created", null, Marker));
        db.AccessLogReviews.Add(new AccessLogReview(b, "2026-10", now, Marker, Marker + " 점검"));
        await db.SaveChangesAsync();
        db.PanelCases.Add(new PanelCase(round.Id, open.Id, member.Id));
        await db.SaveChangesAsync();
        var report = await sp.GetRequiredService<MonthlyReportJob>().CreateAsync(b, ReportSnapshot.Monthly, october, Marker, default);

        return new OfficeB(b, open.CustomerId, account, open.Id, open.ReceptionNumber, visit.Id, photo.Id, run.Id, surge.Id, reduction.Id, document.Id,
            export.Id, round.Id, member.Id, report.Id, users[Roles.FieldStaff], users[Roles.Administrator], key.Id, leave.Id);
    }

    /// <summary>
    /// Everything of office B as one string: its rows in every office-owned table (each row's stamp where it has one),
    /// the child rows reached through them, and its users — so a request of office A that changed anything of B shows.
    /// </summary>
    public string FingerprintOfB() => With(db =>
    {
        var b = B.Id;
        var all = ArisuDbContext.AllOffices;
        var parts = new List<string>
        {
            "complaints=" + string.Join(',', db.Complaints.IgnoreQueryFilters(all).Where(c => c.OfficeId == b).OrderBy(c => c.Id).Select(c => c.Id + ":" + c.Version)),
            "customers=" + string.Join(',', db.Customers.IgnoreQueryFilters(all).Where(c => c.OfficeId == b).OrderBy(c => c.Id).Select(c => c.Id + ":" + c.UpdatedAtUtc)),
            "visits=" + string.Join(',', db.Visits.IgnoreQueryFilters(all).Where(v => v.OfficeId == b).OrderBy(v => v.Id).Select(v => v.Id + ":" + v.Version)),
            "surges=" + string.Join(',', db.SurgeCases.IgnoreQueryFilters(all).Where(c => c.OfficeId == b).OrderBy(c => c.Id).Select(c => c.Id + ":" + c.Version)),
            "reductions=" + string.Join(',', db.LeakReductions.IgnoreQueryFilters(all).Where(r => r.OfficeId == b).OrderBy(r => r.Id).Select(r => r.Id + ":" + r.Version)),
            "runs=" + string.Join(',', db.ScanRuns.IgnoreQueryFilters(all).Where(r => r.OfficeId == b).OrderBy(r => r.Id).Select(r => r.Id + ":" + r.State)),
            "rounds=" + string.Join(',', db.PanelRounds.IgnoreQueryFilters(all).Where(r => r.OfficeId == b).OrderBy(r => r.Id).Select(r => r.Id + ":" + r.Status)),
            "members=" + db.PanelMembers.IgnoreQueryFilters(all).Count(m => m.OfficeId == b),
            "cases=" + db.PanelCases.Count(c => db.PanelRounds.IgnoreQueryFilters(all).Any(r => r.Id == c.RoundId && r.OfficeId == b)),
            "answers=" + db.PanelAnswers.Count(a => db.PanelRounds.IgnoreQueryFilters(all).Any(r => r.Id == a.RoundId && r.OfficeId == b)),
            "events=" + db.ComplaintEvents.Count(e => db.Complaints.IgnoreQueryFilters(all).Any(c => c.Id == e.ComplaintId && c.OfficeId == b)),
            "outcomes=" + db.VisitOutcomes.Count(o => db.Visits.IgnoreQueryFilters(all).Any(v => v.Id == o.VisitId && v.OfficeId == b)),
            "photos=" + db.VisitPhotos.Count(p => db.Visits.IgnoreQueryFilters(all).Any(v => v.Id == p.VisitId && v.OfficeId == b)),
            "documents=" + db.ReductionDocuments.Count(d => db.LeakReductions.IgnoreQueryFilters(all).Any(r => r.Id == d.ReductionId && r.OfficeId == b)),
            "leaves=" + db.StaffLeaves.IgnoreQueryFilters(all).Count(l => l.OfficeId == b),
            "outbox=" + db.OutboxMessages.IgnoreQueryFilters(all).Count(m => m.OfficeId == b),
            "exports=" + db.ReductionExports.IgnoreQueryFilters(all).Count(e => e.OfficeId == b),
            "reports=" + db.ReportSnapshots.IgnoreQueryFilters(all).Count(r => r.OfficeId == b),
            "practices=" + db.BestPractices.IgnoreQueryFilters(all).Count(p => p.OfficeId == b),
            "templates=" + string.Join(',', db.Set<MessageTemplate>().IgnoreQueryFilters(all).Where(t => t.OfficeId == b).OrderBy(t => t.Kind).Select(t => t.Kind + ":" + t.Text)),
            "keys=" + string.Join(',', db.ApiKeys.IgnoreQueryFilters(all).Where(k => k.OfficeId == b).OrderBy(k => k.Id).Select(k => k.Id + ":" + k.RevokedAtUtc)),
            "users=" + string.Join(',', db.Users.Where(u => u.OfficeId == b).OrderBy(u => u.Id).Select(u => u.Id + ":" + u.ConcurrencyStamp + ":" + u.LockoutEnd)),
        };
        return string.Join(';', parts);
    });
}
