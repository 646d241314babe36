using AriSuTotalService.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AriSuTotalService.Infrastructure.Data;

/// <summary>A text longer than its column: refused before the database, naming the field.</summary>
public sealed class TextTooLongException(string entity, string field, int maxLength, int length)
    : DomainException("'{0}' 항목은 {1}자까지 저장할 수 있습니다 (입력 {2}자).", field, maxLength, length)
{
    public string Entity { get; } = entity;
    public string Field { get; } = field;
    public int MaxLength { get; } = maxLength;
    public int Length { get; } = length;
}

/// <summary>
/// Every save checks every text being written against its column's configured length, on both providers. SQL Server
/// refuses the whole save of a text too long ("String or binary data would be truncated"); SQLite would store it. So
/// the embedded store fails exactly where SQL Server would, and either way the user gets a message that names the
/// field instead of an error page. Input paths check their own lengths first; this is the last line.
/// </summary>
public static class TextLengthGuard
{
    public static void Check(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.ClrType != typeof(string)) continue;
                if (entry.State == EntityState.Modified && !property.IsModified) continue;
                if (property.CurrentValue is not string text) continue;
                if (property.Metadata.GetMaxLength() is { } max && text.Length > max)
                    throw new TextTooLongException(entry.Metadata.ClrType.Name, property.Metadata.Name, max, text.Length);
            }
        }
    }
}
