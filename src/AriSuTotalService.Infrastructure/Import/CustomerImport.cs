using Microsoft.EntityFrameworkCore.Storage;
using System.Text.RegularExpressions;
using AriSuTotalService.Domain.Customers;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Import;

/// <summary>
/// Customers (수용가) from the billing system: header of CONTRACTS.md, key account_number; re-importing an account
/// updates it. All-or-nothing: any bad row refuses the whole file. Written with prepared commands in one transaction.
/// </summary>
public sealed partial class CustomerImport(ArisuDbContext db, ICurrentUser user, TimeProvider clock) : ICsvImport
{
    public string Kind => "customers";

    public static readonly string[] Required = ["account_number", "holder_name", "phone", "address", "district", "use_type", "meter_size_mm"];
    public static readonly string[] Optional = ["dong", "meter_serial"];

    /// <summary>The phone as written (dashes and spaces kept) fits its column.</summary>
    private const int MaxPhoneLength = 30;

    private sealed record Row(string Account, string Name, string Phone, string Address, string? Dong, string District,
        string UseType, int MeterSize, string? Serial);

    public async Task<ImportResult> RunAsync(int officeId, CsvSource file, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var csv = CsvFile.Parse(file, Required, Optional, progress);
        var districts = (await db.Offices.AsNoTracking().Where(o => o.Id == officeId).Select(o => o.Districts).SingleAsync(ct))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var errors = new List<ImportError>();
        var rows = new List<Row>(csv.Rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, f) in csv.Rows)
        {
            if (errors.Count >= CsvFile.MaxErrors) break;
            var before = errors.Count;
            var account = csv.Get(f, "account_number");
            if (!AccountPattern().IsMatch(account))
                errors.Add(ImportError.Of(line, "account_number", "수용가번호 형식이 아닙니다 (예: 12-3456789): '{0}'", CsvFile.Shorten(account)));
            else if (seen.TryGetValue(account, out var firstLine))
                errors.Add(ImportError.Of(line, "account_number", "{0}행과 같은 수용가번호입니다.", firstLine));
            var name = CsvFile.Required(csv.Get(f, "holder_name"), line, "holder_name", errors, 100);
            var phone = csv.Get(f, "phone");
            if (phone.Length > MaxPhoneLength || !Notices.KoreanPhone.TryParse(phone, out _, out _))
                errors.Add(ImportError.Of(line, "phone", "전화번호 형식이 아닙니다: '{0}'", CsvFile.Shorten(phone)));
            var address = CsvFile.Required(csv.Get(f, "address"), line, "address", errors, 300);
            var district = csv.Get(f, "district");
            if (!districts.Contains(district))
                errors.Add(ImportError.Of(line, "district", "이 사업소의 구가 아닙니다 ({0}): '{1}'", string.Join(", ", districts), CsvFile.Shorten(district)));
            var useType = csv.Get(f, "use_type");
            if (!UseTypes.IsKnown(useType))
                errors.Add(ImportError.Of(line, "use_type", "용도는 {0} 중 하나여야 합니다: '{1}'", string.Join(", ", UseTypes.All), CsvFile.Shorten(useType)));
            var size = CsvFile.ParseWhole(csv.Get(f, "meter_size_mm"), line, "meter_size_mm", errors, 13, 500);
            var dong = csv.Get(f, "dong");
            if (dong.Length > 50) errors.Add(ImportError.Of(line, "dong", "{0}자를 넘습니다.", 50));
            var serial = csv.Get(f, "meter_serial");
            if (serial.Length > 40) errors.Add(ImportError.Of(line, "meter_serial", "{0}자를 넘습니다.", 40));
            if (errors.Count == before)
            {
                seen[account] = line;
                rows.Add(new Row(account, name!, phone, address!, dong.Length == 0 ? null : dong, district, useType, (int)size!, serial.Length == 0 ? null : serial));
            }
        }
        if (errors.Count > 0) throw new ImportFailedException(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        // One unit the execution strategy can run again whole (a deadlock or a dropped connection on SQL Server).
        var result = await db.Database.CreateExecutionStrategy().ExecuteAsync(() => db.Database.IsSqlServer()
            ? MergeAsync(officeId, rows, now, CsvImportExtensions.Written(progress, file.Rows), ct)
            : WriteAsync(officeId, rows, now, CsvImportExtensions.Written(progress, file.Rows), ct));
        return result;
    }

    /// <summary>SQL Server: the rows staged by bulk copy go in with one merge on the office and account number.</summary>
    public const string SqlServerStageName = "#CustomerStage";

    public static readonly string[] StagedProperties =
        ["OfficeId", "AccountNumber", "HolderName", "Phone", "PhoneDigits", "Address", "Dong", "District", "UseType", "MeterSizeMm", "MeterSerial"];

    public const string SqlServerMerge = SqlServerStage.DeclareActions + """
        MERGE [Customers] WITH (HOLDLOCK) AS t
        USING #CustomerStage AS s ON t.[OfficeId] = s.[OfficeId] AND t.[AccountNumber] = s.[AccountNumber]
        WHEN MATCHED THEN UPDATE SET [HolderName] = s.[HolderName], [Phone] = s.[Phone], [PhoneDigits] = s.[PhoneDigits],
            [Address] = s.[Address], [Dong] = s.[Dong], [District] = s.[District], [UseType] = s.[UseType],
            [MeterSizeMm] = s.[MeterSizeMm], [MeterSerial] = s.[MeterSerial], [UpdatedAtUtc] = @now, [UpdatedBy] = @by
        WHEN NOT MATCHED BY TARGET THEN
            INSERT ([OfficeId], [AccountNumber], [HolderName], [Phone], [PhoneDigits], [Address], [Dong], [District], [UseType],
                [MeterSizeMm], [MeterSerial], [CreatedAtUtc], [CreatedBy])
            VALUES (s.[OfficeId], s.[AccountNumber], s.[HolderName], s.[Phone], s.[PhoneDigits], s.[Address], s.[Dong], s.[District],
                s.[UseType], s.[MeterSizeMm], s.[MeterSerial], @now, @by)
        OUTPUT $action INTO @actions;
        """ + SqlServerStage.CountActions;

    /// <summary>The merge's parameters: when and by whom.</summary>
    public static void MergeParameters(System.Data.Common.DbCommand cmd, DateTime nowUtc, string by)
    {
        cmd.Add("@now", System.Data.DbType.DateTime2, nowUtc);
        cmd.Add("@by", System.Data.DbType.String, by, 256);
    }

    private async Task<ImportResult> MergeAsync(int officeId, List<Row> rows, DateTime now, IProgress<int>? progress, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await using var stage = new SqlServerStage(db, typeof(Customer), SqlServerStageName, StagedProperties);
            var done = 0;
            foreach (var r in rows)
            {
                stage.Add(officeId, r.Account, r.Name, r.Phone, Customer.DigitsOf(r.Phone), r.Address, r.Dong, r.District, r.UseType, r.MeterSize, r.Serial);
                if (++done % 1000 == 0) progress?.Report(done);
            }
            var (imported, updated) = await stage.MergeAsync(SqlServerMerge, cmd => MergeParameters(cmd, now, user.Name), ct);
            progress?.Report(done);
            await tx.CommitAsync(ct);
            return new ImportResult(imported, updated);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>SQLite: prepared insert and update commands, the office's accounts known beforehand.</summary>
    private async Task<ImportResult> WriteAsync(int officeId, List<Row> rows, DateTime now, IProgress<int>? progress, CancellationToken ct)
    {
        var existing = await db.Customers.Where(c => c.OfficeId == officeId)
            .Select(c => new { c.Id, c.AccountNumber }).ToDictionaryAsync(c => c.AccountNumber, c => c.Id, ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var connection = db.Database.GetDbConnection();
            var transaction = tx.GetDbTransaction();
            using var insert = new BulkWriter(connection, transaction, "Customers",
                ["OfficeId", "AccountNumber", "HolderName", "Phone", "PhoneDigits", "Address", "Dong", "District", "UseType", "MeterSizeMm", "MeterSerial", "CreatedAtUtc", "CreatedBy"]);
            using var update = new BulkWriter(connection, transaction, """
                UPDATE "Customers" SET "HolderName" = @p0, "Phone" = @p1, "PhoneDigits" = @p2, "Address" = @p3, "Dong" = @p4,
                "District" = @p5, "UseType" = @p6, "MeterSizeMm" = @p7, "MeterSerial" = @p8, "UpdatedAtUtc" = @p9, "UpdatedBy" = @p10
                WHERE "Id" = @p11
                """, 12);
            int imported = 0, updated = 0, done = 0;
            foreach (var r in rows)
            {
                if (existing.TryGetValue(r.Account, out var id))
                {
                    update.Insert(r.Name, r.Phone, Customer.DigitsOf(r.Phone), r.Address, r.Dong, r.District, r.UseType, r.MeterSize, r.Serial, now, user.Name, id);
                    updated++;
                }
                else
                {
                    insert.Insert(officeId, r.Account, r.Name, r.Phone, Customer.DigitsOf(r.Phone), r.Address, r.Dong, r.District, r.UseType, r.MeterSize, r.Serial, now, user.Name);
                    imported++;
                }
                if (++done % 1000 == 0) progress?.Report(done);
            }
            progress?.Report(done);
            await tx.CommitAsync(ct);
            return new ImportResult(imported, updated);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [GeneratedRegex(@"^\d{2,3}-\d{6,8}$")]
    private static partial Regex AccountPattern();
}
