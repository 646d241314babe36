using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Infrastructure.Configurations;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Complaints;

/// <summary>
/// Which division an office gives the leak fee reductions the system opens after a diagnosis found a leak (no
/// application by the citizen): 행정지원과 as the plan assigns them, unless the office's administrator chose another.
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
        if (!Divisions.All.Contains(division)) throw new DomainException($"알 수 없는 부서입니다: {division}");
        var row = await db.AppSettings.SingleOrDefaultAsync(s => s.OfficeId == officeId && s.Key == ProactiveReductionKey, ct);
        if (row is null) db.AppSettings.Add(new AppSetting { OfficeId = officeId, Key = ProactiveReductionKey, Value = division });
        else row.Value = division;
        await db.SaveChangesAsync(ct);
    }
}
