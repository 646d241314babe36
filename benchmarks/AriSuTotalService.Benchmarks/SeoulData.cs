using System.Globalization;
using System.Text;
using AriSuTotalService.Infrastructure;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Surges;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Benchmarks;

/// <summary>
/// Seoul-scale meter data through the bulk paths, deterministic for the seed: meters over 25 districts, the
/// previous and current reading period of each (70 % bi-monthly), ~3 % true surges and ~0.2 % meter replacements.
/// </summary>
public static class SeoulData
{
    public static ArisuDbContext Context(string file)
    {
        var options = new DbContextOptionsBuilder<ArisuDbContext>();
        DependencyInjection.Configure(options, new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" });
        return new ArisuDbContext(options.Options);
    }

    public static async Task EnsureAsync(string file, int meters)
    {
        if (File.Exists(file))
        {
            // A data set made by an earlier build gets the schema's later migrations (indexes).
            await using var existing = Context(file);
            await existing.Database.MigrateAsync();
            return;
        }
        var sw = System.Diagnostics.Stopwatch.StartNew();
        await using (var db = Context(file))
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            db.Offices.Add(new AriSuTotalService.Domain.Offices.Office("서울특별시 상수도사업본부(벤치마크)", "서울", ["관악구", "금천구", "동작구", "영등포구"]));
            await db.SaveChangesAsync();
            await db.Database.OpenConnectionAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            var rnd = new Random(2017);
            var now = DateTime.UtcNow;
            using (var w = BulkWriter.For(db, "Customers", "Id", "OfficeId", "AccountNumber", "HolderName", "Phone", "PhoneDigits", "Address", "District", "UseType", "MeterSizeMm", "CreatedAtUtc"))
            {
                for (var i = 1; i <= meters; i++)
                    w.Insert(i, 1, $"{i % 25 + 10:00}-{i:0000000}", "수용가", "010-0000-0000", "01000000000", "서울특별시", "관악구", "가정용", 15, now);
            }
            using (var w = BulkWriter.For(db, "MeterReadings", "CustomerId", "PeriodStart", "PeriodEnd", "ReadingM3", "UsageM3", "Days"))
            {
                for (var i = 1; i <= meters; i++)
                {
                    var bimonthly = rnd.Next(100) < 70;
                    var days = bimonthly ? 61 : 30;
                    var curEnd = new DateOnly(2026, 10, 1).AddDays(rnd.Next(31));
                    var curStart = curEnd.AddDays(-days);
                    var prevStart = curStart.AddDays(-days);
                    var perDay = 0.2 + rnd.NextDouble() * 0.8;
                    var prev = (int)(perDay * days * (0.9 + rnd.NextDouble() * 0.2));
                    var roll = rnd.Next(1000);
                    var cur = (int)(perDay * days * (0.9 + rnd.NextDouble() * 0.2) * (roll < 30 ? 1.5 + rnd.NextDouble() : 1));
                    long index = 1000 + rnd.Next(5000);
                    w.Insert(i, prevStart, curStart, index, prev, days);
                    w.Insert(i, curStart, curEnd, roll is >= 30 and < 32 ? cur : index + cur, cur, days);
                }
            }
            await tx.CommitAsync();
        }
        SqliteConnection.ClearAllPools();
        Console.WriteLine($"generated {meters:N0} meters and {meters * 2:N0} readings in {sw.Elapsed.TotalSeconds:0.0} s");
    }

    public static async Task ClearCasesAsync(string file)
    {
        await using var db = Context(file);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"SurgeCases\"");
    }

    /// <summary>The scan's two statements straight through Microsoft.Data.Sqlite: no EF, no app.</summary>
    public static async Task<int> BareScanAsync(string file, DateOnly period)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using (var prepare = connection.CreateCommand())
        {
            prepare.CommandText = SurgeScan.SqlitePrepare;
            await prepare.ExecuteNonQueryAsync();
        }
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        int written;
        await using (var judge = Command(connection, tx, SurgeScan.SqliteMaterialize, period)) await judge.ExecuteNonQueryAsync();
        await using (var insert = Command(connection, tx, SurgeScan.SqliteInsert, period)) written = await insert.ExecuteNonQueryAsync();
        await using (var count = Command(connection, tx, SurgeScan.SqliteCount, period)) await using (var r = await count.ExecuteReaderAsync()) await r.ReadAsync();
        await using (var drop = Command(connection, tx, SurgeScan.SqliteDrop, period)) await drop.ExecuteNonQueryAsync();
        await tx.CommitAsync();
        return written;
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction tx, string sql, DateOnly period)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        cmd.Parameters.AddWithValue("@office", 1);
        cmd.Parameters.AddWithValue("@from", period);
        cmd.Parameters.AddWithValue("@to", period.AddMonths(1));
        cmd.Parameters.AddWithValue("@period", period);
        cmd.Parameters.AddWithValue("@diagnosis", 40L);
        cmd.Parameters.AddWithValue("@notice", 30L);
        cmd.Parameters.AddWithValue("@min", 3L);
        cmd.Parameters.AddWithValue("@version", Guid.NewGuid().ToString().ToUpperInvariant());
        cmd.Parameters.AddWithValue("@now", DateTime.UtcNow);
        cmd.Parameters.AddWithValue("@after", long.MinValue);
        cmd.Parameters.AddWithValue("@upTo", long.MaxValue);
        return cmd;
    }

    /// <summary>The next period's readings of every meter as the reading system would send them (two rows a meter: 4,540,000 at scale 1).</summary>
    public static async Task WriteNextMonthCsvAsync(string file, string csvPath)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT c."AccountNumber", r."PeriodEnd", r."ReadingM3" FROM "MeterReadings" r JOIN "Customers" c ON c."Id" = r."CustomerId"
            WHERE r."Id" IN (SELECT MAX(m."Id") FROM "MeterReadings" m WHERE m."PeriodEnd" < '2026-11-01' GROUP BY m."CustomerId")
            """;
        await using var reader = await cmd.ExecuteReaderAsync();
        await using var writer = new StreamWriter(csvPath, false, new UTF8Encoding(false));
        await writer.WriteLineAsync("account_number,period_start,period_end,reading_m3,usage_m3");
        var rnd = new Random(7);
        while (await reader.ReadAsync())
        {
            var account = reader.GetString(0);
            var start = DateOnly.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
            var index = reader.GetInt64(2);
            for (var k = 0; k < 2; k++)
            {
                var end = start.AddDays(30);
                var usage = 10 + rnd.Next(30);
                index += usage;
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{account},{start:yyyy-MM-dd},{end:yyyy-MM-dd},{index},{usage}"));
                start = end;
            }
        }
    }

    public static async Task<List<(long Customer, DateOnly Start, DateOnly End, long Reading, int Usage)>> ParseForFloorAsync(string file, byte[] csv)
    {
        var ids = new Dictionary<string, long>();
        await using (var connection = new SqliteConnection($"Data Source={file}"))
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT \"AccountNumber\", \"Id\" FROM \"Customers\"";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) ids[r.GetString(0)] = r.GetInt64(1);
        }
        var rows = new List<(long, DateOnly, DateOnly, long, int)>();
        foreach (var line in Encoding.UTF8.GetString(csv).Split('\n').Skip(1))
        {
            if (line.Length == 0) continue;
            var f = line.Split(',');
            rows.Add((ids[f[0]], DateOnly.Parse(f[1], CultureInfo.InvariantCulture), DateOnly.Parse(f[2], CultureInfo.InvariantCulture),
                long.Parse(f[3], CultureInfo.InvariantCulture), int.Parse(f[4], CultureInfo.InvariantCulture)));
        }
        return rows;
    }

    /// <summary>The import's upsert, prepared once and bound by position on Microsoft.Data.Sqlite's native handle, as the import binds it.</summary>
    public static async Task BareUpsertAsync(string file, List<(long Customer, DateOnly Start, DateOnly End, long Reading, int Usage)> rows)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        using (var statement = new AriSuTotalService.Infrastructure.Data.SqliteStatement(connection, AriSuTotalService.Infrastructure.Import.MeterReadingImport.SqliteUpsert))
        {
            var at = Enumerable.Range(0, 6).Select(i => statement.PositionOf($"@p{i}")).ToArray();
            foreach (var r in rows)
            {
                statement.Bind(at[0], r.Customer);
                statement.Bind(at[1], r.Start);
                statement.Bind(at[2], r.End);
                statement.Bind(at[3], r.Reading);
                statement.Bind(at[4], r.Usage);
                statement.Bind(at[5], r.End.DayNumber - r.Start.DayNumber);
                statement.Execute();
            }
        }
        await tx.CommitAsync();
    }

    public static async Task DeleteImportedAsync(string file)
    {
        await using var db = Context(file);
        // Everything the import scenario adds: the readings after each meter's scanned October reading.
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"MeterReadings\" WHERE \"Id\" > (SELECT \"Value\" FROM (SELECT 2 * COUNT(*) AS \"Value\" FROM \"Customers\"))");
    }
}
