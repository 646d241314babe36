using AriSuTotalService.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AriSuTotalService.Web.Tests.Infrastructure;

/// <summary>
/// The real application on a real database of its own: a fresh SQLite file per factory, or — when
/// <c>ARISU_TEST_SQLSERVER</c> holds a connection string — a fresh database on that SQL Server, dropped afterwards.
/// Development environment, so the demo accounts and a small demo data set are there. The clock is fixed.
/// </summary>
public class ArisuFactory : WebApplicationFactory<Program>
{
    public static readonly string? SqlServer = Environment.GetEnvironmentVariable("ARISU_TEST_SQLSERVER") is { Length: > 0 } s ? s : null;

    /// <summary>Wednesday 2026-11-25 10:00 in Seoul.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);

    private readonly string _folder;
    private readonly string? _sqlServerDatabase;
    private readonly bool _keepData;

    public ArisuFactory() : this(Guid.NewGuid().ToString("N"), keepData: false)
    {
    }

    /// <summary>
    /// An app on the data of <paramref name="name"/>: a second factory with the same name is the same app restarted
    /// (same SQLite file or SQL Server database); <paramref name="keepData"/> leaves the data for it.
    /// </summary>
    protected ArisuFactory(string name, bool keepData)
    {
        _folder = Path.Combine(Path.GetTempPath(), "arisu-tests", name);
        _keepData = keepData;
        Directory.CreateDirectory(_folder);
        if (SqlServer is not null) _sqlServerDatabase = "arisu_test_" + name[..12];
    }

    public FakeTimeProvider Clock { get; } = new(Now);

    public string DataFolder => _folder;

    public string LogFolder => Path.Combine(_folder, "logs");

    protected virtual IDictionary<string, string?> Settings() => new Dictionary<string, string?>();

    /// <summary>
    /// On the SQL Server tier: the database is built as a DBA builds it — the idempotent script run batch by batch, as
    /// <c>sqlcmd -b -I</c> runs it — instead of by <c>migrate</c> (the two-office classes; every other class migrates).
    /// </summary>
    protected virtual bool BuildsDatabaseByScript => false;

    /// <summary>Replacements of outside systems (a failing SMS gateway…) for one test class.</summary>
    protected virtual void OverrideServices(IServiceCollection services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        var settings = new Dictionary<string, string?>
        {
            ["DataFolder"] = _folder,
            ["Jobs:Server"] = "false",
            ["Demo:Customers"] = "80",
            ["Demo:ComplaintsPerYear"] = "300",
            ["Demo:Seed"] = "7",
            // Tests book their own visits; DemoVisitsTests covers the demo's.
            ["Demo:Visits"] = "false",
        };
        if (SqlServer is not null)
        {
            var cs = new SqlConnectionStringBuilder(SqlServer) { InitialCatalog = _sqlServerDatabase };
            settings["Database:Provider"] = "SqlServer";
            settings["ConnectionStrings:Arisu"] = cs.ConnectionString;
            SqlServerTier.CreateDatabase(SqlServer, _sqlServerDatabase!, byScript: BuildsDatabaseByScript);
            settings["Database:MigrateOnStart"] = BuildsDatabaseByScript ? "false" : "true";
        }
        foreach (var (k, v) in Settings()) settings[k] = v;
        foreach (var (k, v) in settings) builder.UseSetting(k, v);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            OverrideServices(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        RunLog.Append(LogFiles.ReadAll(this));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_keepData) return;
        if (SqlServer is not null && _sqlServerDatabase is not null)
        {
            SqlConnection.ClearAllPools();
            using var conn = new SqlConnection(SqlServer);
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"IF DB_ID('{_sqlServerDatabase}') IS NOT NULL BEGIN ALTER DATABASE [{_sqlServerDatabase}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_sqlServerDatabase}]; END";
            cmd.ExecuteNonQuery();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A log file still held open by a background writer; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>A fresh scope on the app's container (for arranging and checking data), acting for the demo office.</summary>
    public T With<T>(Func<ArisuDbContext, T> action)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArisuDbContext>();
        var demo = db.Offices.Where(o => o.ShortName == AriSuTotalService.Infrastructure.Demo.DemoData.OfficeShortName).Select(o => (int?)o.Id).SingleOrDefault();
        if (demo is { } office) db.ActFor(office);
        return action(db);
    }
}
