using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Infrastructure.Configurations;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Complaints;

/// <summary>
/// Which division an office gives the leak fee reductions the system opens after a diagnosis found a leak (no
/// application by the citizen): 행정지원과 as the plan assigns them, unless the office's administrator chose another;
/// and, per type, an office's own division where it differs from the catalogue's (the catalogue is the city's).
/// </summary>
public static class DivisionSettings
{
    public const string ProactiveReductionKey = "division.proactive_reduction";
    public const string ProactiveReductionDefault = Divisions.AdministrativeSupport;

    public static async Task<string> ProactiveReductionAsync(ArisuDbContext db, int officeId, CancellationToken ct = default) =>
        await db.AppSettings.AsNoTracking().Where(s => s.OfficeId == officeId && s.Key == ProactiveReductionKey).Select(s => s.Value)
            .SingleOrDefaultAsync(ct) ?? ProactiveReductionDefault;

    public static async Task SaveProactiveReductionAsync(ArisuDbContext db, int officeId, string division, CancellationToken ct = default)
    {
        if (!Divisions.All.Contains(division)) throw new DomainException("알 수 없는 부서입니다: {0}", division);
        var row = await db.AppSettings.SingleOrDefaultAsync(s => s.OfficeId == officeId && s.Key == ProactiveReductionKey, ct);
        if (row is null) db.AppSettings.Add(new AppSetting { OfficeId = officeId, Key = ProactiveReductionKey, Value = division });
        else row.Value = division;
        await db.SaveChangesAsync(ct);
    }

    public static string TypeKey(string typeCode) => "division.type." + typeCode;

    /// <summary>The office's own divisions for the given types (only those it set).</summary>
    public static async Task<Dictionary<string, string>> ForTypesAsync(ArisuDbContext db, int officeId, IReadOnlyCollection<string> typeCodes, CancellationToken ct = default)
    {
        var keys = typeCodes.Select(TypeKey).ToList();
        var rows = await db.AppSettings.AsNoTracking().Where(s => s.OfficeId == officeId && keys.Contains(s.Key)).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key["division.type.".Length..], r => r.Value);
    }

    /// <summary>Sets (or, with null, removes) the office's own division for a type.</summary>
    public static async Task SaveForTypeAsync(ArisuDbContext db, int officeId, string typeCode, string? division, CancellationToken ct = default)
    {
        if (!await db.ComplaintTypes.AnyAsync(t => t.Code == typeCode, ct)) throw new DomainException("알 수 없는 민원 유형입니다: {0}", typeCode);
        if (division is not null && !Divisions.All.Contains(division)) throw new DomainException("알 수 없는 부서입니다: {0}", division);
        var key = TypeKey(typeCode);
        var row = await db.AppSettings.SingleOrDefaultAsync(s => s.OfficeId == officeId && s.Key == key, ct);
        if (division is null)
        {
            if (row is not null) db.AppSettings.Remove(row);
        }
        else if (row is null) db.AppSettings.Add(new AppSetting { OfficeId = officeId, Key = key, Value = division });
        else row.Value = division;
        await db.SaveChangesAsync(ct);
    }
}
