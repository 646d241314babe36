using System.Text.Json;
using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Reductions;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Reductions;

/// <summary>
/// Finds a reduction's leak period and normal basis in the account's readings and computes it with the tariff tables;
/// completes the cases that were waiting for their leak period's reading after an import.
/// </summary>
public sealed class ReductionCalculation(ArisuDbContext db)
{
    private static readonly JsonSerializerOptions Json = new() { IncludeFields = true };

    public static string Serialize(ReductionWorking working) => JsonSerializer.Serialize(working, Json);
    public static ReductionWorking? Deserialize(string? json) => json is null ? null : JsonSerializer.Deserialize<ReductionWorking>(json, Json);

    public async Task<IReadOnlyList<ReadingPeriod>> HistoryAsync(long customerId, CancellationToken ct) =>
        (await db.MeterReadings.AsNoTracking().Where(r => r.CustomerId == customerId).OrderBy(r => r.PeriodEnd)
            .Select(r => new { r.PeriodStart, r.PeriodEnd, r.UsageM3 }).ToListAsync(ct))
        .Select(r => new ReadingPeriod(r.PeriodStart, r.PeriodEnd, r.UsageM3)).ToList();

    /// <summary>The reading period the leak ran in: the one ending at <paramref name="knownEnd"/>, else the first that ends on or after the leak date.</summary>
    public static ReadingPeriod? LeakPeriod(IReadOnlyList<ReadingPeriod> history, DateOnly leakDate, DateOnly? knownEnd) =>
        knownEnd is { } end
            ? history.FirstOrDefault(p => p.End == end)
            : history.Where(p => p.Start <= leakDate && leakDate <= p.End).OrderBy(p => p.End).FirstOrDefault();

    /// <summary>Works the case out as far as the data allows: awaiting its reading, waiting for the reviewer's basis, or computed.</summary>
    public async Task PrepareAsync(LeakReduction reduction, IReadOnlyList<ReadingPeriod> history, DateOnly? knownEnd, CancellationToken ct)
    {
        var leak = LeakPeriod(history, reduction.LeakDate, knownEnd);
        if (leak is null) return;
        reduction.SetLeakPeriod(leak.Start, leak.End);
        if (LeakReductionCalculator.ChooseNormal(leak, history) is not { } normal) return;
        try
        {
            var working = await ComputeAsync(reduction.CustomerId, leak, normal.Basis, normal.Periods, ct);
            reduction.Apply(working, Serialize(working), null);
        }
        catch (DomainException)
        {
            // No tariff row in force for the period: the case waits for the reviewer, who sees why when computing.
        }
    }

    public async Task<ReductionWorking> ComputeAsync(long customerId, ReadingPeriod leak, string basis, IReadOnlyList<ReadingPeriod> normal, CancellationToken ct)
    {
        var useType = await db.Customers.Where(c => c.Id == customerId).Select(c => c.UseType).SingleAsync(ct);
        var tariffs = await db.TariffRates.AsNoTracking().Where(t => t.UseType == useType && t.EffectiveFrom <= leak.End).ToListAsync(ct);
        var rates = await db.ReductionRates.AsNoTracking().Where(r => r.UseType == useType && r.EffectiveFrom <= leak.End).ToListAsync(ct);
        return LeakReductionCalculator.Compute(leak, basis, normal, tariffs, rates);
    }

    /// <summary>The reviewer's choice of leak period and normal periods (by their end dates), with a reason.</summary>
    public async Task AdjustAsync(LeakReduction reduction, DateOnly leakEnd, IReadOnlyList<DateOnly> normalEnds, string? reason, string by, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("기간을 바꾸는 사유를 입력하세요.");
        if (normalEnds.Count is < 1 or > 2) throw new DomainException("정상 사용량 기간은 1~2개를 고르세요.");
        var history = await HistoryAsync(reduction.CustomerId, ct);
        var leak = history.FirstOrDefault(p => p.End == leakEnd) ?? throw new DomainException("누수 기간을 검침 목록에서 고르세요.");
        var normal = normalEnds.Distinct().Select(e => history.FirstOrDefault(p => p.End == e) ?? throw new DomainException("정상 사용량 기간을 검침 목록에서 고르세요."))
            .OrderBy(p => p.End).ToList();
        if (normal.Any(p => p.End >= leak.End)) throw new DomainException("정상 사용량 기간은 누수 기간보다 앞선 검침이어야 합니다.");
        var working = await ComputeAsync(reduction.CustomerId, leak, NormalBases.Reviewer, normal, ct);
        reduction.Apply(working, Serialize(working), reason, by);
    }

    /// <summary>After a reading import: every case of the office waiting for its reading is worked out again. Returns how many now have their period.</summary>
    public async Task<int> CompleteAwaitingAsync(int officeId, CancellationToken ct)
    {
        var waiting = await db.LeakReductions
            .Where(r => r.OfficeId == officeId && r.Status == ReductionStatuses.AwaitingReading).ToListAsync(ct);
        var completed = 0;
        foreach (var r in waiting)
        {
            await PrepareAsync(r, await HistoryAsync(r.CustomerId, ct), null, ct);
            if (r.Status != ReductionStatuses.AwaitingReading) completed++;
        }
        await db.SaveChangesAsync(ct);
        return completed;
    }
}
