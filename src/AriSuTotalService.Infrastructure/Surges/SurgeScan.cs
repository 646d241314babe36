using AriSuTotalService.Domain.Common;
using System.Data;
using System.Data.Common;
using AriSuTotalService.Domain.Surges;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AriSuTotalService.Infrastructure.Surges;

/// <summary>What a scan judged: <see cref="Skipped"/> includes the <see cref="Gaps"/> (previous reading too far back to compare).</summary>
public sealed record ScanCounts(int Compared, int Surges, int Notices, int NewUse, int Anomalies, int Skipped, int CasesAdded, int Gaps = 0);

/// <summary>How far a scan is: meters judged of the office's meters to judge.</summary>
public readonly record struct ScanProgress(int Judged, int ToJudge)
{
    /// <summary>0–100 for a run in <paramref name="state"/> (a finished run is 100).</summary>
    public int PercentFor(string state) => Import.Progress.Percent(Judged, ToJudge, finished: state is RunStates.Completed or RunStates.Failed);
}

/// <summary>
/// The monthly scan as set-based SQL over every meter of an office: the same statement runs on SQLite and SQL Server
/// but for the first-row syntax (64-bit integer arithmetic, no date functions: the readings carry their day count).
/// It applies <see cref="SurgeRule"/> — the tests hold the two to each other — and inserts a case for every new
/// surge, new use and anomaly. A rerun adds only what is new: worked cases are never touched.
/// </summary>
public static class SurgeScan
{
    /// <summary>
    /// The judged meters of one month: current reading = latest ending before the month is over, if it ends in the
    /// month; previous = the one before it. Driven by the office's meters in key order: per meter two seeks into the
    /// unique (meter, period end) index — each a step back from a bound, returning the reading's key — and two fetches by
    /// key. The meters come in key order, so the index pages they touch come in order too, and the cost follows the
    /// number of meters, not their history. {0}/{1} take the provider's first-row syntax (TOP 1 / LIMIT 1). The meters
    /// are those with keys in (@after, @upTo]: a scan that shows its progress judges them a slice at a time.
    /// </summary>
    private const string JudgedTemplate = """
        WITH latest AS (
            SELECT c."Id" AS "CustomerId",
                (SELECT {0}r."Id" FROM "MeterReadings" r
                 WHERE r."CustomerId" = c."Id" AND r."PeriodEnd" < @to ORDER BY r."PeriodEnd" DESC{1}) AS "CurId"
            FROM "Customers" c
            WHERE c."OfficeId" = @office AND c."Id" > @after AND c."Id" <= @upTo
        ),
        cur AS (
            SELECT l."CustomerId", r."PeriodStart", r."PeriodEnd", r."ReadingM3", r."UsageM3", r."Days",
                (SELECT {0}p."Id" FROM "MeterReadings" p
                 WHERE p."CustomerId" = l."CustomerId" AND p."PeriodEnd" < r."PeriodEnd" ORDER BY p."PeriodEnd" DESC{1}) AS "PrevId"
            FROM latest l
            INNER JOIN "MeterReadings" r ON r."Id" = l."CurId"
            WHERE r."PeriodEnd" >= @from
        ),
        pairs AS (
            SELECT cur."CustomerId", cur."PeriodStart" AS "CurStart", cur."PeriodEnd" AS "CurEnd", cur."ReadingM3" AS "CurReading",
                   CAST(cur."UsageM3" AS BIGINT) AS "CurUsage", cur."Days" AS "CurDays",
                   prev."PeriodEnd" AS "PrevEnd", prev."ReadingM3" AS "PrevReading",
                   CAST(prev."UsageM3" AS BIGINT) AS "PrevUsage", prev."Days" AS "PrevDays"
            FROM cur
            LEFT JOIN "MeterReadings" prev ON prev."Id" = cur."PrevId"
        ),
        judged AS (
            SELECT p."CustomerId", p."CurEnd", p."CurUsage", p."CurDays", p."PrevEnd", p."PrevUsage", p."PrevDays",
                CASE
                    WHEN p."PrevEnd" IS NULL THEN 'skipped'
                    WHEN {3} THEN 'gap'
                    WHEN p."CurReading" < p."PrevReading" THEN 'anomaly'
                    WHEN p."PrevUsage" = 0 THEN CASE WHEN p."CurUsage" >= @min THEN 'newUse' ELSE 'none' END
                    WHEN p."CurUsage" * p."PrevDays" - p."PrevUsage" * p."CurDays" < @min * p."PrevDays" THEN 'none'
                    WHEN p."CurUsage" * p."PrevDays" * 100 >= (100 + @diagnosis) * p."PrevUsage" * p."CurDays"
                      OR p."CurUsage" * p."PrevDays" * 100 >= (100 + @notice) * p."PrevUsage" * p."CurDays" THEN 'surge'
                    ELSE 'none'
                END AS "Kind",
                CASE WHEN p."PrevEnd" IS NOT NULL AND p."CurReading" >= p."PrevReading" AND p."PrevUsage" > 0
                      AND p."CurUsage" * p."PrevDays" - p."PrevUsage" * p."CurDays" >= @min * p."PrevDays"
                      AND p."CurUsage" * p."PrevDays" * 100 >= (100 + @diagnosis) * p."PrevUsage" * p."CurDays"
                     THEN 1 ELSE 0 END AS "Diagnosis",
                CASE WHEN p."PrevEnd" IS NULL OR p."PrevUsage" = 0 THEN NULL
                     WHEN (p."CurUsage" * p."PrevDays" - p."PrevUsage" * p."CurDays") * 1000 / (p."PrevUsage" * p."CurDays") > {2} THEN {2}
                     ELSE (p."CurUsage" * p."PrevDays" - p."PrevUsage" * p."CurDays") * 1000 / (p."PrevUsage" * p."CurDays") END AS "IncreaseTenths"
            FROM pairs p
        )
        """;

    /// <summary>{3}: the previous reading ends more than the gap limit before the current one starts (the dialects' day difference).</summary>
    private static readonly string SqliteJudged = string.Format(System.Globalization.CultureInfo.InvariantCulture, JudgedTemplate, "", " LIMIT 1",
        SurgeRule.MaxIncreaseTenths, $"julianday(p.\"CurStart\") - julianday(p.\"PrevEnd\") > {SurgeRule.MaxGapDays}");
    private static readonly string SqlServerJudged = string.Format(System.Globalization.CultureInfo.InvariantCulture, JudgedTemplate, "TOP 1 ", "",
        SurgeRule.MaxIncreaseTenths, $"DATEDIFF(day, p.\"PrevEnd\", p.\"CurStart\") > {SurgeRule.MaxGapDays}");

    /// <summary>
    /// SQLite: the judgement is computed once into a temporary table of the connection; the insert and the counts read
    /// it in their own statements.
    /// </summary>
    public static readonly string SqliteMaterialize = "CREATE TEMP TABLE \"ScanJudged\" AS\n" + SqliteJudged + "SELECT * FROM judged;";
    /// <summary>SQLite, a scan in slices: each slice after the first adds its judgement to the temporary table.</summary>
    public static readonly string SqliteAppend = "INSERT INTO temp.\"ScanJudged\"\n" + SqliteJudged + "SELECT * FROM judged;";
    /// <summary>SQLite keeps the temporary judgement in memory rather than in a temporary file.</summary>
    public const string SqlitePrepare = "PRAGMA temp_store = MEMORY;";
    public const string SqliteDrop = "DROP TABLE IF EXISTS temp.\"ScanJudged\";";
    public const string SqliteCount = CountColumns + "\nFROM \"ScanJudged\";";
    public const string SqliteInsert = InsertTemplate + "\"ScanJudged\" j" + InsertFilter;

    /// <summary>
    /// SQL Server: one batch. A command with parameters runs through <c>sp_executesql</c>, and a temporary table made
    /// inside it is dropped when that call returns — so the judgement, the insert and the counts (with the number of
    /// cases added) are made and read in the same batch. One row: compared, diagnosis, notice, new use, anomalies,
    /// skipped, gaps, added.
    /// </summary>
    public static readonly string SqlServerScan = SqlServerJudged + "SELECT * INTO #ScanJudged FROM judged;\n"
        + InsertTemplate + "#ScanJudged j" + InsertFilter
        + "\nDECLARE @added int = @@ROWCOUNT;\n"
        + CountColumns + ",\n    @added\nFROM #ScanJudged;\n"
        + "DROP TABLE #ScanJudged;";

    private const string CountColumns = """
        SELECT
            COALESCE(SUM(CASE WHEN "Kind" NOT IN ('skipped', 'gap') THEN 1 ELSE 0 END), 0),
            COALESCE(SUM(CASE WHEN "Kind" = 'surge' AND "Diagnosis" = 1 THEN 1 ELSE 0 END), 0),
            COALESCE(SUM(CASE WHEN "Kind" = 'surge' THEN 1 ELSE 0 END), 0),
            COALESCE(SUM(CASE WHEN "Kind" = 'newUse' THEN 1 ELSE 0 END), 0),
            COALESCE(SUM(CASE WHEN "Kind" = 'anomaly' THEN 1 ELSE 0 END), 0),
            COALESCE(SUM(CASE WHEN "Kind" IN ('skipped', 'gap') THEN 1 ELSE 0 END), 0),
            COALESCE(SUM(CASE WHEN "Kind" = 'gap' THEN 1 ELSE 0 END), 0)
        """;

    private const string InsertTemplate = """
        INSERT INTO "SurgeCases" ("OfficeId", "Period", "CustomerId", "Kind", "OnDiagnosisList", "OnNoticeList",
            "PreviousUsageM3", "PreviousDays", "CurrentUsageM3", "CurrentDays", "PreviousPeriodEnd", "CurrentPeriodEnd",
            "IncreaseTenths", "Status", "ContactAttempts", "NeedsLetter", "Version", "CreatedAtUtc", "CreatedBy")
        SELECT @office, @period, j."CustomerId", j."Kind",
            CASE WHEN j."Kind" = 'surge' AND j."Diagnosis" = 1 THEN 1 ELSE 0 END,
            CASE WHEN j."Kind" = 'surge' THEN 1 ELSE 0 END,
            j."PrevUsage", j."PrevDays", j."CurUsage", j."CurDays", j."PrevEnd", j."CurEnd",
            j."IncreaseTenths", 'open', 0, 0, @version, @now, 'scan'
        FROM 
        """;

    private const string InsertFilter = """

        WHERE j."Kind" IN ('surge', 'newUse', 'anomaly')
          AND NOT EXISTS (SELECT 1 FROM "SurgeCases" s WHERE s."CustomerId" = j."CustomerId" AND s."Period" = @period);
        """;

    /// <summary>Meters a slice of a scan that shows progress judges at once (the per-slice cost is measured in docs/benchmarks.md).</summary>
    public const int SliceMeters = 50_000;

    /// <summary>The office's meters in a slice of keys.</summary>
    public const string SliceMetersSql = "SELECT COUNT(*) FROM \"Customers\" c WHERE c.\"OfficeId\" = @office AND c.\"Id\" > @after AND c.\"Id\" <= @upTo;";

    /// <summary>The office's meters: how many, the first and the last key.</summary>
    public const string MetersSql = "SELECT COUNT(*), MIN(\"Id\"), MAX(\"Id\") FROM \"Customers\" WHERE \"OfficeId\" = @office;";

    /// <summary>
    /// Scans the office's month in one transaction. With <paramref name="progress"/>, the meters are judged a slice of
    /// about <see cref="SliceMeters"/> keys at a time (same transaction; SQLite gathers the slices' judgement in its
    /// temporary table, SQL Server adds up each slice's batch) and each slice reports the meters judged of the meters
    /// to judge; without, in one statement.
    /// </summary>
    public static async Task<ScanCounts> RunAsync(ArisuDbContext db, int officeId, DateOnly period, SurgeThresholds t, DateTime nowUtc,
        CancellationToken ct = default, IProgress<ScanProgress>? progress = null, int sliceMeters = SliceMeters)
    {
        var first = new DateOnly(period.Year, period.Month, 1);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                var sqlite = db.Database.IsSqlite();
                var connection = db.Database.GetDbConnection();
                if (sqlite)
                {
                    await using (var prepare = connection.CreateCommand())
                    {
                        prepare.CommandText = SqlitePrepare;
                        await prepare.ExecuteNonQueryAsync(ct);
                    }
                }
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var dbTx = tx.GetDbTransaction();
                // Slices (after, upTo] of the office's key range, about sliceMeters meters each; one slice of every
                // meter when no one watches.
                var bounds = new List<(long After, long UpTo)>();
                var toJudge = 0;
                if (progress is null) bounds.Add((long.MinValue, long.MaxValue));
                else
                {
                    long low = 0, high = -1;
                    await using (var count = MetersCommand(connection, dbTx, officeId))
                    await using (var reader = await count.ExecuteReaderAsync(ct))
                        if (await reader.ReadAsync(ct) && !reader.IsDBNull(1))
                            (toJudge, low, high) = (reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2));
                    var slices = Math.Max(1, (toJudge + sliceMeters - 1) / sliceMeters);
                    var width = (high - low + slices) / slices;
                    for (var after = low - 1; after < high; after += width) bounds.Add((after, Math.Min(high, after + width)));
                    progress.Report(new ScanProgress(0, toJudge));
                }
                var counts = new int[8];
                var judged = 0;
                DbCommand Make(string sql, long after = long.MinValue, long upTo = long.MaxValue)
                {
                    var cmd = Command(connection, dbTx, sql, officeId, first, t, nowUtc, sqlite);
                    cmd.Parameters["@after"].Value = after;
                    cmd.Parameters["@upTo"].Value = upTo;
                    return cmd;
                }
                if (sqlite)
                {
                    // The judgement of every slice goes into one temporary table; the cases and counts are read from it once.
                    await using (var drop = Make(SqliteDrop)) await drop.ExecuteNonQueryAsync(ct);
                    for (var i = 0; i < bounds.Count; i++)
                    {
                        var (after, upTo) = bounds[i];
                        await using (var judge = Make(i == 0 ? SqliteMaterialize : SqliteAppend, after, upTo)) await judge.ExecuteNonQueryAsync(ct);
                        judged = await ReportAsync(after, upTo);
                    }
                    if (bounds.Count == 0)
                        await using (var judge = Make(SqliteMaterialize, 0, 0)) await judge.ExecuteNonQueryAsync(ct);
                    int added;
                    await using (var insert = Make(SqliteInsert)) added = await insert.ExecuteNonQueryAsync(ct);
                    await using (var count = Make(SqliteCount)) counts = [.. await ReadRowAsync(count, 7, ct), added];
                    await using (var drop = Make(SqliteDrop)) await drop.ExecuteNonQueryAsync(ct);
                }
                else
                {
                    // SQL Server: the whole batch per slice (its temporary table lives for the call), the counts added up.
                    foreach (var (after, upTo) in bounds)
                    {
                        await using var scan = Make(SqlServerScan, after, upTo);
                        var slice = await ReadRowAsync(scan, 8, ct);
                        for (var k = 0; k < counts.Length; k++) counts[k] += slice[k];
                        judged = await ReportAsync(after, upTo);
                    }
                }

                async Task<int> ReportAsync(long after, long upTo)
                {
                    if (progress is null) return judged;
                    await using var meters = Make(SliceMetersSql, after, upTo);
                    var done = judged + Convert.ToInt32(await meters.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
                    progress.Report(new ScanProgress(done, toJudge));
                    return done;
                }
                await tx.CommitAsync(ct);
                return new ScanCounts(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[7], counts[6]);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
    }

    public static DbCommand MetersCommand(DbConnection connection, DbTransaction? tx, int officeId)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = MetersSql;
        cmd.Add("@office", DbType.Int32, officeId);
        return cmd;
    }

    private static async Task<int[]> ReadRowAsync(DbCommand command, int columns, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        // The SQL Server batch's insert and variable come before its one result set.
        while (reader.FieldCount == 0 && await reader.NextResultAsync(ct)) { }
        if (!await reader.ReadAsync(ct)) throw new InvalidOperationException("the scan returned no counts");
        return [.. Enumerable.Range(0, columns).Select(i => Convert.ToInt32(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))];
    }

    /// <summary>A scan command of the office and month, built without running it (the readiness tests read it).</summary>
    public static DbCommand Command(DbConnection connection, DbTransaction? tx, string sql, int officeId, DateOnly first, SurgeThresholds t,
        DateTime nowUtc, bool sqlite)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        // Every statement gets every parameter, each with its type.
        cmd.Add("@office", DbType.Int32, officeId);
        cmd.Add("@from", DbType.Date, first);
        cmd.Add("@to", DbType.Date, first.AddMonths(1));
        cmd.Add("@period", DbType.Date, first);
        cmd.Add("@diagnosis", DbType.Int64, (long)t.DiagnosisPercent);
        cmd.Add("@notice", DbType.Int64, (long)t.NoticePercent);
        cmd.Add("@min", DbType.Int64, (long)t.MinIncreaseM3);
        var version = Guid.NewGuid();
        if (sqlite) cmd.Add("@version", DbType.String, version.ToString().ToUpperInvariant());
        else cmd.Add("@version", DbType.Guid, version);
        cmd.Add("@now", DbType.DateTime2, nowUtc);
        // Every meter unless the caller narrows it to a slice.
        cmd.Add("@after", DbType.Int64, long.MinValue);
        cmd.Add("@upTo", DbType.Int64, long.MaxValue);
        return cmd;
    }
}
