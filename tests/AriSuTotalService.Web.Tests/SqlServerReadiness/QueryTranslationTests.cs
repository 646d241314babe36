using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AriSuTotalService.Web.Tests.SqlServerReadiness;

/// <summary>The compiled-query cache of the recording factory's EF service provider.</summary>
public sealed class PrivateQueryCache() : Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions());

/// <summary>Two offices, with every LINQ query the app compiles recorded.</summary>
public sealed class RecordingFactory : TwoOfficeFactory
{
    public QueryRecorder Recorder { get; } = new();

    protected override void OverrideServices(IServiceCollection services)
    {
        base.OverrideServices(services);
        // A query cache of its own (a replaced service gives the factory an EF service provider of its own): what
        // other tests compiled first is compiled, and recorded, again here.
        services.ConfigureDbContext<ArisuDbContext>(o => o.AddInterceptors(Recorder)
            .ReplaceService<Microsoft.Extensions.Caching.Memory.IMemoryCache, PrivateQueryCache>());
    }
}

/// <summary>
/// Runs alone, after the parallel tests: its app has an EF service provider (and model) of its own, and the queries
/// compiled once for the process (EF.CompileAsyncQuery) must compile for it while it runs and for the others after.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TranslationCollection : ICollectionFixture<RecordingFactory>
{
    public const string Name = "SQL Server translation, alone";
}

/// <summary>
/// The app is walked through as its users and jobs use it — every page of every role, the records of the office
/// opened, the API and Open311 read, a complaint registered, booked and visited, a reduction applied for, the
/// monthly jobs run — on SQLite, recording every LINQ query it compiles. Each is then translated with the SQL
/// Server provider and the SQL it writes parsed as T-SQL: a query SQL Server's provider cannot translate, or
/// translates to something SQL Server would not read, fails here.
/// </summary>
[Collection(TranslationCollection.Name)]
public class QueryTranslationTests(RecordingFactory factory)
{
    private const System.Reflection.BindingFlags Private = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic;

    /// <summary>The queries compiled once for the process (EF.CompileAsyncQuery): each field's compiled-query object and its EF type.</summary>
    private static IEnumerable<(string Name, object Target, Type Compiled)> CompiledQueryObjects()
    {
        const System.Reflection.BindingFlags Static = System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public;
        foreach (var type in typeof(Program).Assembly.GetTypes().Concat(typeof(ArisuDbContext).Assembly.GetTypes()))
            foreach (var field in type.GetFields(Static))
            {
                if (!typeof(Delegate).IsAssignableFrom(field.FieldType) || field.GetValue(null) is not Delegate { Target: { } target }) continue;
                for (var t = target.GetType(); t is not null; t = t.BaseType)
                    if (t.Name.StartsWith("CompiledQueryBase", StringComparison.Ordinal))
                        yield return ($"{type.Name}.{field.Name}", target, t);
            }
    }

    /// <summary>Queries compiled once for the process keep the executor of the model they were first run with.</summary>
    private static void ForgetCompiledExecutors()
    {
        foreach (var (_, target, compiled) in CompiledQueryObjects()) compiled.GetField("_executor", Private)?.SetValue(target, null);
    }

    /// <summary>
    /// Those queries are compiled by whichever app runs them first, so they are read from their fields and translated
    /// by themselves.
    /// </summary>
    public static IReadOnlyList<(string Name, System.Linq.Expressions.LambdaExpression Query)> CompiledQueries() =>
        [.. CompiledQueryObjects().Select(c => (c.Name, (System.Linq.Expressions.LambdaExpression)c.Compiled.GetField("_queryExpression", Private)!.GetValue(c.Target)!))];

    private async Task WalkAsync()
    {
        _ = factory.B;
        var pages = EndpointCatalog.All(factory)
            .Where(e => e.Kind == "page" && !e.HasParameters && !e.AllowsAnonymous && (e.Methods.Count == 0 || e.Methods.Contains("GET")))
            .Select(e => e.Pattern).ToList();
        var ids = factory.With(db => new
        {
            Complaint = db.Complaints.OrderByDescending(c => c.Id).Select(c => c.Id).First(),
            Customer = db.Customers.OrderBy(c => c.Id).Select(c => c.Id).First(),
            Account = db.Customers.OrderBy(c => c.Id).Select(c => c.AccountNumber).First(),
            Reception = db.Complaints.OrderBy(c => c.Id).Select(c => c.ReceptionNumber).First(),
        });

        // A day's work that reaches the write paths: intake, booking, outcome with a repaired leak, a reduction applied for.
        var (complaint, visit) = await VisitSteps.BookForField1Async(factory, ids.Customer, Domain.Complaints.ComplaintTypeCodes.LeakDiagnosis);
        var field1 = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        await VisitSteps.RecordOutcomeAsync(field1, visit, new()
        {
            ["LeakFound"] = "true", ["LeakPlace"] = "toilet", ["Repaired"] = "true", ["RepairedBy"] = "배관업체", ["ReadingBefore"] = "1200",
            ["ReadingAfter"] = "1201", ["Result"] = "resolved", ["Note"] = "변기 부속 교체", ["OtherTypes"] = Domain.Complaints.ComplaintTypeCodes.IndoorPiping,
        }, VisitSteps.Jpeg);
        // And one left booked, so field1's page lists a visit and looks up its linked complaints.
        await VisitSteps.BookForField1Async(factory, TestData.Customer(factory).Id,
            Domain.Complaints.ComplaintTypeCodes.SupplyInconvenience);
        var billing = await TestClient.SignedInAsync(factory, "billing@arisu.local");
        await billing.PostMultipartAsync("/Reductions/Apply", new Dictionary<string, string>
        {
            ["AccountNumber"] = ids.Account, ["LeakDate"] = "2026-11-10", ["Channel"] = Domain.Complaints.Channels.Visit,
        }, "Receipt", VisitSteps.Jpeg, "receipt.jpg");
        var own = factory.With(db => new
        {
            Visit = visit,
            Reduction = db.LeakReductions.OrderBy(r => r.Id).Select(r => (long?)r.Id).FirstOrDefault(),
            Surge = db.SurgeCases.OrderBy(s => s.Id).Select(s => (long?)s.Id).FirstOrDefault(),
            Report = db.ReportSnapshots.OrderBy(r => r.Id).Select(r => (long?)r.Id).FirstOrDefault(),
            Round = db.PanelRounds.OrderBy(r => r.Id).Select(r => (long?)r.Id).FirstOrDefault(),
        });
        var extra = new List<string>
        {
            $"/Complaints/Detail/{complaint}", $"/Complaints/Detail/{ids.Complaint}", $"/Visits/Book/{ids.Complaint}", $"/Visits/Outcome/{visit}",
            $"/Complaints?q={ids.Reception}", "/Complaints?handler=Export", $"/Intake?handler=Search&q={ids.Account}", "/Intake?handler=Search&q=관악",
            "/Surges?period=2026-10", "/Surges/Notices?period=2026-10", "/Surges/Notices?handler=Csv&period=2026-10", "/Dashboard?from=2026-01&to=2026-11",
            $"/Visits/Mine?handler=History&id={visit}", "/Admin/Users?q=clerk",
        };
        if (own.Reduction is { } r) extra.AddRange([$"/Reductions/Case/{r}", $"/Reductions/Notice/{r}"]);
        if (own.Surge is { } s) extra.Add($"/Surges/Case/{s}");
        if (own.Report is { } rep) extra.Add($"/Reports/View/{rep}");
        if (own.Round is { } round) extra.Add($"/Evaluations/Round/{round}");
        foreach (var (_, account) in DemoAccounts.ByRole)
        {
            var client = await TestClient.SignedInAsync(factory, account);
            foreach (var url in pages.Concat(extra)) await client.GetAsync(url);
        }

        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", DemoData.ApiKey);
        foreach (var url in new[]
                 {
                     "/api/v1/surge-cases?period=2026-10", "/api/v1/reports/performance?from=2026-10&to=2026-10", "/api/v1/complaint-types",
                     "/open311/v2/discovery.json", "/open311/v2/services.json", "/open311/v2/requests.json", "/open311/v2/requests.xml",
                     "/open311/v2/servicerequestupdates.json",
                     $"/open311/v2/requests/{ids.Reception}.json", $"/open311/v2/requests.json?service_request_id={ids.Reception}",
                 })
            await api.GetAsync(url);
        await api.PostAsync("/api/v1/surge-scans?period=2026-10", null);

        using var scope = factory.Services.CreateScope();
        var sp = scope.ServiceProvider;
        await sp.GetRequiredService<AriSuTotalService.Infrastructure.Reports.MonthlyReportJob>().RunScheduledAsync(default);
        await sp.GetRequiredService<AriSuTotalService.Infrastructure.Notices.VisitReminderJob>().RunAsync(default);
        await sp.GetRequiredService<AriSuTotalService.Infrastructure.Notices.OutboxJob>().RunAsync(default);
        await sp.GetRequiredService<AriSuTotalService.Infrastructure.Jobs.ComplaintRetentionJob>().RunAsync();
        await sp.GetRequiredService<AriSuTotalService.Infrastructure.Jobs.CatchUpJob>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Every_query_the_app_ran_translates_for_sql_server_and_parses()
    {
        ForgetCompiledExecutors();
        try
        {
            await WalkAsync();
        }
        finally
        {
            ForgetCompiledExecutors();
        }
        var queries = factory.Recorder.Queries;
        // Pages, API, Open311, jobs and imports together compile several hundred distinct queries.
        Assert.True(queries.Count > 150, $"only {queries.Count} queries were recorded");
        using var translation = new SqlServerTranslation();
        var failures = new List<string>();
        var statements = 0;
        var compiled = CompiledQueries();
        // The field staff's page compiles its two queries once for the process.
        Assert.Contains(compiled, c => c.Name == "MineModel.VisitsOf");
        var results = queries.Select(translation.Translate).Concat(compiled.Select(c => translation.TranslateCompiled(c.Query))).ToList();
        foreach (var result in results)
        {
            if (result.Error is not null)
            {
                failures.Add($"{Short(result.Query)}\n  → {result.Error.GetType().Name}: {Short(result.Error.Message)}");
                continue;
            }
            if (result.Sql.Count == 0)
            {
                failures.Add($"{Short(result.Query)}\n  → no SQL written");
                continue;
            }
            foreach (var sql in result.Sql)
            {
                statements++;
                var parser = new Microsoft.SqlServer.TransactSql.ScriptDom.TSql160Parser(initialQuotedIdentifiers: true);
                using var reader = new StringReader(sql);
                parser.Parse(reader, out var errors);
                if (errors.Count > 0) failures.Add($"{Short(result.Query)}\n  → {string.Join("; ", errors.Select(e => e.Message))}\n{sql}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {results.Count} queries fail on SQL Server:\n" + string.Join("\n\n", failures));
        Assert.True(statements >= results.Count);
        // A list sent as one parameter is read with OPENJSON: the reason for the compatibility level.
        Assert.Contains(results, r => r.Sql.Any(q => q.Contains("OPENJSON", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_query_only_sqlite_can_run_is_caught_and_sql_server_sql_is_what_is_read()
    {
        // The check above can fail: SQLite's GLOB has no SQL Server translation.
        factory.With(db => db.Customers.Count(c => EF.Functions.Glob(c.AccountNumber, "9*")));
        factory.With(db => db.Customers.OrderBy(c => c.AccountNumber).Select(c => c.AccountNumber).Take(3).ToList());
        using var translation = new SqlServerTranslation();
        var glob = factory.Recorder.Queries.Single(q => q.ToString().Contains("Glob", StringComparison.Ordinal));
        Assert.NotNull(translation.Translate(glob).Error);
        var take = factory.Recorder.Queries.First(q => q.ToString().Contains("OrderBy(c => c.AccountNumber).Select(c => c.AccountNumber).Take(", StringComparison.Ordinal));
        var sql = Assert.Single(translation.Translate(take).Sql);
        Assert.Contains("SELECT TOP(@", sql, StringComparison.Ordinal);
        Assert.Contains("[c].[AccountNumber]", sql, StringComparison.Ordinal);
    }

    private static string Short(string text) => text.Length <= 600 ? text : text[..600] + "…";
}
