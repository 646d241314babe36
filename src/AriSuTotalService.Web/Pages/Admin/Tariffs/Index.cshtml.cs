using System.ComponentModel.DataAnnotations;
using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Customers;
using AriSuTotalService.Domain.Reductions;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Admin.Tariffs;

/// <summary>
/// The tables the leak fee reduction is computed from: price rows per use type and charge (optional usage tiers, effective
/// dates) and the reduction percentages. Seeded rows are examples until an administrator confirms them.
/// </summary>
[Authorize(Roles = RoleSets.Administrator)]
public class IndexModel(ArisuDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class TariffForm
    {
        [Required(ErrorMessage = "{0}를 고르세요."), Display(Name = "용도")] public string? UseType { get; set; }
        [Required(ErrorMessage = "{0}을 고르세요."), Display(Name = "요금 종류")] public string? Charge { get; set; }
        [Required(ErrorMessage = "{0}을 입력하세요."), Display(Name = "적용 시작일")] public DateOnly? EffectiveFrom { get; set; }
        [Range(0, 1_000_000, ErrorMessage = "{0}은(는) {1}~{2} 사이여야 합니다."), Display(Name = "구간 시작(m³/월)")] public int FromM3 { get; set; }
        [Required(ErrorMessage = "{0}를 입력하세요."), Range(0, 100_000, ErrorMessage = "{0}은(는) {1}~{2} 사이여야 합니다."), Display(Name = "단가(원/m³)")] public int? Price { get; set; }
        [StringLength(200), Display(Name = "근거·메모")] public string? Note { get; set; }
    }

    public sealed class RateForm
    {
        [Required(ErrorMessage = "{0}를 고르세요."), Display(Name = "용도")] public string? UseType { get; set; }
        [Required(ErrorMessage = "{0}을 입력하세요."), Display(Name = "적용 시작일")] public DateOnly? EffectiveFrom { get; set; }
        [Range(0, 100, ErrorMessage = "{0}은(는) {1}~{2} 사이여야 합니다."), Display(Name = "상수도(%)")] public int Water { get; set; } = 50;
        [Range(0, 100, ErrorMessage = "{0}은(는) {1}~{2} 사이여야 합니다."), Display(Name = "하수도(%)")] public int Sewer { get; set; } = 100;
        [Range(0, 100, ErrorMessage = "{0}은(는) {1}~{2} 사이여야 합니다."), Display(Name = "물이용부담금(%)")] public int Levy { get; set; } = 50;
    }

    [BindProperty] public TariffForm Tariff { get; set; } = new();
    [BindProperty] public RateForm Rate { get; set; } = new();
    public IReadOnlyList<TariffRate> Tariffs { get; private set; } = [];
    public IReadOnlyList<ReductionRate> Rates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostTariffAsync(CancellationToken ct)
    {
        Only(nameof(Tariff));
        if (ModelState.IsValid && await db.TariffRates.AnyAsync(t => t.UseType == Tariff.UseType && t.Charge == Tariff.Charge
                && t.EffectiveFrom == Tariff.EffectiveFrom && t.FromM3 == Tariff.FromM3, ct))
            ModelState.AddModelError("Tariff.FromM3", "같은 용도·요금·적용일·구간의 단가가 이미 있습니다.");
        return await SaveAsync(() => db.TariffRates.Add(new TariffRate(Tariff.UseType!, Tariff.Charge!, Tariff.EffectiveFrom!.Value, Tariff.FromM3,
            Tariff.Price!.Value, false, Tariff.Note)), "Tariff.UseType", "단가를 추가했습니다. 적용 시작일 이후 기간의 감면 계산부터 쓰입니다.", ct);
    }

    public async Task<IActionResult> OnPostRateAsync(CancellationToken ct)
    {
        Only(nameof(Rate));
        if (ModelState.IsValid && await db.ReductionRates.AnyAsync(r => r.UseType == Rate.UseType && r.EffectiveFrom == Rate.EffectiveFrom, ct))
            ModelState.AddModelError("Rate.EffectiveFrom", "같은 용도·적용일의 감면율이 이미 있습니다.");
        return await SaveAsync(() => db.ReductionRates.Add(new ReductionRate(Rate.UseType!, Rate.EffectiveFrom!.Value, Rate.Water, Rate.Sewer, Rate.Levy, false)),
            "Rate.UseType", "감면율을 추가했습니다.", ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, string? kind, CancellationToken ct)
    {
        if (kind == "rate" && await db.ReductionRates.SingleOrDefaultAsync(r => r.Id == id, ct) is { } rate) rate.Confirm();
        else if (kind == "tariff" && await db.TariffRates.SingleOrDefaultAsync(t => t.Id == id, ct) is { } tariff) tariff.Confirm();
        else return NotFound();
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "확인된 값으로 표시했습니다.";
        return RedirectToPage();
    }

    /// <summary>A row may be removed; reductions already computed keep the amounts they were computed with.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, string? kind, CancellationToken ct)
    {
        var deleted = kind switch
        {
            "rate" => await db.ReductionRates.Where(r => r.Id == id).ExecuteDeleteAsync(ct),
            "tariff" => await db.TariffRates.Where(t => t.Id == id).ExecuteDeleteAsync(ct),
            _ => 0,
        };
        if (deleted == 0) return NotFound();
        TempData["Message"] = "삭제했습니다. 이미 계산된 감면액은 바뀌지 않습니다.";
        return RedirectToPage();
    }

    private void Only(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
    }

    private async Task<IActionResult> SaveAsync(Action add, string field, string message, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                add();
                await db.SaveChangesAsync(ct);
                TempData["Message"] = message;
                return RedirectToPage();
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError(field, l.Text(ex));
                db.ChangeTracker.Clear();
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tariffs = await db.TariffRates.AsNoTracking().OrderBy(t => t.Charge).ThenBy(t => t.UseType).ThenByDescending(t => t.EffectiveFrom).ThenBy(t => t.FromM3).ToListAsync(ct);
        Rates = await db.ReductionRates.AsNoTracking().OrderBy(r => r.UseType).ThenByDescending(r => r.EffectiveFrom).ToListAsync(ct);
    }

    public static IReadOnlyList<string> UseTypeOptions => UseTypes.All;
}
