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
public sealed class MeterReadingImport(ArisuDbContext db, Reductions.ReductionCalculation? reductions = null, DatabaseOptions? database = null) : ICsvImport
{
    public string Kind => "meter-readings";

    public static readonly string[] Required = ["account_number", "period_start", "period_end", "reading_m3", "usage_m3"];

    /// <summary>Inserts or updates one reading (no RETURNING: it costs SQLite several times the upsert itself).</summary>
    public const string SqliteUpsert = """
        INSERT INTO "MeterReadings" ("CustomerId", "PeriodStart", "PeriodEnd", "ReadingM3", "UsageM3", "Days")
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5)
        ON CONFLICT ("CustomerId", "PeriodEnd") DO UPDATE SET
            "PeriodStart" = excluded."PeriodStart", "ReadingM3" = excluded."ReadingM3",
            "UsageM3" = excluded."UsageM3", "Days" = excluded."Days"
        """;

    /// <summary>SQL Server: the readings staged by bulk copy go in with one merge, which counts what was new.</summary>
    public const string SqlServerStageName = "#ReadingStage";

    public static readonly string[] StagedProperties = ["CustomerId", "PeriodStart", "PeriodEnd", "ReadingM3", "UsageM3", "Days"];

    public static readonly string SqlServerMerge = SqlServerStage.DeclareActions + $"""
        MERGE [MeterReadings] WITH (HOLDLOCK) AS t
        USING {SqlServerStage.Chunk(SqlServerStageName)} AS s ON t.[CustomerId] = s.[CustomerId] AND t.[PeriodEnd] = s.[PeriodEnd]
        WHEN MATCHED THEN UPDATE SET [PeriodStart] = s.[PeriodStart], [ReadingM3] = s.[ReadingM3], [UsageM3] = s.[UsageM3], [Days] = s.[Days]
        WHEN NOT MATCHED BY TARGET THEN
            INSERT ([CustomerId], [PeriodStart], [PeriodEnd], [ReadingM3], [UsageM3], [Days])
            VALUES (s.[CustomerId], s.[PeriodStart], s.[PeriodEnd], s.[ReadingM3], s.[UsageM3], s.[Days])
        OUTPUT $action INTO @actions;
        """ + SqlServerStage.CountActions;

    public async Task<ImportResult> RunAsync(int officeId, CsvSource file, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        // One unit the execution strategy can run again whole (a deadlock or a dropped connection on SQL Server).
        var result = await db.Database.CreateExecutionStrategy().ExecuteAsync(() => WriteAsync(officeId, file, progress, ct));
        // Leak fee reductions waiting for these readings complete themselves.
        if (reductions is not null) await reductions.CompleteAwaitingAsync(officeId, ct);
        return result;
    }

    private async Task<ImportResult> WriteAsync(int officeId, CsvSource file, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        // The file is decoded and its header checked while the office's accounts are loaded.
        var open = Task.Run(() => (Records: CsvFile.Open(file, Required, [], out var columns), Columns: columns), ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            var accounts = await AccountKeys.LoadAsync(connection, officeId, ct);
            var (records, columns) = await open;
            using var _ = records;
            var columnsAt = new Columns(columns);

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await using IReadingUpsert upsert = db.Database.IsSqlServer()
                ? new StagedUpsert(db, database?.BulkTimeoutSeconds ?? DatabaseOptions.DefaultBulkTimeoutSeconds)
                : new NativeUpsert((SqliteConnection)connection);

            var errors = new List<ImportError>();
            // Account and period end of every row: a second row for the same key is refused. The set is sized for the
            // file (no regrowth); the line a repeated key first stood on is found by reading the file again, only then.
            var seen = new HashSet<long>(file.Rows);
            var repeated = new List<(int Error, long Key)>();
            await StreamedImport.WalkAsync(records, errors, progress, (CsvRecords r, out Row row) =>
            {
                if (!TryRead(r, columnsAt, accounts, errors, out row)) return false;
                if (seen.Add(row.Key)) return true;
                repeated.Add((errors.Count, row.Key));
                errors.Add(ImportError.Of(r.Line, "period_end", ""));
                return false;
            }, row =>
            {
                upsert.Run(row.CustomerId, row.Start, row.End, row.Reading, row.Usage);
                return ValueTask.CompletedTask;
            });
            if (errors.Count > 0)
            {
                // Every record read was checked; none is written.
                await tx.RollbackAsync(ct);
                if (repeated.Count > 0) NameFirstLines(file, accounts, repeated, errors);
                throw new ImportFailedException(errors);
            }
            var inserted = await upsert.FinishAsync(ct);
            await tx.CommitAsync(ct);
            return new ImportResult(inserted, seen.Count - inserted);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private readonly record struct Columns(int Account, int Start, int End, int Reading, int Usage)
    {
        public Columns(Dictionary<string, int> at)
            : this(at["account_number"], at["period_start"], at["period_end"], at["reading_m3"], at["usage_m3"])
        {
        }
    }

    private readonly record struct Row(long CustomerId, DateOnly Start, DateOnly End, long Reading, int Usage)
    {
        /// <summary>Customer and period end in one number (day numbers stay below 2^20 until the year 2871).</summary>
        public long Key => CustomerId * (1L << 20) + End.DayNumber;
    }

    /// <summary>Checks one record; false (with its errors added) when it cannot be stored.</summary>
    private static bool TryRead(CsvRecords records, Columns at, AccountKeys accounts, List<ImportError> errors, out Row row)
    {
        row = default;
        var line = records.Line;
        var before = errors.Count;
        var number = records[at.Account];
        if (!accounts.TryGet(number, out var customerId))
            errors.Add(ImportError.Of(line, "account_number", "등록되지 않은 수용가번호입니다: '{0}'", CsvFile.Shorten(number)));
        var start = CsvFile.ParseDate(records[at.Start], line, "period_start", errors);
        var end = CsvFile.ParseDate(records[at.End], line, "period_end", errors);
        if (start is { } s && end is { } e && e <= s)
            errors.Add(ImportError.Of(line, "period_end", "검침 종료일은 시작일보다 뒤여야 합니다."));
        var reading = CsvFile.ParseWhole(records[at.Reading], line, "reading_m3", errors, 0, 999_999_999);
        var usage = CsvFile.ParseWhole(records[at.Usage], line, "usage_m3", errors, 0, 99_999_999);
        if (errors.Count != before) return false;
        row = new Row(customerId, start!.Value, end!.Value, reading!.Value, (int)usage!.Value);
        return true;
    }

    /// <summary>A refused file that repeats a key: reads it again for the line each repeated key first stood on.</summary>
    private static void NameFirstLines(CsvSource file, AccountKeys accounts, List<(int Error, long Key)> repeated, List<ImportError> errors)
    {
        var first = repeated.Select(r => r.Key).ToHashSet().ToDictionary(k => k, _ => 0);
        using var records = CsvFile.Open(file, Required, [], out var columns);
        var at = new Columns(columns);
        var scratch = new List<ImportError>();
        var left = first.Count;
        while (left > 0 && records.Next())
        {
            if (records.IsBlank) continue;
            scratch.Clear();
            if (TryRead(records, at, accounts, scratch, out var row) && first.TryGetValue(row.Key, out var line) && line == 0)
            {
                first[row.Key] = records.Line;
                left--;
            }
        }
        foreach (var (index, key) in repeated)
            errors[index] = ImportError.Of(errors[index].Line, errors[index].Column, "{0}행과 같은 수용가·검침 종료일입니다.", first[key]);
    }

    private interface IReadingUpsert : IAsyncDisposable
    {
        /// <summary>Writes (or holds) one reading.</summary>
        void Run(long customerId, DateOnly start, DateOnly end, long reading, int usage);

        /// <summary>Writes what is held; returns how many readings were new.</summary>
        Task<int> FinishAsync(CancellationToken ct);
    }

    /// <summary>SQLite: the prepared statement on the native handle.</summary>
    private sealed class NativeUpsert : IReadingUpsert
    {
        private readonly SqliteStatement _statement;
        private readonly int[] _at;
        private readonly SqliteInsertCounter _inserted;

        public NativeUpsert(SqliteConnection connection)
        {
            _statement = new SqliteStatement(connection, SqliteUpsert);
            _inserted = SqliteInsertCounter.Start(connection, "MeterReadings");
            _at = [.. Enumerable.Range(0, 6).Select(i => _statement.PositionOf($"@p{i}"))];
        }

        public void Run(long customerId, DateOnly start, DateOnly end, long reading, int usage)
        {
            _statement.Bind(_at[0], customerId);
            _statement.Bind(_at[1], start);
            _statement.Bind(_at[2], end);
            _statement.Bind(_at[3], reading);
            _statement.Bind(_at[4], usage);
            _statement.Bind(_at[5], end.DayNumber - start.DayNumber);
            _statement.Execute();
        }

        public Task<int> FinishAsync(CancellationToken ct) => Task.FromResult(_inserted.Inserted());

        public ValueTask DisposeAsync()
        {
            _statement.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>SQL Server: bulk copy into the stage, one merge at the end.</summary>
    private sealed class StagedUpsert(ArisuDbContext db, int timeoutSeconds) : IReadingUpsert
    {
        private readonly SqlServerStage _stage = new(db, typeof(Domain.Meters.MeterReading), SqlServerStageName, StagedProperties, timeoutSeconds);

        public void Run(long customerId, DateOnly start, DateOnly end, long reading, int usage) =>
            _stage.Add(customerId, start, end, reading, usage, end.DayNumber - start.DayNumber);

        public async Task<int> FinishAsync(CancellationToken ct) => (await _stage.MergeAsync(SqlServerMerge, null, ct)).Inserted;

        public ValueTask DisposeAsync() => _stage.DisposeAsync();
    }
}
