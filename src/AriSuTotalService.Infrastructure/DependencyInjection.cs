using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Infrastructure.Health;
using AriSuTotalService.Infrastructure.Identity;
using AriSuTotalService.Infrastructure.Jobs;
using Hangfire;
using Hangfire.SqlServer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AriSuTotalService.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Database (either provider), Identity stores, Data Protection key ring, jobs, health checks, demo data.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration config,
        string contentRoot)
    {
        var db = DatabaseOptions.From(config, contentRoot);
        services.AddSingleton(db);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ICurrentUser, SystemUser>();
        services.AddSingleton<AuditingInterceptor>();
        // The options are built once for the application; contexts are pooled (a context's internal services are set up
        // once, not on every request) and each scope leases one that acts for the scope's user and nobody else.
        services.AddPooledDbContextFactory<ArisuDbContext>((sp, o) =>
        {
            Configure(o, db);
            o.AddInterceptors(sp.GetRequiredService<AuditingInterceptor>());
        });
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ArisuDbContext>>().CreateDbContext().LeasedTo(sp.GetRequiredService<ICurrentUser>()));
        services.AddScoped<DatabaseInitializer>();

        services.AddIdentity<ApplicationUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = true;
                o.Password.RequireDigit = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<ArisuDbContext>()
            .AddErrorDescriber<KoreanIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        // One key ring in the database: every web node decrypts every other node's cookies. With a certificate
        // (DataProtection__CertificatePath, __CertificatePassword) the keys are encrypted at rest with it.
        var protection = services.AddDataProtection()
            .SetApplicationName("AriSuTotalService")
            .PersistKeysToDbContext<ArisuDbContext>();
        if (DataProtectionCertificate.Load(config) is { } certificate) protection.ProtectKeysWithCertificate(certificate);

        var jobs = Settings.Read<JobOptions>(config, "Jobs");
        services.AddSingleton(jobs);
        services.AddSingleton(Settings.Read<RetentionOptions>(config, "Retention"));
        services.AddScoped<ComplaintRetentionJob>();
        services.AddScoped<Surges.SurgeScanJob>();
        services.AddSingleton<Surges.ScanProgressBoard>();
        services.AddScoped<Reports.MonthlyReportJob>();
        services.AddScoped<CatchUpJob>();
        services.AddScoped<Import.MeterReadingImport>();
        // One storage instance per application (not Hangfire's static default), shared by the server, the
        // dashboard and the recurring-job manager.
        services.AddSingleton<JobStorage>(_ => db.Provider == DatabaseProvider.SqlServer
            ? new SqlServerStorage(db.ConnectionString, new SqlServerStorageOptions
            {
                SchemaName = SqlServerSettings.JobStorageSchema,
                // The schema is the migrations' (the baseline installs it): the runtime login has no DDL right.
                PrepareSchemaIfNecessary = false,
                QueuePollInterval = TimeSpan.Zero,
                SlidingInvisibilityTimeout = TimeSpan.FromMinutes(5),
                DisableGlobalLocks = true,
            })
            : new Hangfire.InMemory.InMemoryStorage());
        services.AddHangfire((sp, h) => h
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseFilter(new JobTelemetry())
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        if (jobs.Server)
        {
            services.AddHangfireServer((sp, o) =>
            {
                // Jobs are created from this application's container, not from Hangfire's process-wide default.
                o.Activator = new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>());
                o.WorkerCount = jobs.WorkerCount;
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }

        services.AddHealthChecks()
            .AddDbContextCheck<ArisuDbContext>("database", tags: ["ready"])
            .AddCheck<JobStorageHealthCheck>("jobs", tags: ["ready"]);

        var storage = Settings.Read<Files.StorageOptions>(config, "Storage");
        if (string.IsNullOrWhiteSpace(storage.Root)) storage.Root = Path.Combine(db.DataFolder, "files");
        services.AddSingleton(storage);
        services.AddSingleton<Files.FileStore>();
        services.AddSingleton<Complaints.HolidayCalendar>();
        services.AddScoped<Complaints.ComplaintDesk>();
        services.AddSingleton<Visits.VisitWindows>();
        // Use cases (docs/decisions/0003-use-cases.md): each slice's validator and handler.
        services.AddScoped<Features.Complaints.RegisterComplaint.Validator>();
        services.AddScoped<Features.Complaints.RegisterComplaint.Handler>();
        services.AddScoped<Features.Complaints.ChangeComplaint.Validator>();
        services.AddScoped<Features.Complaints.ChangeComplaint.Handler>();
        services.AddScoped<Features.Complaints.AddCitizenComment.Handler>();
        services.AddScoped<Features.Surges.DecideSurgeCase.Validator>();
        services.AddScoped<Features.Surges.DecideSurgeCase.Handler>();
        services.AddScoped<Features.Visits.RecordVisitOutcome.Validator>();
        services.AddScoped<Features.Visits.RecordArrival.Handler>();
        services.AddScoped<Features.Visits.BookVisit.Validator>();
        services.AddScoped<Features.Visits.BookVisit.Handler>();
        services.AddScoped<Features.Visits.CancelVisit.Handler>();
        services.AddScoped<Features.Visits.ReassignVisits.Handler>();
        services.AddScoped<Features.Visits.RegisterLeave.Handler>();
        services.AddScoped<Features.Evaluations.PanelAnswering.Handler>();
        services.AddScoped<Features.Reductions.DecideReduction.Validator>();
        services.AddScoped<Features.Reductions.DecideReduction.Handler>();
        services.AddScoped<Features.Reductions.ApplyForReduction.Validator>();
        services.AddScoped<Features.Reductions.ApplyForReduction.Handler>();
        services.AddScoped<Features.Reductions.ExportReductions.Handler>();
        services.AddScoped<Features.Reports.FlagBestPractice.Handler>();
        services.AddScoped<Features.Privacy.ReviewAccessLog.Handler>();
        services.AddScoped<Features.Administration.Holidays.Handler>();
        services.AddScoped<Features.Administration.SaveMessageTexts.Handler>();
        services.AddScoped<Features.Administration.PerformanceTargets.Handler>();
        services.AddScoped<Features.Administration.ApiKeys.Handler>();
        services.AddScoped<Features.Administration.ReductionTables.Handler>();
        services.AddScoped<Features.Administration.SaveComplaintType.Handler>();
        services.AddScoped<Features.Administration.SaveSurgeThresholds.Handler>();
        services.AddSingleton(Settings.Read<Visits.VisitOptions>(config, "Visits"));
        services.AddScoped<Visits.VisitBooking>();
        services.AddScoped<Visits.VisitOutcomes>();
        services.AddScoped<Reductions.ReductionCalculation>();
        services.AddScoped<Reductions.LeakReductions>();
        // Sms__Sender: "history" (default: nothing leaves the office, the outbox is the record) or the
        // assembly-qualified name of the gateway's ISmsSender class.
        var sender = config["Sms:Sender"];
        if (string.IsNullOrWhiteSpace(sender) || sender == "history")
        {
            services.TryAddSingleton<Notices.ISmsSender, Notices.HistoryOnlySmsSender>();
        }
        else
        {
            var type = Type.GetType(sender, throwOnError: false);
            if (type is null || !typeof(Notices.ISmsSender).IsAssignableFrom(type))
                throw new InvalidOperationException($"Sms__Sender '{sender}' is not an ISmsSender type that can be loaded.");
            services.AddSingleton(typeof(Notices.ISmsSender), type);
        }
        services.AddScoped<Notices.OutboxJob>();
        services.AddScoped<Notices.MessageTemplates>();
        services.AddScoped<Notices.VisitReminderJob>();
        services.AddScoped<Import.CustomerImport>();
        services.AddScoped<Import.ComplaintHistoryImport>();
        services.AddScoped<Import.PanelAnswerImport>();
        services.AddScoped<Import.ICsvImport>(sp => sp.GetRequiredService<Import.CustomerImport>());
        services.AddScoped<Import.ICsvImport>(sp => sp.GetRequiredService<Import.ComplaintHistoryImport>());
        services.AddScoped<Import.ICsvImport>(sp => sp.GetRequiredService<Import.MeterReadingImport>());
        services.AddScoped<Import.ICsvImport>(sp => sp.GetRequiredService<Import.PanelAnswerImport>());
        services.AddScoped<Import.ComplaintCatalogueImport>();
        services.AddScoped<Import.ICsvImport>(sp => sp.GetRequiredService<Import.ComplaintCatalogueImport>());
        services.AddScoped<Import.JobActor>();
        services.AddSingleton<Import.ImportQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<Import.ImportQueue>());
        services.AddScoped<IdentitySetup>();
        // A partial first-start setup is refused at start, with what is missing.
        FirstStart.Read(config);
        services.AddScoped<FirstStart>();
        SignInThrottle.CheckSettings(config);
        services.AddScoped<SignInThrottle>();
        services.AddScoped<Privacy.PersonalDataLog>();
        services.AddScoped<DemoSeeder>();
        return services;
    }

    /// <summary>The provider choice, shared by the app and the design-time factories of the two migration sets.</summary>
    public static void Configure(DbContextOptionsBuilder o, DatabaseOptions db)
    {
        if (db.Provider == DatabaseProvider.SqlServer)
        {
            o.UseSqlServer(db.ConnectionString, x => x
                .MigrationsAssembly(DatabaseOptions.SqlServerMigrationsAssembly)
                // The SQL the queries are translated to needs this level at least (checked by a migration).
                .UseCompatibilityLevel(DatabaseOptions.SqlServerCompatibilityLevel)
                // Deadlock victims (1205) and transient errors run again; user transactions go through UnitOfWork.
                .EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(10), errorNumbersToAdd: [1205]));
        }
        else
        {
            o.UseSqlite(db.ConnectionString, x => x
                .MigrationsAssembly(DatabaseOptions.SqliteMigrationsAssembly)
                .ExecutionStrategy(d => new SqliteRetryingExecutionStrategy(d)));
            o.AddInterceptors(SqliteWriteWait.Instance);
        }
    }
}
