using System.Text.RegularExpressions;
using AriSuTotalService.Domain.Customers;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Notices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Import;

/// <summary>
/// Customers (수용가) from the billing system: header of CONTRACTS.md, key account_number; re-importing an account
/// updates it. All-or-nothing, streamed like the reading import: each record is checked and written in one pass inside
/// one transaction (the file is never held whole); the first bad row stops the writing, the rest of the file is still
/// checked and the transaction rolled back. The billing system is the record: values that are its business rather than
/// a broken row — a phone number the numbering plan does not know, an old six-digit postal code — are kept as written
/// and answered as warnings. A row equal to what is stored is not written again (no lock, no new audit stamp).
/// </summary>
public sealed partial class CustomerImport(ArisuDbContext db, ICurrentUser user, TimeProvider clock, DatabaseOptions? database = null) : ICsvImport
{
    public string Kind => "customers";

    public static readonly string[] Required = ["account_number", "holder_name", "phone", "address", "district", "use_type", "meter_size_mm"];
    public static readonly string[] Optional = ["dong", "meter_serial", "postal_code", "address_detail", "meter_installed_on"];

    /// <summary>The phone as written (dashes and spaces kept) fits its column.</summary>
    private const int MaxPhoneLength = 30;

    /// <summary>The earliest installation date a meter in service can have.</summary>
    public static readonly DateOnly EarliestInstall = new(1950, 1, 1);

    /// <summary>The written columns, in the order of every statement below.</summary>
    public static readonly string[] StagedProperties =
    [
        "OfficeId", "AccountNumber", "HolderName", "Phone", "PhoneDigits", "Address", "AddressDetail", "PostalCode", "Dong", "District",
        "UseType", "MeterSizeMm", "MeterSerial", "MeterInstalledOn",
    ];

    /// <summary>The columns a re-import compares and updates (everything but the key).</summary>
    private static readonly string[] Compared = StagedProperties[2..];

    private readonly record struct Row(string Account, string Name, string Phone, string Address, string? AddressDetail, string? PostalCode,
        string? Dong, string District, string UseType, int MeterSize, string? Serial, DateOnly? InstalledOn);

    private sealed record Columns(int Account, int Name, int Phone, int Address, int District, int UseType, int MeterSize, int Dong,
        int Serial, int PostalCode, int AddressDetail, int InstalledOn)
    {
        public static Columns Of(Dictionary<string, int> at) => new(at["account_number"], at["holder_name"], at["phone"], at["address"],
            at["district"], at["use_type"], at["meter_size_mm"], At(at, "dong"), At(at, "meter_serial"), At(at, "postal_code"),
            At(at, "address_detail"), At(at, "meter_installed_on"));

        private static int At(Dictionary<string, int> at, string column) => at.TryGetValue(column, out var i) ? i : -1;
    }

    public async Task<ImportResult> RunAsync(int officeId, CsvSource file, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var districts = (await db.Offices.AsNoTracking().Where(o => o.Id == officeId).Select(o => o.Districts).SingleAsync(ct))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Domain.Calendar.SeoulTime.Today(clock);
        // One unit the execution strategy can run again whole (a deadlock or a dropped connection on SQL Server).
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(() => WriteAsync(officeId, file, districts, today, now, progress, ct));
    }

    private async Task<ImportResult> WriteAsync(int officeId, CsvSource file, string[] districts, DateOnly today, DateTime now,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        using var records = CsvFile.Open(file, Required, Optional, out var columns);
        var at = Columns.Of(columns);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await using ICustomerUpsert upsert = db.Database.IsSqlServer()
                ? new StagedUpsert(db, now, user.Name, database?.BulkTimeoutSeconds ?? DatabaseOptions.DefaultBulkTimeoutSeconds)
                : new NativeUpsert((SqliteConnection)db.Database.GetDbConnection(), now, user.Name);
            var errors = new List<ImportError>();
            var warnings = new ImportWarnings();
            // Each account number once: packed to one number (the pattern checked below is the packed shape), with its line.
            var seen = new Dictionary<long, int>(file.Rows);
            var written = await StreamedImport.WalkAsync(records, errors, progress, (CsvRecords r, out Row row) =>
            {
                if (!TryRead(r, at, districts, today, errors, warnings, out row)) return false;
                AccountKeys.TryPack(row.Account, out var key);
                if (seen.TryAdd(key, r.Line)) return true;
                errors.Add(ImportError.Of(r.Line, "account_number", "{0}행과 같은 수용가번호입니다.", seen[key]));
                return false;
            }, row =>
            {
                upsert.Run(officeId, row);
                return ValueTask.CompletedTask;
            });
            if (errors.Count > 0)
            {
                await tx.RollbackAsync(ct);
                throw new ImportFailedException(errors);
            }
            var inserted = await upsert.FinishAsync(ct);
            await tx.CommitAsync(ct);
            return new ImportResult(inserted, written - inserted, warnings);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Checks one record; false (with its errors added) when it cannot be stored. Warnings never refuse a row.</summary>
    private static bool TryRead(CsvRecords records, Columns at, string[] districts, DateOnly today, List<ImportError> errors,
        ImportWarnings warnings, out Row row)
    {
        row = default;
        var line = records.Line;
        var before = errors.Count;
        var account = records[at.Account].ToString();
        if (!AccountPattern().IsMatch(account))
            errors.Add(ImportError.Of(line, "account_number", "수용가번호 형식이 아닙니다 (예: 12-3456789): '{0}'", CsvFile.Shorten(account)));
        var name = CsvFile.Required(records[at.Name].ToString(), line, "holder_name", errors, 100);
        var phone = records[at.Phone].ToString();
        if (phone.Length == 0)
            warnings.Add(line, "phone", KoreanPhone.NoNumber);
        else if (phone.Length > MaxPhoneLength || !KoreanPhone.IsPossible(phone))
            errors.Add(ImportError.Of(line, "phone", "전화번호 형식이 아닙니다: '{0}'", CsvFile.Shorten(phone)));
        else if (!KoreanPhone.TryParse(phone, out _, out _))
            warnings.Add(line, "phone", "번호 체계에 없는 전화번호입니다. 적힌 그대로 보관하며 문자는 보내지 않습니다.");
        var address = CsvFile.Required(records[at.Address].ToString(), line, "address", errors, 300);
        var district = records[at.District].ToString();
        if (!districts.Contains(district))
            errors.Add(ImportError.Of(line, "district", "이 사업소의 구가 아닙니다 ({0}): '{1}'", string.Join(", ", districts), CsvFile.Shorten(district)));
        var useType = records[at.UseType].ToString();
        if (!UseTypes.IsKnown(useType))
            errors.Add(ImportError.Of(line, "use_type", "용도는 {0} 중 하나여야 합니다: '{1}'", string.Join(", ", UseTypes.All), CsvFile.Shorten(useType)));
        var size = CsvFile.ParseWhole(records[at.MeterSize], line, "meter_size_mm", errors, 13, 500);
        var dong = OptionalText(records[at.Dong], line, "dong", 50, errors);
        var serial = OptionalText(records[at.Serial], line, "meter_serial", 40, errors);
        var detail = OptionalText(records[at.AddressDetail], line, "address_detail", Customer.MaxAddressDetailLength, errors);
        var postal = records[at.PostalCode].ToString();
        if (postal.Length == 0 || FiveDigitPostalCode().IsMatch(postal)) { }
        else if (SixDigitPostalCode().IsMatch(postal))
            warnings.Add(line, "postal_code", "2015년 8월 이전의 여섯 자리 우편번호입니다. 적힌 그대로 보관합니다: '{0}'", postal);
        else
            errors.Add(ImportError.Of(line, "postal_code", "우편번호는 다섯 자리 숫자여야 합니다: '{0}'", CsvFile.Shorten(postal)));
        DateOnly? installed = null;
        if (records[at.InstalledOn].Length > 0 && CsvFile.ParseDate(records[at.InstalledOn], line, "meter_installed_on", errors) is { } d)
        {
            if (d > today) errors.Add(ImportError.Of(line, "meter_installed_on", "앞으로의 날짜입니다: '{0}'", d.ToString("yyyy-MM-dd")));
            else if (d < EarliestInstall) errors.Add(ImportError.Of(line, "meter_installed_on", "{0} 이후의 날짜여야 합니다.", EarliestInstall.ToString("yyyy-MM-dd")));
            else installed = d;
        }
        if (errors.Count != before) return false;
        row = new Row(account, name!, phone, address!, detail, postal.Length == 0 ? null : postal, dong, district, useType, (int)size!, serial, installed);
        return true;
    }

    private static string? OptionalText(ReadOnlySpan<char> value, int line, string column, int max, List<ImportError> errors)
    {
        if (value.Length == 0) return null;
        if (value.Length <= max) return value.ToString();
        errors.Add(ImportError.Of(line, column, "{0}자를 넘습니다.", max));
        return null;
    }

    private interface ICustomerUpsert : IAsyncDisposable
    {
        void Run(int officeId, Row row);

        /// <summary>Writes what is held; returns how many customers were new.</summary>
        Task<int> FinishAsync(CancellationToken ct);
    }

    /// <summary>
    /// SQLite: one prepared upsert on the native handle. An account already stored is updated only when a value differs
    /// (<c>IS NOT</c> compares NULLs as values); a new one moves the connection's last row id.
    /// </summary>
    public static readonly string SqliteUpsert =
        $"INSERT INTO \"Customers\" ({string.Join(", ", StagedProperties.Select(c => $"\"{c}\""))}, \"CreatedAtUtc\", \"CreatedBy\")\n"
        + $"VALUES ({string.Join(", ", StagedProperties.Select((_, i) => $"@p{i}"))}, @now, @by)\n"
        + "ON CONFLICT (\"OfficeId\", \"AccountNumber\") DO UPDATE SET "
        + string.Join(", ", Compared.Select(c => $"\"{c}\" = excluded.\"{c}\"")) + ", \"UpdatedAtUtc\" = @now, \"UpdatedBy\" = @by\n"
        + "WHERE " + string.Join(" OR ", Compared.Select(c => $"\"{c}\" IS NOT excluded.\"{c}\""));

    private sealed class NativeUpsert : ICustomerUpsert
    {
        private readonly SqliteStatement _statement;
        private readonly int[] _at;
        private readonly SqliteInsertCounter _inserted;

        public NativeUpsert(SqliteConnection connection, DateTime now, string by)
        {
            _statement = new SqliteStatement(connection, SqliteUpsert);
            _inserted = SqliteInsertCounter.Start(connection, "Customers");
            _at = [.. StagedProperties.Select((_, i) => _statement.PositionOf($"@p{i}"))];
            _statement.Bind(_statement.PositionOf("@now"), now);
            _statement.Bind(_statement.PositionOf("@by"), by);
        }

        public void Run(int officeId, Row r)
        {
            _statement.Bind(_at[0], officeId);
            _statement.Bind(_at[1], r.Account);
            _statement.Bind(_at[2], r.Name);
            _statement.Bind(_at[3], r.Phone);
            _statement.Bind(_at[4], Customer.DigitsOf(r.Phone));
            _statement.Bind(_at[5], r.Address);
            _statement.Bind(_at[6], r.AddressDetail);
            _statement.Bind(_at[7], r.PostalCode);
            _statement.Bind(_at[8], r.Dong);
            _statement.Bind(_at[9], r.District);
            _statement.Bind(_at[10], r.UseType);
            _statement.Bind(_at[11], r.MeterSize);
            _statement.Bind(_at[12], r.Serial);
            _statement.Bind(_at[13], r.InstalledOn);
            _statement.Execute();
        }

        public Task<int> FinishAsync(CancellationToken ct) => Task.FromResult(_inserted.Inserted());

        public ValueTask DisposeAsync()
        {
            _statement.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>SQL Server: the rows staged by bulk copy go in with one merge on the office and account number.</summary>
    public const string SqlServerStageName = "#CustomerStage";

    /// <summary>
    /// An account already stored is updated only when a value differs (<c>EXISTS … EXCEPT</c> compares NULLs as values),
    /// so a re-import of an unchanged file locks and rewrites nothing of it.
    /// </summary>
    public static readonly string SqlServerMerge = SqlServerStage.DeclareActions
        + "MERGE [Customers] WITH (HOLDLOCK) AS t\n"
        + $"USING {SqlServerStage.Chunk(SqlServerStageName)} AS s ON t.[OfficeId] = s.[OfficeId] AND t.[AccountNumber] = s.[AccountNumber]\n"
        + $"WHEN MATCHED AND EXISTS (SELECT {string.Join(", ", Compared.Select(c => $"s.[{c}]"))} EXCEPT SELECT {string.Join(", ", Compared.Select(c => $"t.[{c}]"))}) THEN\n"
        + $"    UPDATE SET {string.Join(", ", Compared.Select(c => $"[{c}] = s.[{c}]"))}, [UpdatedAtUtc] = @now, [UpdatedBy] = @by\n"
        + "WHEN NOT MATCHED BY TARGET THEN\n"
        + $"    INSERT ({string.Join(", ", StagedProperties.Select(c => $"[{c}]"))}, [CreatedAtUtc], [CreatedBy])\n"
        + $"    VALUES ({string.Join(", ", StagedProperties.Select(c => $"s.[{c}]"))}, @now, @by)\n"
        + "OUTPUT $action INTO @actions;"
        + SqlServerStage.CountActions;

    /// <summary>The merge's parameters: when and by whom.</summary>
    public static void MergeParameters(System.Data.Common.DbCommand cmd, DateTime nowUtc, string by)
    {
        cmd.Add("@now", System.Data.DbType.DateTime2, nowUtc);
        cmd.Add("@by", System.Data.DbType.String, by, 256);
    }

    private sealed class StagedUpsert(ArisuDbContext db, DateTime now, string by, int timeoutSeconds) : ICustomerUpsert
    {
        private readonly SqlServerStage _stage = new(db, typeof(Customer), SqlServerStageName, StagedProperties, timeoutSeconds);

        public void Run(int officeId, Row r) =>
            _stage.Add(officeId, r.Account, r.Name, r.Phone, Customer.DigitsOf(r.Phone), r.Address, r.AddressDetail, r.PostalCode, r.Dong,
                r.District, r.UseType, r.MeterSize, r.Serial, r.InstalledOn);

        public async Task<int> FinishAsync(CancellationToken ct) =>
            (await _stage.MergeAsync(SqlServerMerge, cmd => MergeParameters(cmd, now, by), ct)).Inserted;

        public ValueTask DisposeAsync() => _stage.DisposeAsync();
    }

    [GeneratedRegex(@"^\d{2,3}-\d{6,8}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex FiveDigitPostalCode();

    [GeneratedRegex(@"^\d{3}-?\d{3}$")]
    private static partial Regex SixDigitPostalCode();
}
