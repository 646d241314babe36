using AriSuTotalService.Domain.Integrations;
using AriSuTotalService.Domain.Privacy;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Customers;
using AriSuTotalService.Domain.Meters;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Infrastructure.Identity;
using AriSuTotalService.Infrastructure.Privacy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Data;

/// <summary>The one context: application data, Identity and the Data Protection key ring.</summary>
public class ArisuDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    /// <summary>The name of the query filter every office-owned entity carries; work that spans offices ignores it by this name.</summary>
    public const string OfficeFilter = "office";

    /// <summary>The filter name as <c>IgnoreQueryFilters</c> takes it: <c>db.X.IgnoreQueryFilters(ArisuDbContext.AllOffices)</c>.</summary>
    public static readonly string[] AllOffices = [OfficeFilter];

    private ICurrentUser? _user;
    private int? _actingOffice;

    /// <summary>
    /// The one constructor (the pool's): a context made here acts for nobody until <see cref="ActFor"/>; the container's
    /// contexts act for the scope's user (<see cref="LeasedTo"/>).
    /// </summary>
    public ArisuDbContext(DbContextOptions<ArisuDbContext> options) : base(options)
    {
    }

    /// <summary>
    /// A context taken from the pool for one scope (a request, a job): it acts for that scope's user and for no office a
    /// previous holder took with <see cref="ActFor"/>. Every context the container hands out goes through here.
    /// </summary>
    internal ArisuDbContext LeasedTo(ICurrentUser user)
    {
        _user = user;
        _actingOffice = null;
        return this;
    }

    /// <summary>
    /// The office this context acts for: the authenticated principal's (user or API key) office, read at every query
    /// — never cached from whichever query ran first — or the office a job took with <see cref="ActFor"/>. Null when
    /// nobody with an office is acting (start-up, jobs, operations commands).
    /// </summary>
    public int? OfficeScope => _user?.OfficeId ?? _actingOffice;

    /// <summary>The acting office; a query of an office-owned entity with no office acting fails here rather than reading every office.</summary>
    public int Office => OfficeScope ?? throw new OfficeScopeMissingException();

    /// <summary>
    /// Makes a context without a signed-in user (a job, start-up, a command) act for one office, so its queries are
    /// filtered like a user's. A context acting for a user cannot be turned to another office.
    /// </summary>
    public ArisuDbContext ActFor(int officeId)
    {
        if (_user?.OfficeId is { } own && own != officeId)
            throw new InvalidOperationException($"a context acting for office {own} cannot act for office {officeId}");
        _actingOffice = officeId;
        return this;
    }

    /// <summary>Who is saving (audit columns); null for contexts made outside the container.</summary>
    internal ICurrentUser? CurrentUser => _user;

    /// <summary>Texts longer than their columns are refused before the database (<see cref="TextLengthGuard"/>).</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        TextLengthGuard.Check(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        TextLengthGuard.Check(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
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
    public DbSet<Domain.Imports.ImportRun> ImportRuns => Set<Domain.Imports.ImportRun>();
    public DbSet<Domain.Offices.AppSetting> AppSettings => Set<Domain.Offices.AppSetting>();
    public DbSet<Domain.Evaluations.PanelRound> PanelRounds => Set<Domain.Evaluations.PanelRound>();
    public DbSet<Domain.Evaluations.PanelMember> PanelMembers => Set<Domain.Evaluations.PanelMember>();
    public DbSet<Domain.Evaluations.PanelCase> PanelCases => Set<Domain.Evaluations.PanelCase>();
    public DbSet<Domain.Evaluations.PanelAnswer> PanelAnswers => Set<Domain.Evaluations.PanelAnswer>();
    public DbSet<Domain.Evaluations.PanelTarget> PanelTargets => Set<Domain.Evaluations.PanelTarget>();
    public DbSet<Domain.Reports.PerformanceTarget> PerformanceTargets => Set<Domain.Reports.PerformanceTarget>();
    public DbSet<Domain.Reports.ReportSnapshot> ReportSnapshots => Set<Domain.Reports.ReportSnapshot>();
    public DbSet<Domain.Reports.BestPractice> BestPractices => Set<Domain.Reports.BestPractice>();
    public DbSet<Domain.Visits.Visit> Visits => Set<Domain.Visits.Visit>();
    public DbSet<Domain.Notices.MessageTemplate> MessageTemplates => Set<Domain.Notices.MessageTemplate>();
    public DbSet<Domain.Visits.StaffLeave> StaffLeaves => Set<Domain.Visits.StaffLeave>();
    public DbSet<Domain.Visits.VisitOutcome> VisitOutcomes => Set<Domain.Visits.VisitOutcome>();
    public DbSet<Domain.Visits.VisitPhoto> VisitPhotos => Set<Domain.Visits.VisitPhoto>();
    public DbSet<Domain.Reductions.LeakReduction> LeakReductions => Set<Domain.Reductions.LeakReduction>();
    public DbSet<Domain.Reductions.ReductionExport> ReductionExports => Set<Domain.Reductions.ReductionExport>();
    public DbSet<Domain.Reductions.ReductionDocument> ReductionDocuments => Set<Domain.Reductions.ReductionDocument>();
    public DbSet<Domain.Reductions.TariffRate> TariffRates => Set<Domain.Reductions.TariffRate>();
    public DbSet<Domain.Reductions.ReductionRate> ReductionRates => Set<Domain.Reductions.ReductionRate>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SignInAttempt> SignInAttempts => Set<SignInAttempt>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ArisuDbContext).Assembly);

        // Object-level access, once for the whole system: every office-owned entity carries the named "office" filter,
        // always, in the one model. Its parameter is read from the context at every query (the acting principal's office),
        // so it is a plain "OfficeId = @office" the office indexes serve; a query with nobody acting fails
        // (OfficeScopeMissingException) instead of answering for every office. Work that spans offices says so by name:
        // IgnoreQueryFilters(ArisuDbContext.AllOffices).
        var context = System.Linq.Expressions.Expression.Constant(this);
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(Domain.Offices.IOfficeOwned).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            var e = System.Linq.Expressions.Expression.Parameter(type.ClrType, "e");
            var body = System.Linq.Expressions.Expression.Equal(
                System.Linq.Expressions.Expression.Property(e, nameof(Domain.Offices.IOfficeOwned.OfficeId)),
                System.Linq.Expressions.Expression.Property(context, nameof(Office)));
            builder.Entity(type.ClrType).HasQueryFilter(OfficeFilter, System.Linq.Expressions.Expression.Lambda(body, e));
        }
    }
}
