using System.Text.RegularExpressions;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Reports;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Features.Administration;

/// <summary>
/// A type of the complaint catalogue (headquarters', city-wide) added or changed: its code, names, field, division,
/// processing period, visit needs and the column of the plan's table it is counted in. Complaints received from then on follow it; those received keep their deadline.
/// </summary>
public static partial class SaveComplaintType
{
    public const int MaxNameKo = 60;
    public const int MaxNameEn = 80;
    public const int MaxPeriod = 365;

    /// <param name="ReportColumn">The plan's column it is counted in; null: its own code for the plan's fourteen, else its field's 기타.</param>
    public sealed record Command(string? Code, string? NameKo, string? NameEn, string? Field, string? Division, PeriodUnit Unit, int Value,
        bool TotalService, bool NeedsVisit, bool EntersHome, bool Active, string? ReportColumn = null);

    /// <summary>Every rule of a catalogue entry, in one wording: the page's form and each line of the catalogue file.</summary>
    public static IReadOnlyList<FieldError> Validate(Command c)
    {
        var refused = new Refusals();
        var code = c.Code?.Trim() ?? "";
        if (!CodePattern().IsMatch(code)) refused.Add(nameof(c.Code), "코드는 영문 대문자, 숫자, 밑줄(_)로 입력하세요.");
        var nameKo = c.NameKo?.Trim();
        if (string.IsNullOrEmpty(nameKo)) refused.Add(nameof(c.NameKo), "이름을 입력하세요.");
        else if (nameKo.Length > MaxNameKo) refused.Add(nameof(c.NameKo), "이름은 {0}자 이내로 입력하세요.", MaxNameKo);
        if (c.NameEn?.Trim().Length > MaxNameEn) refused.Add(nameof(c.NameEn), "영문 이름은 {0}자 이내로 입력하세요.", MaxNameEn);
        if (!ComplaintFields.All.Contains(c.Field)) refused.Add(nameof(c.Field), "분야를 선택하세요.");
        else if (c.ReportColumn is { Length: > 0 } column && (!PlanTable.IsColumn(column) || PlanTable.FieldOf(column) != c.Field))
            refused.Add(nameof(c.ReportColumn), "보고 열은 계획 표의 같은 분야 열이어야 합니다: {0}", column);
        if (!Divisions.IsKnown(c.Division)) refused.Add(nameof(c.Division), "알 수 없는 부서입니다.");
        if (!Enum.IsDefined(c.Unit)) refused.Add(nameof(c.Unit), "처리기간 단위를 선택하세요.");
        else if (c.Unit != PeriodUnit.Immediate && c.Value is < 1 or > MaxPeriod) refused.Add(nameof(c.Value), "처리기간은 1~{0} 사이여야 합니다.", MaxPeriod);
        return refused.Errors;
    }

    /// <summary>Adds or changes the entry in the context (the caller saves): the page's one entry, or a catalogue file's every line.</summary>
    public static async Task ApplyAsync(ArisuDbContext db, Command c, CancellationToken ct)
    {
        var code = c.Code!.Trim();
        var nameKo = c.NameKo!.Trim();
        var nameEn = string.IsNullOrWhiteSpace(c.NameEn) ? null : c.NameEn.Trim();
        var column = string.IsNullOrWhiteSpace(c.ReportColumn) ? null : c.ReportColumn.Trim();
        var period = c.Unit == PeriodUnit.Immediate ? ProcessingPeriod.Immediately : new ProcessingPeriod(c.Unit, c.Value);
        var existing = db.ComplaintTypes.Local.SingleOrDefault(t => t.Code == code) ?? await db.ComplaintTypes.SingleOrDefaultAsync(t => t.Code == code, ct);
        if (existing is null)
        {
            var order = Math.Max(db.ComplaintTypes.Local.Select(t => t.SortOrder).DefaultIfEmpty(0).Max(),
                await db.ComplaintTypes.MaxAsync(t => (int?)t.SortOrder, ct) ?? 0) + 10;
            db.ComplaintTypes.Add(new ComplaintType(code, c.Field!, nameKo, nameEn ?? code, c.TotalService, c.Division!, period, c.NeedsVisit, c.EntersHome,
                order, column));
        }
        else
        {
            existing.Change(nameKo, nameEn ?? existing.NameEn, c.Field!, c.TotalService, c.Division!, period, c.NeedsVisit, c.EntersHome, c.Active,
                column ?? (existing.Field == c.Field ? existing.ReportColumn : null));
        }
    }

    public sealed class Handler(ArisuDbContext db)
    {
        public async Task HandleAsync(Command c, CancellationToken ct)
        {
            var errors = Validate(c);
            if (errors.Count > 0) throw new ValidationFailedException(errors);
            await ApplyAsync(db, c, ct);
            await db.SaveChangesAsync(ct);
        }
    }

    [GeneratedRegex("^[A-Z][A-Z0-9_]{1,39}$")]
    private static partial Regex CodePattern();
}
