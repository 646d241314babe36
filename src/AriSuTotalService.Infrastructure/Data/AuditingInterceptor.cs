using AriSuTotalService.Domain.Common;
using AriSuTotalService.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AriSuTotalService.Infrastructure.Data;

/// <summary>
/// Fills the audit columns and renews the concurrency token of every versioned case on save. One instance for the
/// application (so the context options are built once, not per request); the user is the saving context's.
/// </summary>
public sealed class AuditingInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null) return;
        var user = (context as ArisuDbContext)?.CurrentUser?.Name ?? "system";
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is IAppendOnly && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException($"{entry.Entity.GetType().Name} rows are append-only: they are never changed or deleted.");
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            if (entry.Entity is IAuditable audited)
            {
                if (entry.State == EntityState.Added)
                {
                    audited.CreatedAtUtc = now;
                    audited.CreatedBy ??= user;
                }
                else
                {
                    audited.UpdatedAtUtc = now;
                    audited.UpdatedBy = user;
                }
            }
            if (entry.Entity is IVersioned versioned) versioned.Version = Guid.NewGuid();
        }
    }
}
