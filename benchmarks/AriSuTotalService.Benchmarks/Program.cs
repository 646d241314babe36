using System.Diagnostics;
using System.Globalization;
using System.Text;
using AriSuTotalService.Domain.Surges;
using AriSuTotalService.Infrastructure;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Import;
using AriSuTotalService.Infrastructure.Surges;
using AriSuTotalService.Benchmarks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

// Measured scenarios at Seoul scale (not tests): see docs/benchmarks.md.
//   dotnet run -c Release --project benchmarks/AriSuTotalService.Benchmarks -- scan   [--scale 1] [--runs 5] [--folder /tmp/arisu-bench]
//   dotnet run -c Release --project benchmarks/AriSuTotalService.Benchmarks -- import [--scale 1] [--runs 5] [--folder /tmp/arisu-bench]
//   dotnet run -c Release --project benchmarks/AriSuTotalService.Benchmarks -- customers [--customers 1000000] [--runs 3] [--folder /tmp/arisu-bench]
//   dotnet run -c Release --project benchmarks/AriSuTotalService.Benchmarks -- office     [--complaints-per-year 80000] [--years 10] [--customers 283750]
//   dotnet run -c Release --project benchmarks/AriSuTotalService.Benchmarks -- dashboard  [--runs 5] [--sqlserver "<connection string>"]
//   dotnet build -c Release src/AriSuTotalService.Web && dotnet run -c Release --project benchmarks/AriSuTotalService.Benchmarks -- load [--seconds 20] [--runs 5] [--only list]
var command = args.FirstOrDefault() ?? "scan";
if (command == "customers")
{
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
    var customerFolder = Arg("--folder") ?? Path.Combine(Path.GetTempPath(), "arisu-bench");
    await CustomerImportRun.RunAsync(customerFolder, int.Parse(Arg("--customers") ?? "1000000", CultureInfo.InvariantCulture),
        int.Parse(Arg("--runs") ?? "3", CultureInfo.InvariantCulture), Report);
    return 0;
}
if (command is "office" or "dashboard" or "load")
{
    var officeFolder = Path.Combine(Arg("--folder") ?? Path.Combine(Path.GetTempPath(), "arisu-bench"), "office");
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
    // --sqlserver "<connection string>": the office on an empty SQL Server database instead of the SQLite file (office, dashboard).
    var sqlServer = Arg("--sqlserver");
    await OfficeData.EnsureAsync(officeFolder, int.Parse(Arg("--customers") ?? "283750", CultureInfo.InvariantCulture),
        int.Parse(Arg("--complaints-per-year") ?? "80000", CultureInfo.InvariantCulture), int.Parse(Arg("--years") ?? "10", CultureInfo.InvariantCulture), sqlServer);
    if (command == "dashboard") await DashboardRun.RunAsync(officeFolder, int.Parse(Arg("--runs") ?? "5", CultureInfo.InvariantCulture), Report, sqlServer);
    if (command == "load" && sqlServer is not null) { Console.Error.WriteLine("load runs on the SQLite office"); return 1; }
    if (command == "load")
    {
        var repo = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(repo, "AriSuTotalService.sln"))) repo = Path.GetDirectoryName(repo.TrimEnd('/'))!;
        return await LoadRun.RunAsync(repo, officeFolder, int.Parse(Arg("--seconds") ?? "20", CultureInfo.InvariantCulture),
            int.Parse(Arg("--runs") ?? "5", CultureInfo.InvariantCulture), Arg("--url") ?? "http://127.0.0.1:5180", listOnly: Arg("--only") == "list");
    }
    return 0;
}
double scale = double.Parse(Arg("--scale") ?? "1", CultureInfo.InvariantCulture);
int runs = int.Parse(Arg("--runs") ?? "5", CultureInfo.InvariantCulture);
var folder = Arg("--folder") ?? Path.Combine(Path.GetTempPath(), "arisu-bench");
Directory.CreateDirectory(folder);
var meters = (int)(2_270_000 * scale);
var dbFile = Path.Combine(folder, $"seoul-{meters}.db");
var period = new DateOnly(2026, 10, 1);

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
Console.WriteLine($"data: {meters:N0} meters × 2 readings, SQLite file {dbFile}");

await SeoulData.EnsureAsync(dbFile, meters);

switch (command)
{
    case "scan":
        await ScanScenario();
        break;
    case "import":
        await ImportScenario();
        break;
    default:
        Console.Error.WriteLine("commands: scan, import, office, dashboard, load");
        return 1;
}
return 0;

async Task ScanScenario()
{
    // The data as generated: readings the import scenario added are removed first.
    await SeoulData.DeleteImportedAsync(dbFile);
    var app = new List<double>();
    var sliced = new List<double>();
    var floor = new List<double>();
    long peakWorkingSet = 0;
    for (var i = 0; i <= runs; i++)
    {
        await SeoulData.ClearCasesAsync(dbFile);
        await using var db = SeoulData.Context(dbFile);
        var sw = Stopwatch.StartNew();
        var counts = await SurgeScan.RunAsync(db, 1, period, SurgeThresholds.Default, DateTime.UtcNow);
        sw.Stop();
        peakWorkingSet = Math.Max(peakWorkingSet, Process.GetCurrentProcess().PeakWorkingSet64);
        if (i > 0) app.Add(sw.Elapsed.TotalSeconds);
        Console.WriteLine($"  app   run {i}{(i == 0 ? " (warm-up)" : "")}: {sw.Elapsed.TotalSeconds:0.000} s — compared {counts.Compared:N0}, surges {counts.Surges:N0}, notices {counts.Notices:N0}, new use {counts.NewUse:N0}, anomalies {counts.Anomalies:N0}, cases written {counts.CasesAdded:N0}");

        // As the job runs it: slices of meters, each reporting meters judged of meters to judge.
        await SeoulData.ClearCasesAsync(dbFile);
        var reports = 0;
        sw.Restart();
        var withProgress = await SurgeScan.RunAsync(db, 1, period, SurgeThresholds.Default, DateTime.UtcNow, default,
            new CountingProgress(_ => reports++));
        sw.Stop();
        if (i > 0) sliced.Add(sw.Elapsed.TotalSeconds);
        Console.WriteLine($"  progress run {i}{(i == 0 ? " (warm-up)" : "")}: {sw.Elapsed.TotalSeconds:0.000} s — {reports} progress reports, cases written {withProgress.CasesAdded:N0}");

        await SeoulData.ClearCasesAsync(dbFile);
        sw.Restart();
        var written = await SeoulData.BareScanAsync(dbFile, period);
        sw.Stop();
        if (i > 0) floor.Add(sw.Elapsed.TotalSeconds);
        Console.WriteLine($"  floor run {i}{(i == 0 ? " (warm-up)" : "")}: {sw.Elapsed.TotalSeconds:0.000} s — cases written {written:N0}");
    }
    Report("surge scan, cases written (app)", app, "s");
    Report("surge scan with progress (slices of 50,000 meters)", sliced, "s");
    Console.WriteLine($"progress ÷ app (medians): {Median(sliced) / Median(app):0.000}");
    Report("surge scan, same SQL through Microsoft.Data.Sqlite (floor)", floor, "s");
    Console.WriteLine($"app ÷ floor (medians): {Median(app) / Median(floor):0.00}");
    Console.WriteLine($"peak working set of this process: {peakWorkingSet / (1024 * 1024):N0} MB");
}

async Task ImportScenario()
{
    var csvPath = Path.Combine(folder, $"readings-{meters}.csv");
    if (!File.Exists(csvPath)) await SeoulData.WriteNextMonthCsvAsync(dbFile, csvPath);
    var rows = 0;
    long length;
    using (var probe = CsvSource.FromFile(csvPath)) { rows = probe.Rows; length = probe.Length; }
    Console.WriteLine($"  file: {rows:N0} rows, {length / (1024 * 1024):N0} MB");
    var rates = new List<double>();
    var peaks = new List<double>();
    for (var i = 0; i <= runs; i++)
    {
        await SeoulData.DeleteImportedAsync(dbFile);
        await using var db = SeoulData.Context(dbFile);
        // As the upload pages and the API run it: the spooled file streamed from disk, never held whole.
        var (result, seconds, above) = await PeakMemory.MeasureAsync(async () =>
        {
            using var source = CsvSource.FromFile(csvPath);
            return await new MeterReadingImport(db).RunAsync(1, source);
        });
        var rate = rows / seconds;
        if (i > 0) { rates.Add(rate); peaks.Add(above); }
        Console.WriteLine($"  run {i}{(i == 0 ? " (warm-up)" : "")}: {seconds:0.00} s, {rate:N0} rows/s, peak {above:N0} MB above idle (imported {result.Imported:N0}, updated {result.Updated:N0})");
    }
    Report("reading import, CSV → database", rates, "rows/s");
    Report("reading import, peak working set above the idle process", peaks, "MB");
    var bytes = await File.ReadAllBytesAsync(csvPath);

    // Floor: the same upsert statement, bound by position on Microsoft.Data.Sqlite's handle as the import binds it, rows already parsed (no CSV, no validation, no EF).
    var parsed = await SeoulData.ParseForFloorAsync(dbFile, bytes);
    var floorRates = new List<double>();
    for (var i = 0; i <= runs; i++)
    {
        await SeoulData.DeleteImportedAsync(dbFile);
        var sw = Stopwatch.StartNew();
        await SeoulData.BareUpsertAsync(dbFile, parsed);
        sw.Stop();
        var rate = parsed.Count / sw.Elapsed.TotalSeconds;
        if (i > 0) floorRates.Add(rate);
        Console.WriteLine($"  floor run {i}{(i == 0 ? " (warm-up)" : "")}: {sw.Elapsed.TotalSeconds:0.00} s, {rate:N0} rows/s");
    }
    Report("reading upsert, same statement and binding on Microsoft.Data.Sqlite's handle (floor)", floorRates, "rows/s");
    Console.WriteLine($"app ÷ floor (time per row, medians): {Median(floorRates) / Median(rates):0.00}");
}

void Report(string name, List<double> values, string unit) =>
    Console.WriteLine($"{name}: min {values.Min():N3} / median {Median(values):N3} / max {values.Max():N3} {unit} ({values.Count} runs after a warm-up)");

static double Median(List<double> values)
{
    var s = values.Order().ToList();
    return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
}

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

/// <summary>Counts a scan's progress reports (synchronously, as the job's board takes them).</summary>
sealed class CountingProgress(Action<ScanProgress> report) : IProgress<ScanProgress>
{
    public void Report(ScanProgress value) => report(value);
}
