using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AriSuTotalService.Infrastructure.Data;

/// <summary>Applies the provider's migrations (at start for the embedded default, or by the <c>migrate</c> command).</summary>
public sealed class DatabaseInitializer(ArisuDbContext db, DatabaseOptions options, ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0) logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, pending);
        await db.Database.MigrateAsync(ct);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets readers work while a writer commits; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    public const string StatisticsJobId = "database-statistics";

    /// <summary>
    /// SQLite plans queries from the statistics ANALYZE keeps (which index answers "this office's complaints linked to
    /// these" or "these customers' complaints"); without them it may walk a whole office index. Refreshed at start and
    /// nightly, sampled so it takes well under a second. SQL Server keeps its statistics itself.
    /// </summary>
    public async Task RefreshStatisticsAsync(CancellationToken ct = default)
    {
        if (options.Provider != DatabaseProvider.Sqlite) return;
        await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000;", ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", ct);
    }
}
