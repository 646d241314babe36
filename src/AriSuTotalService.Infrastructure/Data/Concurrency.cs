using AriSuTotalService.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Data;

/// <summary>
/// Optimistic concurrency for every editable case: the form carries the <see cref="IVersioned.Version"/> it was
/// loaded with; saving compares it with the stored one, so when someone else saved in between the save is refused
/// (<see cref="DbUpdateConcurrencyException"/>) instead of overwriting their work.
/// </summary>
public static class Concurrency
{
    /// <summary>Saves only if the case still has the version the user loaded.</summary>
    public static void ExpectVersion<T>(this DbContext db, T entity, Guid loadedVersion) where T : class, IVersioned =>
        db.Entry(entity).Property(e => e.Version).OriginalValue = loadedVersion;
}
