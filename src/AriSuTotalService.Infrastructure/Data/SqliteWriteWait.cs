using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AriSuTotalService.Infrastructure.Data;

/// <summary>
/// SQLite has one writer at a time. Without a busy handler on the connection, a transaction that finds the database
/// being written returns "busy" at once and Microsoft.Data.Sqlite retries it after sleeping 150 ms — a save behind
/// another save waited 150, 300, 450 ms. With SQLite's own busy timeout the waiting writer is let in within a
/// millisecond or two of the lock being freed. Set on every connection the contexts open (the native handle keeps it
/// while pooled); the timeout equals the command timeout, after which the command fails as before.
/// </summary>
public sealed class SqliteWriteWait : DbConnectionInterceptor
{
    public static readonly SqliteWriteWait Instance = new();

    /// <summary>30 s, Microsoft.Data.Sqlite's default command timeout.</summary>
    public const int TimeoutMilliseconds = 30_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
            SQLitePCL.raw.sqlite3_busy_timeout(handle, TimeoutMilliseconds);
    }
}
