using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AriSuTotalService.Infrastructure.Data;

/// <summary>
/// The database settings the application relies on in SQL Server, set by a migration and checked at start:
/// <list type="bullet">
/// <item>the compatibility level the queries are translated for (<see cref="DatabaseOptions.SqlServerCompatibilityLevel"/>,
/// SQL Server 2019; OPENJSON alone needs 130);</item>
/// <item>READ_COMMITTED_SNAPSHOT: readers see the last committed rows instead of waiting for a writer, so the complaint
/// list, intake search and visit lists never wait behind an import of millions of readings (SQLite's write-ahead log
/// gives the same).</item>
/// </list>
/// </summary>
public static class SqlServerSettings
{
    /// <summary>Raises a database below the level (never lowers one above it).</summary>
    public const string RaiseCompatibilityLevel = """
        IF (SELECT [compatibility_level] FROM sys.databases WHERE [database_id] = DB_ID()) < 150
            ALTER DATABASE CURRENT SET COMPATIBILITY_LEVEL = 150;
        """;

    /// <summary>Needs a moment alone with the database: other sessions' open transactions are rolled back.</summary>
    public const string ReadCommittedSnapshotOn = """
        IF (SELECT [is_read_committed_snapshot_on] FROM sys.databases WHERE [database_id] = DB_ID()) = 0
            ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;
        """;

    /// <summary>The job storage's schema (Hangfire.SqlServer's tables live there).</summary>
    public const string JobStorageSchema = "HangFire";

    /// <summary>
    /// Hangfire's install script for <see cref="JobStorageSchema"/>: it creates or upgrades the job storage's tables (one
    /// batch, its own transaction and schema lock, a no-op where the schema is current). Run by the baseline migration,
    /// so that <c>migrate</c> and the DBA's script both install it and no node needs DDL rights.
    /// </summary>
    public static string JobStorageSchemaScript() =>
        Hangfire.SqlServer.SqlServerObjectsInstaller.GetInstallScript(JobStorageSchema, enableHeavyMigrations: false);

    public const string Read = """
        SELECT [compatibility_level] AS [Level], CAST([is_read_committed_snapshot_on] AS int) AS [Snapshot]
        FROM sys.databases WHERE [database_id] = DB_ID()
        """;

    /// <summary>
    /// At start: refuses a database below the compatibility level, and says plainly when read-committed snapshot is off
    /// (the <c>migrate</c> command sets both).
    /// </summary>
    public static async Task VerifyAsync(ArisuDbContext db, ILogger logger, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        (int Level, int Snapshot) state;
        try
        {
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = Read;
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) return;
            state = (Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        // The queries are translated for the level (OPENJSON, STRING_AGG…): below it they fail at random pages, so the node
        // does not start.
        if (state.Level < DatabaseOptions.SqlServerCompatibilityLevel)
            throw new InvalidOperationException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"The database's compatibility level is {state.Level}; the application needs {DatabaseOptions.SqlServerCompatibilityLevel} (SQL Server 2019) or above. Run the migrate command, or ALTER DATABASE … SET COMPATIBILITY_LEVEL = {DatabaseOptions.SqlServerCompatibilityLevel}."));
        if (state.Snapshot == 0)
            logger.LogWarning("READ_COMMITTED_SNAPSHOT is off: lists will wait behind imports. Run the migrate command.");
    }
}
