using System.Data.Common;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AriSuTotalService.Infrastructure.Import;

/// <summary>
/// Meter readings from the reading system (CONTRACTS.md): whole m³, period_end after period_start, usage ≥ 0, a known
/// account; key account_number + period_end, re-importing updates. All-or-nothing: the rows are checked and written in
/// one pass inside one transaction; the first bad row stops the writing, the rest of the file is still checked (every
/// bad row, up to 200, reported) and the transaction is rolled back, so nothing of a refused file is stored. The file
/// is decoded while the office's accounts are loaded; rows are read in place (no string per field) and written through
/// one prepared upsert bound by position (no change tracking). Leak fee reductions waiting for a reading are worked
/// out again afterwards.
/// </summary>
public sealed class MeterReadingImport(ArisuDbContext db, Reductions.ReductionCalculation? reductions = null)
{
    public static readonly string[] Required = ["account_number", "period_start", "period_end", "reading_m3", "usage_m3"];

    /// <summary>Inserts or updates one reading (no RETURNING: it costs SQLite several times the upsert itself).</summary>
    public const string SqliteUpsert = """
        INSERT INTO "MeterReadings" ("CustomerId", "PeriodStart", "PeriodEnd", "ReadingM3", "UsageM3", "Days")
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5)
        ON CONFLICT ("CustomerId", "PeriodEnd") DO UPDATE SET
            "PeriodStart" = excluded."PeriodStart", "ReadingM3" = excluded."ReadingM3",
            "UsageM3" = excluded."UsageM3", "Days" = excluded."Days"
        """;

    /// <summary>Inserts or updates one reading and selects 1 when it was new, 0 when it was updated.</summary>
    public const string SqlServerUpsert = """
        UPDATE [MeterReadings] SET [PeriodStart] = @p1, [ReadingM3] = @p3, [UsageM3] = @p4, [Days] = @p5
        WHERE [CustomerId] = @p0 AND [PeriodEnd] = @p2;
        IF @@ROWCOUNT = 0
        BEGIN
            INSERT INTO [MeterReadings] ([CustomerId], [PeriodStart], [PeriodEnd], [ReadingM3], [UsageM3], [Days])
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5);
            SELECT 1;
        END
        ELSE
            SELECT 0;
        """;

    public async Task<ImportResult> RunAsync(int officeId, byte[] file, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        // The file is decoded and its header checked while the office's accounts are loaded.
        var open = Task.Run(() => (Records: CsvFile.Open(file, Required, [], out var columns), Columns: columns), ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            var accounts = await AccountsAsync(connection, officeId, ct);
            var account = accounts.GetAlternateLookup<ReadOnlySpan<char>>();
            var (records, columns) = await open;
            int iAccount = columns["account_number"], iStart = columns["period_start"], iEnd = columns["period_end"],
                iReading = columns["reading_m3"], iUsage = columns["usage_m3"];

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            IReadingUpsert upsert = db.Database.IsSqlServer()
                ? new AdoUpsert(connection, tx.GetDbTransaction())
                : new NativeUpsert((SqliteConnection)connection);

            var errors = new List<ImportError>();
            // Account and period end of every row → its line: a second row for the same key is refused.
            var seen = new Dictionary<long, int>();
            var inserted = 0;
            using (upsert)
            {
                while (records.Next())
                {
                    if (records.IsBlank) continue;
                    if (errors.Count >= CsvFile.MaxErrors) break;
                    var line = records.Line;
                    var before = errors.Count;
                    var number = records[iAccount];
                    if (!account.TryGetValue(number, out var customerId))
                        errors.Add(new ImportError(line, "account_number", $"등록되지 않은 수용가번호입니다: '{CsvFile.Shorten(number)}'"));
                    var start = CsvFile.ParseDate(records[iStart], line, "period_start", errors);
                    var end = CsvFile.ParseDate(records[iEnd], line, "period_end", errors);
                    if (start is { } s && end is { } e && e <= s)
                        errors.Add(new ImportError(line, "period_end", "검침 종료일은 시작일보다 뒤여야 합니다."));
                    var reading = CsvFile.ParseWhole(records[iReading], line, "reading_m3", errors, 0, 999_999_999);
                    var usage = CsvFile.ParseWhole(records[iUsage], line, "usage_m3", errors, 0, 99_999_999);
                    if (errors.Count != before) continue;
                    // Day numbers stay below 2^20 until the year 2871.
                    var key = customerId * (1L << 20) + end!.Value.DayNumber;
                    if (!seen.TryAdd(key, line))
                    {
                        errors.Add(new ImportError(line, "period_end", $"{seen[key]}행과 같은 수용가·검침 종료일입니다."));
                        continue;
                    }
                    // Once a row is refused nothing more is written (the transaction is rolled back); the rest is checked.
                    if (errors.Count > 0) continue;
                    if (upsert.Run(customerId, start!.Value, end.Value, reading!.Value, (int)usage!.Value)) inserted++;
                    if (seen.Count % 10_000 == 0) progress?.Report(records.Percent * 99 / 100);
                }
            }
            if (errors.Count > 0)
            {
                await tx.RollbackAsync(ct);
                throw new ImportFailedException(errors);
            }
            await tx.CommitAsync(ct);
            // Leak fee reductions waiting for this reading complete themselves.
            if (reductions is not null) await reductions.CompleteAwaitingAsync(officeId, ct);
            progress?.Report(100);
            return new ImportResult(inserted, seen.Count - inserted);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The office's account numbers and customer keys, through a plain reader (millions of rows).</summary>
    private static async Task<Dictionary<string, long>> AccountsAsync(DbConnection connection, int officeId, CancellationToken ct)
    {
        var accounts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT Id, AccountNumber FROM Customers WHERE OfficeId = @office";
        var p = cmd.CreateParameter();
        p.ParameterName = "@office";
        p.Value = officeId;
        cmd.Parameters.Add(p);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) accounts[reader.GetString(1)] = reader.GetInt64(0);
        return accounts;
    }

    private interface IReadingUpsert : IDisposable
    {
        /// <summary>Writes one reading; true when it was new.</summary>
        bool Run(long customerId, DateOnly start, DateOnly end, long reading, int usage);
    }

    /// <summary>SQLite: the prepared statement on the native handle.</summary>
    private sealed class NativeUpsert : IReadingUpsert
    {
        private readonly SqliteStatement _statement;
        private readonly int[] _at;

        public NativeUpsert(SqliteConnection connection)
        {
            _statement = new SqliteStatement(connection, SqliteUpsert);
            _at = [.. Enumerable.Range(0, 6).Select(i => _statement.PositionOf($"@p{i}"))];
        }

        public bool Run(long customerId, DateOnly start, DateOnly end, long reading, int usage)
        {
            var last = _statement.LastInsertRowId;
            _statement.Bind(_at[0], customerId);
            _statement.Bind(_at[1], start);
            _statement.Bind(_at[2], end);
            _statement.Bind(_at[3], reading);
            _statement.Bind(_at[4], usage);
            _statement.Bind(_at[5], end.DayNumber - start.DayNumber);
            _statement.Execute();
            return _statement.LastInsertRowId != last;
        }

        public void Dispose() => _statement.Dispose();
    }

    /// <summary>SQL Server: the prepared command, which says whether the row was new.</summary>
    private sealed class AdoUpsert(DbConnection connection, DbTransaction transaction) : IReadingUpsert
    {
        private readonly BulkWriter _writer = new(connection, transaction, SqlServerUpsert, 6);

        public bool Run(long customerId, DateOnly start, DateOnly end, long reading, int usage) =>
            Convert.ToInt64(_writer.Scalar(customerId, start, end, reading, usage, end.DayNumber - start.DayNumber),
                System.Globalization.CultureInfo.InvariantCulture) == 1;

        public void Dispose() => _writer.Dispose();
    }
}
