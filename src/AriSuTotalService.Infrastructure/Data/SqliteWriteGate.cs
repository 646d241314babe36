using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Data;

/// <summary>
/// SQLite lets one transaction write at a time. The units of work of this process take turns here, waiting without a
/// thread, before they begin theirs: the busy handler (<see cref="SqliteWriteWait"/>) sleeps on the request's thread,
/// and sixteen clerks saving at once used to hold fifteen pool threads asleep while the booking forms waited for a
/// thread. A writer of another process (or an import's own transaction) is still waited for by the busy handler. A turn
/// not given within the command timeout is not waited for longer: the transaction then begins as it did before, and
/// fails "busy" if the database stays locked.
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The turn to write to this context's SQLite database (released by disposing it); null on SQL Server.</summary>
    public static async Task<IDisposable?> EnterAsync(ArisuDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return null;
        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(SqliteWriteWait.TimeoutMilliseconds, ct) ? new Turn(gate) : null;
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
