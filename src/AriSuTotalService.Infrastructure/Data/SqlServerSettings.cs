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

    /// <summary>At start: says plainly when the database lacks a setting (the <c>migrate</c> command sets both).</summary>
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
        if (state.Level < DatabaseOptions.SqlServerCompatibilityLevel)
            logger.LogError("The database's compatibility level is {Level}; the application needs {Needed}. Run the migrate command.",
                state.Level, DatabaseOptions.SqlServerCompatibilityLevel);
        if (state.Snapshot == 0)
            logger.LogWarning("READ_COMMITTED_SNAPSHOT is off: lists will wait behind imports. Run the migrate command.");
    }
}
