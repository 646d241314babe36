using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Data;

/// <summary>
/// One change saved whole: the unit runs in one transaction through the context's execution strategy, as a retrying
/// strategy requires. On SQL Server a deadlock victim (error 1205) or a dropped connection runs the whole unit again —
/// its reads too, from an empty change tracker — so a retry never applies a change twice or over stale data; any
/// other error (a refused rule, a concurrent edit) rolls everything back and reaches the caller. Inside a unit already
/// running, the inner one joins it. On SQLite the units of one process write one after another (<see cref="SqliteWriteGate"/>).
/// </summary>
public static class UnitOfWork
{
    public static async Task<T> InTransactionAsync<T>(this ArisuDbContext db, Func<Task<T>> unit, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return await unit();
        // On SQLite, this process's writers take turns without holding a thread (SqliteWriteGate).
        using var turn = await SqliteWriteGate.EnterAsync(db, ct);
        var attempt = 0;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            if (attempt++ > 0) db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var result = await unit();
            await tx.CommitAsync(ct);
            return result;
        });
    }

    public static Task InTransactionAsync(this ArisuDbContext db, Func<Task> unit, CancellationToken ct) =>
        db.InTransactionAsync(async () =>
        {
            await unit();
            return true;
        }, ct);
}
