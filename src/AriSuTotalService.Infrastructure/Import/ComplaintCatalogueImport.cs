using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features;
using AriSuTotalService.Infrastructure.Features.Administration;

namespace AriSuTotalService.Infrastructure.Import;

/// <summary>
/// The city's complaint catalogue (고객지원시스템, 39 types) as a CSV: <c>code,name_ko,name_en,field,division,period_unit,
/// period_value,report_column,enters_home</c> (optional <c>needs_visit</c>, <c>active</c>); key code, re-importing
/// updates. Each line is checked by the catalogue page's own rules (<see cref="SaveComplaintType.Validate"/>); the report
/// column puts a type the plan does not name into one of the plan's fourteen columns (its field's 기타 when empty), so
/// the plan's tables survive any catalogue. All-or-nothing, one transaction.
/// </summary>
public sealed class ComplaintCatalogueImport(ArisuDbContext db) : ICsvImport
{
    public string Kind => "complaint-types";

    public static readonly string[] Required =
        ["code", "name_ko", "name_en", "field", "division", "period_unit", "period_value", "report_column", "enters_home"];
    public static readonly string[] Optional = ["needs_visit", "active"];

    /// <summary>Field names of the command, as the file's columns name them.</summary>
    private static string Column(string field) => field switch
    {
        nameof(SaveComplaintType.Command.Code) => "code",
        nameof(SaveComplaintType.Command.NameKo) => "name_ko",
        nameof(SaveComplaintType.Command.NameEn) => "name_en",
        nameof(SaveComplaintType.Command.Field) => "field",
        nameof(SaveComplaintType.Command.Division) => "division",
        nameof(SaveComplaintType.Command.Unit) => "period_unit",
        nameof(SaveComplaintType.Command.Value) => "period_value",
        nameof(SaveComplaintType.Command.ReportColumn) => "report_column",
        _ => field,
    };

    public async Task<ImportResult> RunAsync(int officeId, CsvSource file, IProgress<ImportProgress>? progress = null, CancellationToken ct = default) =>
        await db.InTransactionAsync(async () =>
        {
            using var records = CsvFile.Open(file, Required, Optional, out var columns);
            int At(string name) => columns.GetValueOrDefault(name, -1);
            var errors = new List<ImportError>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var known = db.ComplaintTypes.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
            int imported = 0, updated = 0;
            await StreamedImport.WalkAsync(records, errors, progress, (CsvRecords r, out SaveComplaintType.Command row) =>
            {
                var line = r.Line;
                var before = errors.Count;
                var unit = r[At("period_unit")].ToString() switch
                {
                    "days" => (PeriodUnit?)PeriodUnit.Days,
                    "hours" => PeriodUnit.Hours,
                    "immediate" => PeriodUnit.Immediate,
                    var other => Refuse(line, "period_unit", "처리기간 단위는 days, hours, immediate 중 하나여야 합니다: '{0}'", other),
                };
                var valueText = r[At("period_value")];
                var value = unit == PeriodUnit.Immediate && valueText.Length == 0
                    ? 0 : (int?)CsvFile.ParseWhole(valueText, line, "period_value", errors, 0, SaveComplaintType.MaxPeriod);
                var entersHome = Flag(r[At("enters_home")].ToString(), line, "enters_home", errors, required: true);
                var needsVisit = Flag(r[At("needs_visit")].ToString(), line, "needs_visit", errors, required: false) ?? entersHome;
                var active = Flag(r[At("active")].ToString(), line, "active", errors, required: false) ?? true;
                row = new SaveComplaintType.Command(r[At("code")].ToString(), r[At("name_ko")].ToString(), r[At("name_en")].ToString(),
                    r[At("field")].ToString(), r[At("division")].ToString(), unit ?? PeriodUnit.Days, value ?? 1,
                    TotalService: false, needsVisit ?? false, entersHome ?? false, active, r[At("report_column")].ToString());
                if (errors.Count != before) return false;
                var refused = SaveComplaintType.Validate(row);
                errors.AddRange(refused.Select(e => ImportError.Of(line, Column(e.Field), e.Key, e.Args)));
                if (refused.Count > 0) return false;
                if (seen.TryAdd(row.Code!.Trim(), line)) return true;
                errors.Add(ImportError.Of(line, "code", "{0}행과 같은 코드입니다.", seen[row.Code!.Trim()]));
                return false;

                PeriodUnit? Refuse(int at, string column, string key, string shown)
                {
                    errors.Add(ImportError.Of(at, column, key, CsvFile.Shorten(shown)));
                    return null;
                }
            }, async row =>
            {
                if (known.Contains(row.Code!.Trim())) updated++;
                else imported++;
                await SaveComplaintType.ApplyAsync(db, row, ct);
            });
            // Nothing of a refused file is kept: the transaction ends without its commit.
            if (errors.Count > 0) throw new ImportFailedException(errors);
            await db.SaveChangesAsync(ct);
            return new ImportResult(imported, updated);
        }, ct);

    /// <summary>true/false (or 1/0, Y/N); empty for an optional column is its default (null).</summary>
    private static bool? Flag(string text, int line, string column, List<ImportError> errors, bool required)
    {
        if (text.Length == 0 && !required) return null;
        if (text is "true" or "1" or "Y" or "y") return true;
        if (text is "false" or "0" or "N" or "n") return false;
        errors.Add(ImportError.Of(line, column, "true 또는 false로 입력하세요: '{0}'", CsvFile.Shorten(text)));
        return null;
    }
}
