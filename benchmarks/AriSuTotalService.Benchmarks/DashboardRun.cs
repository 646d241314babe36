using System.Data.Common;
using System.Diagnostics;
using AriSuTotalService.Infrastructure;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Reports;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AriSuTotalService.Benchmarks;

/// <summary>
/// The dashboard's figures for one year beside the previous one (which is also the same period a year earlier: the page
/// computes it once) and its 24-month trend, through the application's own code; the floor replays the very SQL statements those calls sent (captured by
/// an interceptor), with their parameters, through Microsoft.Data.Sqlite.
/// </summary>
public static class DashboardRun
{
    private sealed class Capture : DbCommandInterceptor
    {
        public List<(string Sql, List<(string Name, object? Value)> Parameters)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>A section chief of the office: the page's queries carry the office filter, as in the app.</summary>
    private static DatabaseOptions Database(string file, string? sqlServer) => sqlServer is null
        ? new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" }
        : new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = sqlServer };

    private static DbConnection Connection(string file, string? sqlServer) => sqlServer is null
        ? new SqliteConnection($"Data Source={file}")
        : new Microsoft.Data.SqlClient.SqlConnection(sqlServer);

    private static ArisuDbContext Context(string file, Capture? capture, string? sqlServer = null)
    {
        var options = new DbContextOptionsBuilder<ArisuDbContext>();
        DependencyInjection.Configure(options, Database(file, sqlServer));
        if (capture is not null) options.AddInterceptors(capture);
        // The figures for office 1, as its section chief reads them.
        return new ArisuDbContext(options.Options).ActFor(1);
    }

    private static async Task FiguresAsync(ArisuDbContext db, DateOnly from, DateOnly to)
    {
        await PerformanceFigures.ComputeAsync(db, 1, new ReportPeriod(from, to), null, CancellationToken.None);
        // The previous 12 months are the same year earlier: the page computes them once.
        await PerformanceFigures.ComputeAsync(db, 1, new ReportPeriod(from.AddMonths(-12), to.AddMonths(-12)), null, CancellationToken.None);
        // and the 24-month trend
        await PerformanceFigures.MonthlyAsync(db, 1, to.AddMonths(-23), 24, null, CancellationToken.None);
    }

    public static async Task RunAsync(string folder, int runs, Action<string, List<double>, string> report, string? sqlServer = null)
    {
        var file = Path.Combine(folder, "arisu.db");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        var to = new DateOnly(today.Year, today.Month, 1);
        var from = to.AddMonths(-11);
        await using (var count = Context(file, null, sqlServer))
            Console.WriteLine($"  {await count.Complaints.CountAsync():N0} complaints in the office database; period {from:yyyy-MM}..{to:yyyy-MM} beside the 12 months before");

        var capture = new Capture();
        await using (var db = Context(file, capture, sqlServer)) await FiguresAsync(db, from, to);
        Console.WriteLine($"  the page's figures send {capture.Commands.Count} statements");
        if (Environment.GetEnvironmentVariable("ARISU_BENCH_SQL") == "1")
            foreach (var (sql, parameters) in capture.Commands.Take(3))
                Console.WriteLine(sql + Environment.NewLine + string.Join(", ", parameters.Select(p => $"{p.Name}={p.Value}")) + Environment.NewLine);

        var app = new List<double>();
        var floor = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            await using (var db = Context(file, null, sqlServer))
            {
                var sw = Stopwatch.StartNew();
                await FiguresAsync(db, from, to);
                if (i > 0) app.Add(sw.Elapsed.TotalMilliseconds);
                Console.WriteLine($"  app   run {i}{(i == 0 ? " (warm-up)" : "")}: {sw.Elapsed.TotalMilliseconds:0.0} ms");
            }
            await using (var conn = Connection(file, sqlServer))
            {
                await conn.OpenAsync();
                var sw = Stopwatch.StartNew();
                foreach (var (sql, parameters) in capture.Commands)
                {
                    await using var cmd = conn.CreateCommand();
                    cmd.CommandText = sql;
                    foreach (var (name, value) in parameters)
                    {
                        var p = cmd.CreateParameter();
                        p.ParameterName = name;
                        p.Value = value ?? DBNull.Value;
                        cmd.Parameters.Add(p);
                    }
                    await using var reader = await cmd.ExecuteReaderAsync();
                    while (await reader.ReadAsync()) { }
                }
                if (i > 0) floor.Add(sw.Elapsed.TotalMilliseconds);
                Console.WriteLine($"  floor run {i}{(i == 0 ? " (warm-up)" : "")}: {sw.Elapsed.TotalMilliseconds:0.0} ms");
            }
        }
        report("dashboard figures, one year beside the previous (app)", app, "ms");
        report("same statements through the bare ADO.NET provider (floor)", floor, "ms");
        Console.WriteLine($"app ÷ floor (medians): {Median(app) / Median(floor):0.00}");
    }

    private static double Median(List<double> values)
    {
        var s = values.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}
