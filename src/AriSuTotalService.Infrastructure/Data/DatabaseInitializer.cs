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
        await RefuseHistoryOfOtherMigrationsAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0) logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, pending);
        await db.Database.MigrateAsync(ct);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets readers work while a writer commits; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    /// <summary>
    /// A database made by migrations this build does not have — before the first release each provider's migrations
    /// were squashed into one baseline (docs/decisions/0004-one-baseline.md), so a development database made before then
    /// has a history none of them match. Applying the baseline to it would fail half-way on tables that exist: refused
    /// with the reason instead (a development database is made anew by deleting its file).
    /// </summary>
    private async Task RefuseHistoryOfOtherMigrationsAsync(CancellationToken ct)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var foreign = (await db.Database.GetAppliedMigrationsAsync(ct)).Where(m => !known.Contains(m)).ToList();
        if (foreign.Count == 0) return;
        var where = options.Provider == DatabaseProvider.Sqlite
            ? $"Delete {new SqliteConnectionStringBuilder(options.ConnectionString).DataSource} (and its -wal and -shm files) to have it made anew."
            : "Restore it from a backup made by this release, or create an empty database.";
        throw new InvalidOperationException(
            $"The database was made by migrations this build does not have ({string.Join(", ", foreign.Take(3))}…): the migrations were squashed into one baseline before the first release. {where}");
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
