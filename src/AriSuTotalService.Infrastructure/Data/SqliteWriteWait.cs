using System.Data.Common;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AriSuTotalService.Infrastructure.Data;

/// <summary>
/// SQLite has one writer at a time. Without a busy handler on the connection, a transaction that finds the database
/// being written returns "busy" at once and Microsoft.Data.Sqlite retries it after sleeping 150 ms — a save behind
/// another save waited 150, 300, 450 ms. SQLite's own busy timeout backs off to 25–100 ms sleeps, so a writer could
/// still sleep long after the lock was freed. This handler tries again every millisecond, so a waiting writer is let in
/// within about a millisecond of the lock being freed. Set on every connection the contexts open (the native handle
/// keeps it while pooled); after the command timeout the command fails with "busy" as before.
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
        if (connection is not SqliteConnection { Handle: { } handle }) return;
        if (_handlerAvailable)
        {
            try
            {
                sqlite3_busy_handler(handle.DangerousGetHandle(), Busy, IntPtr.Zero);
                return;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                // Another SQLite build: its own busy timeout (backing off to longer sleeps) instead.
                _handlerAvailable = false;
            }
        }
        SQLitePCL.raw.sqlite3_busy_timeout(handle, TimeoutMilliseconds);
    }

    private static volatile bool _handlerAvailable = true;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int BusyCallback(IntPtr argument, int count);

    /// <summary>Kept in a static field: native code calls it.</summary>
    private static readonly BusyCallback Busy = WaitOnce;

    private static int WaitOnce(IntPtr argument, int count)
    {
        // Thread.Sleep(1) sleeps a little over a millisecond; count is how many times this wait has been retried.
        if (count >= TimeoutMilliseconds) return 0;
        Thread.Sleep(1);
        return 1;
    }

    /// <summary>The SQLite library Microsoft.Data.Sqlite loads (SQLitePCLRaw's e_sqlite3 bundle).</summary>
    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_busy_handler(IntPtr db, BusyCallback callback, IntPtr argument);
}
