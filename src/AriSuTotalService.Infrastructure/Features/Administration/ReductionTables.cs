using AriSuTotalService.Domain.Customers;
using AriSuTotalService.Domain.Reductions;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Features.Administration;

/// <summary>
/// The tables a leak fee reduction is computed from (city-wide, the water-rate ordinance): price rows per use type and
/// charge with their usage tier and effective date, and the reduction percentages. A row is added, confirmed (seeded
/// rows are examples until then) or removed; reductions already computed keep their amounts.
/// </summary>
public static class ReductionTables
{
    public const int MaxNote = 200;
    public const int MaxFromM3 = 1_000_000;
    public const int MaxPrice = 100_000;

    public static class Kinds
    {
        public const string Tariff = "tariff";
        public const string Rate = "rate";
    }

    public sealed record AddTariff(string? UseType, string? Charge, DateOnly? EffectiveFrom, int? FromM3, int? Price, string? Note);

    public sealed record AddRate(string? UseType, DateOnly? EffectiveFrom, int? Water, int? Sewer, int? Levy);

    public sealed class Handler(ArisuDbContext db)
    {
        public async Task AddTariffAsync(AddTariff c, CancellationToken ct)
        {
            var refused = new Refusals();
            if (!UseTypes.IsKnown(c.UseType)) refused.Add(nameof(c.UseType), "용도를 목록에서 고르세요.");
            if (!Charges.IsKnown(c.Charge)) refused.Add(nameof(c.Charge), "요금 종류를 목록에서 고르세요.");
            if (c.EffectiveFrom is null) refused.Add(nameof(c.EffectiveFrom), "적용 시작일을 입력하세요.");
            if (c.FromM3 is not (>= 0 and <= MaxFromM3)) refused.Add(nameof(c.FromM3), "구간 시작 사용량은 0 이상 {0} 이하로 입력하세요.", MaxFromM3);
            if (c.Price is not (>= 0 and <= MaxPrice)) refused.Add(nameof(c.Price), "단가는 0원 이상 100,000원 이하로 입력하세요.");
            if (c.Note?.Trim().Length > MaxNote) refused.Add(nameof(c.Note), "근거·메모는 {0}자 이내로 입력하세요.", MaxNote);
            if (!refused.Any && await db.TariffRates.AnyAsync(t => t.UseType == c.UseType && t.Charge == c.Charge
                    && t.EffectiveFrom == c.EffectiveFrom && t.FromM3 == c.FromM3, ct))
                refused.Add(nameof(c.FromM3), "같은 용도·요금·적용일·구간의 단가가 이미 있습니다.");
            refused.ThrowIfAny();
            db.TariffRates.Add(new TariffRate(c.UseType!, c.Charge!, c.EffectiveFrom!.Value, c.FromM3!.Value, c.Price!.Value, false,
                string.IsNullOrWhiteSpace(c.Note) ? null : c.Note.Trim()));
            await db.SaveChangesAsync(ct);
        }

        public async Task AddRateAsync(AddRate c, CancellationToken ct)
        {
            var refused = new Refusals();
            if (!UseTypes.IsKnown(c.UseType)) refused.Add(nameof(c.UseType), "용도를 목록에서 고르세요.");
            if (c.EffectiveFrom is null) refused.Add(nameof(c.EffectiveFrom), "적용 시작일을 입력하세요.");
            foreach (var (field, value) in new[] { (nameof(c.Water), c.Water), (nameof(c.Sewer), c.Sewer), (nameof(c.Levy), c.Levy) })
                if (value is not (>= 0 and <= 100)) refused.Add(field, "감면율은 0~100%로 입력하세요.");
            if (!refused.Any && await db.ReductionRates.AnyAsync(r => r.UseType == c.UseType && r.EffectiveFrom == c.EffectiveFrom, ct))
                refused.Add(nameof(c.EffectiveFrom), "같은 용도·적용일의 감면율이 이미 있습니다.");
            refused.ThrowIfAny();
            db.ReductionRates.Add(new ReductionRate(c.UseType!, c.EffectiveFrom!.Value, c.Water!.Value, c.Sewer!.Value, c.Levy!.Value, false));
            await db.SaveChangesAsync(ct);
        }

        /// <returns>False when there is no such row.</returns>
        public async Task<bool> ConfirmAsync(string? kind, int id, CancellationToken ct)
        {
            if (kind == Kinds.Rate && await db.ReductionRates.SingleOrDefaultAsync(r => r.Id == id, ct) is { } rate) rate.Confirm();
            else if (kind == Kinds.Tariff && await db.TariffRates.SingleOrDefaultAsync(t => t.Id == id, ct) is { } tariff) tariff.Confirm();
            else return false;
            await db.SaveChangesAsync(ct);
            return true;
        }

        /// <returns>False when there is no such row.</returns>
        public async Task<bool> RemoveAsync(string? kind, int id, CancellationToken ct) => kind switch
        {
            Kinds.Rate => await db.ReductionRates.Where(r => r.Id == id).ExecuteDeleteAsync(ct),
            Kinds.Tariff => await db.TariffRates.Where(t => t.Id == id).ExecuteDeleteAsync(ct),
            _ => 0,
        } > 0;
    }
}
