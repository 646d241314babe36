using System.ComponentModel.DataAnnotations;
using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Customers;
using AriSuTotalService.Domain.Reductions;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features;
using AriSuTotalService.Infrastructure.Features.Administration;
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
public class IndexModel(ArisuDbContext db, ReductionTables.Handler tables, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class TariffForm
    {
        [Display(Name = "용도")] public string? UseType { get; set; }
        [Display(Name = "요금 종류")] public string? Charge { get; set; }
        [Display(Name = "적용 시작일")] public DateOnly? EffectiveFrom { get; set; }
        [Display(Name = "구간 시작(m³/월)")] public int FromM3 { get; set; }
        [Display(Name = "단가(원/m³)")] public int? Price { get; set; }
        [Display(Name = "근거·메모")] public string? Note { get; set; }
    }

    public sealed class RateForm
    {
        [Display(Name = "용도")] public string? UseType { get; set; }
        [Display(Name = "적용 시작일")] public DateOnly? EffectiveFrom { get; set; }
        [Display(Name = "상수도(%)")] public int Water { get; set; } = 50;
        [Display(Name = "하수도(%)")] public int Sewer { get; set; } = 100;
        [Display(Name = "물이용부담금(%)")] public int Levy { get; set; } = 50;
    }

    [BindProperty] public TariffForm Tariff { get; set; } = new();
    [BindProperty] public RateForm Rate { get; set; } = new();
    public IReadOnlyList<TariffRate> Tariffs { get; private set; } = [];
    public IReadOnlyList<ReductionRate> Rates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostTariffAsync(CancellationToken ct) =>
        AddAsync(nameof(Tariff), () => tables.AddTariffAsync(new ReductionTables.AddTariff(Tariff.UseType, Tariff.Charge, Tariff.EffectiveFrom, Tariff.FromM3,
            Tariff.Price, Tariff.Note), ct), "단가를 추가했습니다. 적용 시작일 이후 기간의 감면 계산부터 쓰입니다.", ct);

    public Task<IActionResult> OnPostRateAsync(CancellationToken ct) =>
        AddAsync(nameof(Rate), () => tables.AddRateAsync(new ReductionTables.AddRate(Rate.UseType, Rate.EffectiveFrom, Rate.Water, Rate.Sewer, Rate.Levy), ct),
            "감면율을 추가했습니다.", ct);

    public async Task<IActionResult> OnPostConfirmAsync(int id, string? kind, CancellationToken ct)
    {
        if (!await tables.ConfirmAsync(kind, id, ct)) return NotFound();
        TempData["Message"] = l["확인된 값으로 표시했습니다."].Value;
        return RedirectToPage();
    }

    /// <summary>A row may be removed; reductions already computed keep the amounts they were computed with.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, string? kind, CancellationToken ct)
    {
        if (!await tables.RemoveAsync(kind, id, ct)) return NotFound();
        TempData["Message"] = l["삭제했습니다. 이미 계산된 감면액은 바뀌지 않습니다."].Value;
        return RedirectToPage();
    }

    /// <summary>Adds a row from one of the page's two forms; its refusals go beside that form's fields.</summary>
    private async Task<IActionResult> AddAsync(string form, Func<Task> add, string message, CancellationToken ct)
    {
        // Only this form's values count (the other form's empty fields are not its business).
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(form + ".", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        if (ModelState.IsValid) // a value of the wrong kind is said beside its field by the binder
        {
            try
            {
                await add();
                TempData["Message"] = l[message].Value;
                return RedirectToPage();
            }
            catch (ValidationFailedException ex)
            {
                ModelState.AddRefusals(ex, l, field => $"{form}.{field}");
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
