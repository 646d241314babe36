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

    public const string Read = """
        SELECT [compatibility_level] AS [Level], CAST([is_read_committed_snapshot_on] AS int) AS [Snapshot]
        FROM sys.databases WHERE [database_id] = DB_ID()
        """;

    private sealed record State(int Level, int Snapshot);

    /// <summary>At start: says plainly when the database lacks a setting (the <c>migrate</c> command sets both).</summary>
    public static async Task VerifyAsync(ArisuDbContext db, ILogger logger, CancellationToken ct = default)
    {
        var state = await db.Database.SqlQueryRaw<State>(Read).SingleAsync(ct);
        if (state.Level < DatabaseOptions.SqlServerCompatibilityLevel)
            logger.LogError("The database's compatibility level is {Level}; the application needs {Needed}. Run the migrate command.",
                state.Level, DatabaseOptions.SqlServerCompatibilityLevel);
        if (state.Snapshot == 0)
            logger.LogWarning("READ_COMMITTED_SNAPSHOT is off: lists will wait behind imports. Run the migrate command.");
    }
}
