using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AriSuTotalService.Infrastructure.Import;

/// <summary>
/// Meter readings from the reading system (CONTRACTS.md): whole m³, period_end after period_start, usage ≥ 0, a known
/// account; key account_number + period_end, re-importing updates. All-or-nothing: every row is checked first (every
/// bad row, up to 200, reported), then one prepared upsert per provider writes them inside one transaction (no change
/// tracking). The file is decoded while the office's accounts are loaded. Leak fee reductions waiting for a reading are
/// worked out again afterwards.
/// </summary>
public sealed class MeterReadingImport(ArisuDbContext db, Reductions.ReductionCalculation? reductions = null)
{
    public static readonly string[] Required = ["account_number", "period_start", "period_end", "reading_m3", "usage_m3"];

    public const string SqliteUpsert = """
        INSERT INTO "MeterReadings" ("CustomerId", "PeriodStart", "PeriodEnd", "ReadingM3", "UsageM3", "Days")
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5)
        ON CONFLICT ("CustomerId", "PeriodEnd") DO UPDATE SET
            "PeriodStart" = excluded."PeriodStart", "ReadingM3" = excluded."ReadingM3",
            "UsageM3" = excluded."UsageM3", "Days" = excluded."Days"
        """;

    public const string SqlServerUpsert = """
        UPDATE [MeterReadings] SET [PeriodStart] = @p1, [ReadingM3] = @p3, [UsageM3] = @p4, [Days] = @p5
        WHERE [CustomerId] = @p0 AND [PeriodEnd] = @p2;
        IF @@ROWCOUNT = 0
            INSERT INTO [MeterReadings] ([CustomerId], [PeriodStart], [PeriodEnd], [ReadingM3], [UsageM3], [Days])
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5);
        """;

    private readonly record struct Row(long CustomerId, DateOnly Start, DateOnly End, long Reading, int Usage);

    public async Task<ImportResult> RunAsync(int officeId, byte[] file, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        // The file is read while the office's accounts are loaded.
        var parse = Task.Run(() => CsvFile.Parse(file, Required, []), ct);
        var accounts = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var c in db.Customers.IgnoreQueryFilters().AsNoTracking().Where(c => c.OfficeId == officeId)
                           .Select(c => new { c.Id, c.AccountNumber }).AsAsyncEnumerable().WithCancellation(ct))
            accounts[c.AccountNumber] = c.Id;
        var csv = await parse;
        int iAccount = csv.IndexOf("account_number"), iStart = csv.IndexOf("period_start"), iEnd = csv.IndexOf("period_end"),
            iReading = csv.IndexOf("reading_m3"), iUsage = csv.IndexOf("usage_m3");

        // Keys that exist already (only the file's range of period ends can collide): new or updated is known per row.
        var existing = await ExistingKeysAsync(csv, iEnd, ct);

        var errors = new List<ImportError>();
        var rows = new List<Row>(csv.Rows.Count);
        var seen = new Dictionary<(long, DateOnly), int>(csv.Rows.Count);
        foreach (var (line, f) in csv.Rows)
        {
            if (errors.Count >= CsvFile.MaxErrors) break;
            var before = errors.Count;
            var account = CsvFile.At(f, iAccount);
            if (!accounts.TryGetValue(account, out var customerId))
                errors.Add(new ImportError(line, "account_number", $"등록되지 않은 수용가번호입니다: '{CsvFile.Shorten(account)}'"));
            var start = CsvFile.ParseDate(CsvFile.At(f, iStart), line, "period_start", errors);
            var end = CsvFile.ParseDate(CsvFile.At(f, iEnd), line, "period_end", errors);
            if (start is { } s && end is { } e && e <= s)
                errors.Add(new ImportError(line, "period_end", "검침 종료일은 시작일보다 뒤여야 합니다."));
            var reading = CsvFile.ParseWhole(CsvFile.At(f, iReading), line, "reading_m3", errors, 0, 999_999_999);
            var usage = CsvFile.ParseWhole(CsvFile.At(f, iUsage), line, "usage_m3", errors, 0, 99_999_999);
            if (errors.Count != before) continue;
            if (!seen.TryAdd((customerId, end!.Value), line))
            {
                errors.Add(new ImportError(line, "period_end", $"{seen[(customerId, end.Value)]}행과 같은 수용가·검침 종료일입니다."));
                continue;
            }
            rows.Add(new Row(customerId, start!.Value, end.Value, reading!.Value, (int)usage!.Value));
        }
        if (errors.Count > 0) throw new ImportFailedException(errors);

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var updated = 0;
            using (var upsert = new BulkWriter(db.Database.GetDbConnection(), tx.GetDbTransaction(),
                       db.Database.IsSqlServer() ? SqlServerUpsert : SqliteUpsert, 6))
            {
                var done = 0;
                foreach (var r in rows)
                {
                    if (existing.Contains((r.CustomerId, r.End))) updated++;
                    upsert.Insert(r.CustomerId, r.Start, r.End, r.Reading, r.Usage, r.End.DayNumber - r.Start.DayNumber);
                    if (++done % 10_000 == 0) progress?.Report(done * 100 / rows.Count);
                }
            }
            await tx.CommitAsync(ct);
            // Leak fee reductions waiting for this reading complete themselves.
            if (reductions is not null) await reductions.CompleteAwaitingAsync(officeId, ct);
            progress?.Report(100);
            return new ImportResult(rows.Count - updated, updated);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<HashSet<(long, DateOnly)>> ExistingKeysAsync(CsvFile csv, int iEnd, CancellationToken ct)
    {
        var ends = csv.Rows.Select(r => CsvFile.At(r.Fields, iEnd)).Where(e => e.Length == 10).ToList();
        var existing = new HashSet<(long, DateOnly)>();
        if (ends.Count == 0) return existing;
        var errors = new List<ImportError>();
        var min = CsvFile.ParseDate(ends.Min(StringComparer.Ordinal)!, 0, "", errors);
        var max = CsvFile.ParseDate(ends.Max(StringComparer.Ordinal)!, 0, "", errors);
        if (min is not { } from || max is not { } to) return existing;
        await foreach (var k in db.MeterReadings.AsNoTracking().Where(r => r.PeriodEnd >= from && r.PeriodEnd <= to)
                           .Select(r => new { r.CustomerId, r.PeriodEnd }).AsAsyncEnumerable().WithCancellation(ct))
            existing.Add((k.CustomerId, k.PeriodEnd));
        return existing;
    }
}
