using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Common;
using AriSuTotalService.Infrastructure.Configurations;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Visits;

/// <summary>
/// The add-on services of a water-quality visit (the plan's "고무호스 제거안내, 주방기구 위생검사 등 5종"), an office's
/// list kept by its administrators; the outcome form offers them as a checklist. Until an administrator saves a list,
/// the two the plan names.
/// </summary>
public static class WaterQualityAddOns
{
    public const string Key = "quality.addons";
    public const int MaxItems = 10;
    public const int MaxItemLength = 36;

    public static readonly IReadOnlyList<string> PlanDefaults = ["고무호스 제거 안내", "주방기구 위생검사"];

    public static async Task<IReadOnlyList<string>> GetAsync(ArisuDbContext db, int officeId, CancellationToken ct = default)
    {
        var value = await db.AppSettings.AsNoTracking().Where(s => s.OfficeId == officeId && s.Key == Key).Select(s => s.Value).SingleOrDefaultAsync(ct);
        return value is null ? PlanDefaults : value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>One service a line; blank lines dropped, repeats refused.</summary>
    public static async Task SaveAsync(ArisuDbContext db, int officeId, string lines, CancellationToken ct = default)
    {
        var items = lines.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        if (items.Count == 0) throw new DomainException("부가 서비스를 한 줄에 하나씩 한 가지 이상 입력하세요.");
        if (items.Count > MaxItems) throw new DomainException("부가 서비스는 {0}가지까지입니다.", MaxItems);
        if (items.FirstOrDefault(i => i.Length > MaxItemLength) is { } longItem) throw new DomainException("{0}자를 넘습니다: {1}", MaxItemLength, longItem);
        if (items.GroupBy(i => i).FirstOrDefault(g => g.Count() > 1) is { } repeated) throw new DomainException("두 번 있습니다: {0}", repeated.Key);
        // Names the staff read out to citizens: Korean words, no control characters.
        if (items.FirstOrDefault(i => i.Any(char.IsControl) || !i.Any(c => c is >= '가' and <= '힣')) is { } odd)
            throw new DomainException("부가 서비스 이름은 한글로 입력하세요: {0}", Shorten(odd));
        var row = await db.AppSettings.SingleOrDefaultAsync(s => s.OfficeId == officeId && s.Key == Key, ct);
        var value = string.Join('\n', items);
        if (row is null) db.AppSettings.Add(new AppSetting { OfficeId = officeId, Key = Key, Value = value });
        else row.Value = value;
        await db.SaveChangesAsync(ct);
    }

    private static string Shorten(string value) => value.Length > 20 ? value[..20] + "…" : value;

    /// <summary>What the outcome keeps: the services ticked (in the list's order), then anything written beside them.</summary>
    public static string? Combine(IReadOnlyList<string> offered, IEnumerable<string> ticked, string? other)
    {
        var chosen = offered.Where(ticked.Contains).ToList();
        if (!string.IsNullOrWhiteSpace(other)) chosen.Add(other.Trim());
        return chosen.Count == 0 ? null : string.Join("; ", chosen);
    }
}
