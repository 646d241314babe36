using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Customers;
using AriSuTotalService.Domain.Meters;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Infrastructure.ApiKeys;
using AriSuTotalService.Infrastructure.Identity;
using AriSuTotalService.Infrastructure.Privacy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Data;

/// <summary>The one context: application data, Identity and the Data Protection key ring.</summary>
public class ArisuDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    private readonly ICurrentUser? _user;

    public ArisuDbContext(DbContextOptions<ArisuDbContext> options) : base(options)
    {
    }

    public ArisuDbContext(DbContextOptions<ArisuDbContext> options, ICurrentUser user) : base(options)
    {
        _user = user;
    }

    /// <summary>
    /// The office every query of this context is limited to: the signed-in user's (or API key's) office; null for
    /// jobs, start-up and operations commands. A user never reaches another office's records by changing an id.
    /// </summary>
    public int? OfficeScope => _user?.OfficeId;

    /// <summary>Who is saving (audit columns); null for contexts made outside the container.</summary>
    internal ICurrentUser? CurrentUser => _user;

    /// <summary>Two models are cached: with the office filter (a scoped context) and without it (jobs, start-up, design time).</summary>
    public sealed class OfficeScopeModelCacheKey : Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) =>
            (context.GetType(), context is ArisuDbContext { OfficeScope: not null } && !designTime, designTime);
    }

    public DbSet<Office> Offices => Set<Office>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<MeterReading> MeterReadings => Set<MeterReading>();
    public DbSet<ComplaintType> ComplaintTypes => Set<ComplaintType>();
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<ComplaintEvent> ComplaintEvents => Set<ComplaintEvent>();
    public DbSet<OfficeSequence> OfficeSequences => Set<OfficeSequence>();
    public DbSet<PublicHoliday> PublicHolidays => Set<PublicHoliday>();
    public DbSet<Domain.Notices.OutboxMessage> OutboxMessages => Set<Domain.Notices.OutboxMessage>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<PersonalDataAccess> PersonalDataAccesses => Set<PersonalDataAccess>();
    public DbSet<PermissionChange> PermissionChanges => Set<PermissionChange>();
    public DbSet<AccessLogReview> AccessLogReviews => Set<AccessLogReview>();
    public DbSet<Domain.Surges.SurgeCase> SurgeCases => Set<Domain.Surges.SurgeCase>();
    public DbSet<Domain.Surges.ScanRun> ScanRuns => Set<Domain.Surges.ScanRun>();
    public DbSet<Configurations.AppSetting> AppSettings => Set<Configurations.AppSetting>();
    public DbSet<Domain.Evaluations.PanelRound> PanelRounds => Set<Domain.Evaluations.PanelRound>();
    public DbSet<Domain.Evaluations.PanelMember> PanelMembers => Set<Domain.Evaluations.PanelMember>();
    public DbSet<Domain.Evaluations.PanelCase> PanelCases => Set<Domain.Evaluations.PanelCase>();
    public DbSet<Domain.Evaluations.PanelAnswer> PanelAnswers => Set<Domain.Evaluations.PanelAnswer>();
    public DbSet<Domain.Evaluations.PanelTarget> PanelTargets => Set<Domain.Evaluations.PanelTarget>();
    public DbSet<Reports.ReportSnapshot> ReportSnapshots => Set<Reports.ReportSnapshot>();
    public DbSet<Reports.BestPractice> BestPractices => Set<Reports.BestPractice>();
    public DbSet<Domain.Visits.Visit> Visits => Set<Domain.Visits.Visit>();
    public DbSet<Notices.MessageTemplate> MessageTemplates => Set<Notices.MessageTemplate>();
    public DbSet<Domain.Visits.StaffLeave> StaffLeaves => Set<Domain.Visits.StaffLeave>();
    public DbSet<Domain.Visits.VisitOutcome> VisitOutcomes => Set<Domain.Visits.VisitOutcome>();
    public DbSet<Domain.Visits.VisitPhoto> VisitPhotos => Set<Domain.Visits.VisitPhoto>();
    public DbSet<Domain.Reductions.LeakReduction> LeakReductions => Set<Domain.Reductions.LeakReduction>();
    public DbSet<Domain.Reductions.ReductionExport> ReductionExports => Set<Domain.Reductions.ReductionExport>();
    public DbSet<Domain.Reductions.ReductionDocument> ReductionDocuments => Set<Domain.Reductions.ReductionDocument>();
    public DbSet<Domain.Reductions.TariffRate> TariffRates => Set<Domain.Reductions.TariffRate>();
    public DbSet<Domain.Reductions.ReductionRate> ReductionRates => Set<Domain.Reductions.ReductionRate>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ArisuDbContext).Assembly);

        // Object-level access, once for the whole system: a context acting for a user or key of an office sees only that
        // office's records. The filter is built only into the model of office-scoped contexts (see OfficeScopeModelCacheKey),
        // so it is a plain "OfficeId = @office" the database can use its office indexes for; contexts of jobs and start-up
        // work (no office) have no filter at all.
        if (OfficeScope is null) return;
        builder.Entity<Customer>().HasQueryFilter(c => c.OfficeId == OfficeScope);
        builder.Entity<Complaint>().HasQueryFilter(c => c.OfficeId == OfficeScope);
        builder.Entity<PersonalDataAccess>().HasQueryFilter(a => a.OfficeId == OfficeScope);
        builder.Entity<Domain.Notices.OutboxMessage>().HasQueryFilter(m => m.OfficeId == OfficeScope);
        builder.Entity<Domain.Surges.SurgeCase>().HasQueryFilter(c => c.OfficeId == OfficeScope);
        builder.Entity<Domain.Surges.ScanRun>().HasQueryFilter(r => r.OfficeId == OfficeScope);
        builder.Entity<Domain.Evaluations.PanelRound>().HasQueryFilter(r => r.OfficeId == OfficeScope);
        builder.Entity<Domain.Evaluations.PanelMember>().HasQueryFilter(m => m.OfficeId == OfficeScope);
        builder.Entity<Domain.Visits.StaffLeave>().HasQueryFilter(l => l.OfficeId == OfficeScope);
        builder.Entity<Domain.Visits.Visit>().HasQueryFilter(v => v.OfficeId == OfficeScope);
        builder.Entity<Reports.BestPractice>().HasQueryFilter(p => p.OfficeId == OfficeScope);
        builder.Entity<Reports.ReportSnapshot>().HasQueryFilter(r => r.OfficeId == OfficeScope);
        builder.Entity<Domain.Reductions.LeakReduction>().HasQueryFilter(r => r.OfficeId == OfficeScope);
        builder.Entity<Domain.Reductions.ReductionExport>().HasQueryFilter(e => e.OfficeId == OfficeScope);
        builder.Entity<AccessLogReview>().HasQueryFilter(a => a.OfficeId == OfficeScope);
    }
}
