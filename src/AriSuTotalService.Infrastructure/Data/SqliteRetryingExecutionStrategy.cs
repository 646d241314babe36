using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace AriSuTotalService.Infrastructure.Data;

/// <summary>
/// The embedded store's execution strategy, a retrying one like SQL Server's: a unit that found the single writer
/// busy past the wait (<see cref="SqliteWriteWait"/>) runs again whole. Being a retrying strategy, it also holds the
/// code to SQL Server's rule — a transaction the code begins itself must run through the strategy
/// (<see cref="UnitOfWork"/>) — so a transaction that would fail on SQL Server fails in every SQLite test too.
/// </summary>
public sealed class SqliteRetryingExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(2))
{
    /// <summary>SQLITE_BUSY and SQLITE_LOCKED.</summary>
    protected override bool ShouldRetryOn(Exception exception) =>
        CallOnWrappedException(exception, e => e is SqliteException { SqliteErrorCode: 5 or 6 });
}
