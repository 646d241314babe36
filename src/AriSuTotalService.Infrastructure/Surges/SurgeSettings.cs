using AriSuTotalService.Domain.Offices;
using System.Globalization;
using AriSuTotalService.Domain.Surges;
using AriSuTotalService.Infrastructure.Configurations;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Surges;

/// <summary>The surge thresholds of an office, stored as settings rows (defaults 40 %, 30 %, 3 m³).</summary>
public static class SurgeSettings
{
    public const string DiagnosisKey = "surge.diagnosis_percent";
    public const string NoticeKey = "surge.notice_percent";
    public const string MinimumKey = "surge.min_increase_m3";

    public static async Task<SurgeThresholds> GetAsync(ArisuDbContext db, int officeId, CancellationToken ct = default)
    {
        var rows = await db.AppSettings.AsNoTracking().Where(s => s.OfficeId == officeId && s.Key.StartsWith("surge."))
            .ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        int Get(string key, int fallback) =>
            rows.TryGetValue(key, out var v) && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : fallback;
        var d = SurgeThresholds.Default;
        return new SurgeThresholds(Get(DiagnosisKey, d.DiagnosisPercent), Get(NoticeKey, d.NoticePercent), Get(MinimumKey, d.MinIncreaseM3));
    }

    public static async Task SaveAsync(ArisuDbContext db, int officeId, SurgeThresholds t, CancellationToken ct = default)
    {
        foreach (var (key, value) in new[] { (DiagnosisKey, t.DiagnosisPercent), (NoticeKey, t.NoticePercent), (MinimumKey, t.MinIncreaseM3) })
        {
            var row = await db.AppSettings.SingleOrDefaultAsync(s => s.OfficeId == officeId && s.Key == key, ct);
            if (row is null) db.AppSettings.Add(new AppSetting { OfficeId = officeId, Key = key, Value = value.ToString(CultureInfo.InvariantCulture) });
            else row.Value = value.ToString(CultureInfo.InvariantCulture);
        }
        await db.SaveChangesAsync(ct);
    }
}
