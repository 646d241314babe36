using System.Text;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Benchmarks;

/// <summary>
/// The billing system's customer file at an office's size: imported into an empty office (every row new), then again
/// unchanged (every row compared, none written), each time with the working set sampled against the idle process.
/// </summary>
public static class CustomerImportRun
{
    private sealed class Importer : ICurrentUser
    {
        public string Name => "benchmark";
        public string? UserId => null;
        public string? IpAddress => null;
        public int? OfficeId => 1;
    }

    public static async Task RunAsync(string folder, int customers, int runs, Action<string, List<double>, string> report)
    {
        Directory.CreateDirectory(folder);
        var csvPath = Path.Combine(folder, $"customers-{customers}.csv");
        if (!File.Exists(csvPath)) await WriteCsvAsync(csvPath, customers);
        using (var probe = CsvSource.FromFile(csvPath))
            Console.WriteLine($"  file: {probe.Rows:N0} rows, {probe.Length / (1024 * 1024):N0} MB (one number in 250 unknown to the numbering plan)");
        var fresh = new List<double>();
        var again = new List<double>();
        var freshPeaks = new List<double>();
        var againPeaks = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            var dbFile = Path.Combine(folder, "customers.db");
            SqliteConnection.ClearAllPools();
            foreach (var f in Directory.GetFiles(folder, "customers.db*")) File.Delete(f);
            await using (var setup = SeoulData.Context(dbFile))
            {
                await setup.Database.MigrateAsync();
                await setup.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                setup.Offices.Add(new AriSuTotalService.Domain.Offices.Office("벤치마크 수도사업소", "벤치", ["관악구", "금천구", "동작구", "영등포구"]));
                await setup.SaveChangesAsync();
            }
            var (first, firstPeak, firstResult) = await MeasureAsync(dbFile, csvPath);
            var (second, secondPeak, secondResult) = await MeasureAsync(dbFile, csvPath);
            if (i > 0)
            {
                fresh.Add(customers / first);
                again.Add(customers / second);
                freshPeaks.Add(firstPeak);
                againPeaks.Add(secondPeak);
            }
            Console.WriteLine($"  run {i}{(i == 0 ? " (warm-up)" : "")}: new {first:0.00} s, peak {firstPeak:N0} MB above idle (imported {firstResult.Imported:N0}, "
                + $"{firstResult.WarningCount:N0} warnings); unchanged {second:0.00} s, peak {secondPeak:N0} MB (updated {secondResult.Updated:N0})");
        }
        report("customer import into an empty office", fresh, "rows/s");
        report("customer import, peak working set above the idle process", freshPeaks, "MB");
        report("customer import of the same file again (nothing changed)", again, "rows/s");
        report("customer re-import, peak working set above the idle process", againPeaks, "MB");
    }

    private static async Task<(double Seconds, double PeakMb, ImportResult Result)> MeasureAsync(string dbFile, string csvPath)
    {
        await using var db = SeoulData.Context(dbFile);
        db.ActFor(1);
        var (result, seconds, above) = await PeakMemory.MeasureAsync(async () =>
        {
            using var source = CsvSource.FromFile(csvPath);
            return await new CustomerImport(db, new Importer(), TimeProvider.System).RunAsync(1, source);
        });
        return (seconds, above, result);
    }

    /// <summary>A customer file as the billing system writes it: every optional column, Korean names and addresses.</summary>
    private static async Task WriteCsvAsync(string path, int customers)
    {
        string[] districts = ["관악구", "금천구", "동작구", "영등포구"];
        string[] surnames = ["김", "이", "박", "최", "정", "강", "조", "윤"];
        var rnd = new Random(2017);
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteLineAsync("account_number,holder_name,phone,address,district,use_type,meter_size_mm,dong,meter_serial,postal_code,address_detail,meter_installed_on");
        var line = new StringBuilder();
        for (var i = 1; i <= customers; i++)
        {
            var district = districts[i % districts.Length];
            // One number in 250 from a mobile range the numbering plan does not know yet.
            var phone = i % 250 == 0 ? $"010-5970-{i % 10000:D4}" : $"010-{2000 + rnd.Next(3000)}-{rnd.Next(10000):D4}";
            line.Clear().Append(i % 25 + 10).Append('-').Append(i.ToString("D7")).Append(',')
                .Append(surnames[i % surnames.Length]).Append("수용").Append(i % 1000).Append(',').Append(phone).Append(',')
                .Append("서울특별시 ").Append(district).Append(" 시험로 ").Append(i % 500 + 1).Append("길 ").Append(i % 97 + 1).Append(',')
                .Append(district).Append(",가정용,").Append(i % 10 == 0 ? 25 : 15).Append(",시험동,M").Append(i.ToString("D9")).Append(',')
                .Append((8000 + i % 1900).ToString("D5")).Append(',').Append(i % 3 == 0 ? $"{i % 20 + 101}동 {i % 15 + 1}0{i % 4 + 1}호" : "").Append(',')
                .Append(new DateOnly(2010, 1, 1).AddDays(i % 5000).ToString("yyyy-MM-dd"));
            await writer.WriteLineAsync(line);
        }
    }
}
