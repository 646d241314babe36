using System.Data.Common;
using System.Reflection;
using AriSuTotalService.Domain.Surges;
using AriSuTotalService.Infrastructure;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Infrastructure.Import;
using AriSuTotalService.Infrastructure.Surges;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace AriSuTotalService.Web.Tests.SqlServerReadiness;

/// <summary>
/// SQL Server cannot run on these machines, so every raw statement the code sends to SQL Server is read here as SQL
/// Server reads it: it parses as T-SQL, a temporary table is never used beyond the batch that made it when that batch
/// runs through <c>sp_executesql</c> (any batch with parameters), and every command the code builds has typed
/// parameters (SqlClient refuses to prepare one without).
/// </summary>
public class RawSqlTests
{
    /// <summary>A context on the SQL Server provider, never connected.</summary>
    internal static ArisuDbContext SqlServerContext() => OfflineContext.SqlServer();

    /// <summary>Every SQL Server statement the code keeps as a string (<see cref="SqlServerCatalogue.Statements"/>).</summary>
    public static IReadOnlyDictionary<string, string> DeclaredStatements() => SqlServerCatalogue.Statements();

    /// <summary>The temporary tables the bulk path makes with a batch of its own (no parameters: they live for the connection).</summary>
    public static IReadOnlyDictionary<string, string> StageStatements()
    {
        using var db = SqlServerContext();
        return SqlServerCatalogue.Stages.ToDictionary(s => s.Name, s => s.CreateSql(db));
    }

    public static TheoryData<string> Statements() => [.. DeclaredStatements().Keys.Concat(StageStatements().Keys)];

    private static string Sql(string name) => DeclaredStatements().TryGetValue(name, out var sql) ? sql : StageStatements()[name];

    internal static TSqlFragment Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}")) + "\n" + sql);
        return fragment;
    }

    [Fact]
    public void The_statements_found_include_each_kind_of_work()
    {
        var names = DeclaredStatements().Keys.ToList();
        foreach (var expected in new[] { "SurgeScan.SqlServerScan", "MeterReadingImport.SqlServerMerge", "CustomerImport.SqlServerMerge",
                     "ComplaintHistoryImport.SqlServerMerge", "ReceptionNumbers.SqlServerNext", "ReceptionNumbers.SqlServerRaise", "ApplicationLock.SqlServerTake" })
            Assert.Contains(expected, names);
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void Each_statement_parses_as_t_sql(string name) => Parse(Sql(name));

    [Theory]
    [MemberData(nameof(Statements))]
    public void A_temporary_table_is_used_only_where_it_still_exists(string name)
    {
        var batch = TempTables.Of(Parse(Sql(name)));
        // Session tables: made by a batch without parameters (the stages), so they outlive it.
        var session = StageStatements().Values.Select(s => TempTables.Of(Parse(s))).SelectMany(t => t.Created).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var used in batch.Used)
        {
            if (batch.Created.Contains(used)) continue;
            Assert.True(session.Contains(used),
                $"{name} uses {used}, which no batch of the connection keeps: a temporary table made inside a parameterised batch (sp_executesql) is gone when it returns.");
        }
        if (batch.Parameterised)
        {
            foreach (var created in batch.Created)
                Assert.True(batch.Used.Contains(created), $"{name} makes {created} in a parameterised batch and never uses it there: it is dropped when the batch returns.");
        }
    }

    [Fact]
    public void Every_text_column_of_a_stage_takes_the_databases_collation_not_tempdbs()
    {
        var checkedColumns = 0;
        foreach (var (name, sql) in StageStatements())
        {
            var table = FindCreate(Parse(sql));
            Assert.NotNull(table);
            var text = table!.Definition.ColumnDefinitions.Where(c => c.DataType is SqlDataTypeReference t
                && t.SqlDataTypeOption is SqlDataTypeOption.NVarChar or SqlDataTypeOption.VarChar or SqlDataTypeOption.NChar or SqlDataTypeOption.Char).ToList();
            checkedColumns += text.Count;
            foreach (var column in text)
                Assert.True(column.Collation?.Value == "DATABASE_DEFAULT",
                    $"{name}: [{column.ColumnIdentifier.Value}] takes tempdb's collation; a join with a database of another collation fails (error 468)");
        }
        Assert.True(checkedColumns >= 10, $"only {checkedColumns} text columns in the stages");
    }

    private static CreateTableStatement? FindCreate(TSqlFragment fragment) =>
        fragment is TSqlScript script ? script.Batches.SelectMany(b => b.Statements).OfType<CreateTableStatement>().FirstOrDefault() : null;

    [Fact]
    public void The_old_scan_in_three_commands_would_be_refused()
    {
        // The rule above, on the shape that failed on SQL Server: made in one parameterised command, read by the next.
        var made = TempTables.Of(Parse("DECLARE @x int = @office; SELECT 1 AS a INTO #ScanJudged;"));
        Assert.True(made.Parameterised);
        Assert.DoesNotContain("#ScanJudged", made.Used);
    }

    [Fact]
    public void The_scan_is_one_batch_that_makes_reads_and_drops_its_judgement()
    {
        var scan = TempTables.Of(Parse(SurgeScan.SqlServerScan));
        Assert.Contains("#ScanJudged", scan.Created);
        Assert.Contains("#ScanJudged", scan.Used);
        Assert.Contains("@@ROWCOUNT", SurgeScan.SqlServerScan, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_stage_has_the_targets_column_types()
    {
        using var db = SqlServerContext();
        var readings = StageStatements()[MeterReadingImport.SqlServerStageName];
        Assert.Contains("[CustomerId] bigint NOT NULL", readings, StringComparison.Ordinal);
        Assert.Contains("[PeriodEnd] date NOT NULL", readings, StringComparison.Ordinal);
        var customers = StageStatements()[CustomerImport.SqlServerStageName];
        Assert.Contains("[HolderName] nvarchar(100) COLLATE DATABASE_DEFAULT NOT NULL", customers, StringComparison.Ordinal);
        Assert.Contains("[Dong] nvarchar(50) COLLATE DATABASE_DEFAULT NULL", customers, StringComparison.Ordinal);
    }

    /// <summary>Every command the code builds for SQL Server, built on a connection that is never opened.</summary>
    public static IEnumerable<(string Name, DbCommand Command)> BuiltCommands(ArisuDbContext db)
    {
        var connection = new SqlConnection("Server=readiness.invalid;Database=Arisu");
        yield return ("surge scan", SurgeScan.Command(connection, null, SurgeScan.SqlServerScan, 1, new DateOnly(2026, 11, 1), SurgeThresholds.Default, DateTime.UtcNow, sqlite: false));
        yield return ("scan meters", SurgeScan.MetersCommand(connection, null, 1));
        var slice = SurgeScan.Command(connection, null, SurgeScan.SliceMetersSql, 1, new DateOnly(2026, 11, 1), SurgeThresholds.Default, DateTime.UtcNow, sqlite: false);
        yield return ("scan slice meters", slice);
        yield return ("account lookup", AccountKeys.Command(connection, 1));
        yield return ("reception number", ReceptionNumbers.Command(db, ReceptionNumbers.SqlServerNext, 1, 2026, 1));
        yield return ("reception number raise", ReceptionNumbers.Command(db, ReceptionNumbers.SqlServerRaise, 1, 2026, 1));
        var customers = connection.CreateCommand();
        customers.CommandText = CustomerImport.SqlServerMerge;
        CustomerImport.MergeParameters(customers, DateTime.UtcNow, "admin@arisu.local");
        SqlServerStage.ChunkParameters(customers, 0);
        yield return ("customer merge", customers);
        var history = connection.CreateCommand();
        history.CommandText = ComplaintHistoryImport.SqlServerMerge;
        ComplaintHistoryImport.MergeParameters(history, DateTime.UtcNow, "admin@arisu.local");
        SqlServerStage.ChunkParameters(history, 0);
        yield return ("history merge", history);
        var readings = connection.CreateCommand();
        readings.CommandText = MeterReadingImport.SqlServerMerge;
        SqlServerStage.ChunkParameters(readings, 0);
        yield return ("reading merge", readings);
        var events = connection.CreateCommand();
        events.CommandText = ComplaintHistoryImport.ReceivedEventsSql;
        ComplaintHistoryImport.EventParameters(events, 1, "admin@arisu.local");
        yield return ("history events", events);
        yield return ("application lock", ApplicationLock.Command(connection, null, "visit-window:staff:2026-11-25:13-15", "Transaction", 10_000));
    }

    [Theory]
    [InlineData(nameof(CustomerImport))]
    [InlineData(nameof(ComplaintHistoryImport))]
    [InlineData(nameof(MeterReadingImport))]
    public void An_import_merges_its_stage_a_chunk_at_a_time_below_lock_escalation(string import)
    {
        // One merge of a whole file takes a lock per row and escalates to a table lock: intake and booking then wait on
        // their foreign-key checks until the import commits (30 s, no retry). A chunk keeps each statement below 5,000.
        var sql = DeclaredStatements()[$"{import}.SqlServerMerge"];
        Assert.Contains($"WHERE [{SqlServerStage.RowColumn}] > @after AND [{SqlServerStage.RowColumn}] <= @upto", sql);
        Assert.True(SqlServerStage.ChunkRows < 5_000);
        Assert.Contains($"[{SqlServerStage.RowColumn}] int IDENTITY(1,1) NOT NULL", StageStatements().Values.First());
    }

    [Fact]
    public void A_re_import_updates_only_the_customers_whose_values_changed()
    {
        var sql = DeclaredStatements()["CustomerImport.SqlServerMerge"];
        Assert.Contains("WHEN MATCHED AND EXISTS (SELECT s.[HolderName]", sql);
        Assert.Contains("EXCEPT SELECT t.[HolderName]", sql);
    }

    [Fact]
    public void A_lock_not_taken_is_answered_as_a_result_not_raised_as_an_error_the_pages_cannot_map()
    {
        // THROW 50001 was not transient for the retrying strategy and nothing mapped it: the clerk got the error page.
        var batch = (TSqlScript)Parse(ApplicationLock.SqlServerTake);
        var statements = batch.Batches.SelectMany(b => b.Statements).ToList();
        Assert.DoesNotContain(statements, s => s is ThrowStatement or RaiseErrorStatement);
        Assert.IsType<SelectStatement>(statements[^1]);
        Assert.Contains(nameof(AriSuTotalService.Infrastructure.Visits.VisitBooking.WindowBusy), typeof(AriSuTotalService.Infrastructure.Visits.VisitBooking).GetFields().Select(f => f.Name));
    }

    [Fact]
    public void Every_built_command_has_typed_and_sized_parameters()
    {
        using var db = SqlServerContext();
        var explicitType = typeof(SqlParameter).GetMethod("ShouldSerializeSqlDbType", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!;
        var seen = 0;
        foreach (var (name, command) in BuiltCommands(db))
        {
            Assert.IsType<SqlCommand>(command);
            // Every parameter the statement names is there.
            foreach (var variable in TempTables.Of(Parse(command.CommandText)).Undeclared)
                Assert.True(command.Parameters.Contains(variable), $"{name}: {variable} has no parameter");
            foreach (SqlParameter p in command.Parameters)
            {
                Assert.True((bool)explicitType.Invoke(p, null)!, $"{name}: {p.ParameterName} has no type of its own (SqlClient guesses one and will not prepare it)");
                if (p.SqlDbType is System.Data.SqlDbType.NVarChar or System.Data.SqlDbType.VarChar)
                    Assert.True(p.Size > 0, $"{name}: {p.ParameterName} is text without a size");
                seen++;
            }
            command.Dispose();
        }
        Assert.True(seen > 20);
    }

    [Fact]
    public void The_demo_linker_has_typed_parameters_sized_as_the_reception_number()
    {
        using var db = SqlServerContext();
        using var linker = new DemoSeeder.BulkLinker(db);
        var field = typeof(DemoSeeder.BulkLinker).GetField("_cmd", BindingFlags.Instance | BindingFlags.NonPublic)!;
        var command = (SqlCommand)field.GetValue(linker)!;
        Assert.All(command.Parameters.Cast<SqlParameter>(), p =>
        {
            Assert.Equal(System.Data.SqlDbType.NVarChar, p.SqlDbType);
            Assert.Equal(30, p.Size);
        });
    }

    [Fact]
    public void The_migrations_set_read_committed_snapshot_and_the_compatibility_level_the_queries_are_translated_for()
    {
        using var db = SqlServerContext();
        var script = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>()
            .GenerateScript(options: Microsoft.EntityFrameworkCore.Migrations.MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("SET READ_COMMITTED_SNAPSHOT ON", script, StringComparison.Ordinal);
        Assert.Contains($"SET COMPATIBILITY_LEVEL = {DatabaseOptions.SqlServerCompatibilityLevel}", script, StringComparison.Ordinal);
        Assert.Contains($"< {DatabaseOptions.SqlServerCompatibilityLevel}", SqlServerSettings.RaiseCompatibilityLevel, StringComparison.Ordinal);
#pragma warning disable EF1001 // the level the provider translates for is only on its options extension
        var extension = db.GetService<Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptions>()
            .FindExtension<Microsoft.EntityFrameworkCore.SqlServer.Infrastructure.Internal.SqlServerOptionsExtension>()!;
        Assert.Equal(DatabaseOptions.SqlServerCompatibilityLevel, extension.SqlServerCompatibilityLevel);
#pragma warning restore EF1001
    }

    [Fact]
    public void Sql_server_runs_every_unit_through_a_retrying_strategy_that_takes_deadlock_victims()
    {
        using var db = SqlServerContext();
        var strategy = db.Database.CreateExecutionStrategy();
        Assert.IsType<Microsoft.EntityFrameworkCore.SqlServerRetryingExecutionStrategy>(strategy);
        Assert.True(strategy.RetriesOnFailure);
    }

    [Fact]
    public async Task Each_stage_takes_the_values_its_writer_gives_in_the_types_of_the_model()
    {
        // Rows are held until a batch is full, so this runs without a server: a value of the wrong type fails here.
        using var db = SqlServerContext();
        var now = DateTime.UtcNow;
        var stages = new (SqlServerStage Stage, object?[] Row)[]
        {
            (new SqlServerStage(db, typeof(Domain.Meters.MeterReading), MeterReadingImport.SqlServerStageName, MeterReadingImport.StagedProperties),
                [42L, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1), 1234L, 30, 31]),
            (new SqlServerStage(db, typeof(Domain.Customers.Customer), CustomerImport.SqlServerStageName, CustomerImport.StagedProperties),
                [1, "12-3456789", "홍길동", "010-1234-5678", "01012345678", "서울특별시 관악구 관악로 1", "101동 1001호", "08826", null, "관악구", "가정용", 15, null,
                    (DateOnly?)new DateOnly(2016, 3, 2)]),
            (new SqlServerStage(db, typeof(Domain.Complaints.Complaint), ComplaintHistoryImport.SqlServerStageName, ComplaintHistoryImport.StagedProperties),
                [1, "2016-남부-000001", now, 3, "phone", "resolved", (long?)42, "현장민원과", now, (DateTime?)now]),
            (new SqlServerStage(db, typeof(Domain.Complaints.Complaint), DemoSeeder.ComplaintStageName, DemoSeeder.ComplaintColumns),
                [1, "2026-남부-000001", now, 3, "phone", "received", null, "관악로 1", "현장민원과", now, now, null, "물이 안 나옴", null, null, now, "demo", Guid.NewGuid()]),
        };
        foreach (var (stage, row) in stages)
        {
            stage.Add(row);
            stage.Add(row);
            var table = (System.Data.DataTable)typeof(SqlServerStage).GetField("_rows", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(stage)!;
            Assert.Equal(2, table.Rows.Count);
            Assert.Equal(row.Length, table.Columns.Count);
            await stage.DisposeAsync();
        }
    }

    [Fact]
    public void The_per_row_writer_is_never_used_on_sql_server()
    {
        // SQL Server writes in bulk through stages and one merge; the per-row prepared writer is SQLite's.
        using var connection = new SqlConnection("Server=readiness.invalid;Database=Arisu");
        Assert.Throws<NotSupportedException>(() => new BulkWriter(connection, null, "MeterReadings", ["CustomerId"]));
    }
}

/// <summary>The temporary tables a batch makes and uses, and whether it carries parameters (variables it does not declare).</summary>
internal sealed class TempTables : TSqlFragmentVisitor
{
    public HashSet<string> Created { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> Used { get; } = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _declared = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _variables = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Variables the batch uses without declaring them: its parameters.</summary>
    public IEnumerable<string> Undeclared => _variables.Except(_declared, StringComparer.OrdinalIgnoreCase);
    public bool Parameterised => Undeclared.Any();

    public static TempTables Of(TSqlFragment fragment)
    {
        var v = new TempTables();
        fragment.Accept(v);
        return v;
    }

    private static string? Temp(SchemaObjectName? name) =>
        name?.BaseIdentifier?.Value is { } n && n.StartsWith('#') ? n : null;

    public override void ExplicitVisit(CreateTableStatement node)
    {
        if (Temp(node.SchemaObjectName) is { } t) Created.Add(t);
        base.ExplicitVisit(node);
    }

    public override void ExplicitVisit(SelectStatement node)
    {
        if (Temp(node.Into) is { } t) Created.Add(t);
        base.ExplicitVisit(node);
    }

    public override void ExplicitVisit(NamedTableReference node)
    {
        if (Temp(node.SchemaObject) is { } t) Used.Add(t);
        base.ExplicitVisit(node);
    }

    public override void ExplicitVisit(DropTableStatement node)
    {
        foreach (var o in node.Objects)
            if (Temp(o) is { } t) Used.Add(t);
        base.ExplicitVisit(node);
    }

    public override void ExplicitVisit(DeclareVariableElement node)
    {
        _declared.Add(node.VariableName.Value);
        base.ExplicitVisit(node);
    }

    public override void ExplicitVisit(DeclareTableVariableBody node)
    {
        if (node.VariableName is { } name) _declared.Add(name.Value);
        base.ExplicitVisit(node);
    }

    public override void ExplicitVisit(VariableReference node)
    {
        _variables.Add(node.Name);
        base.ExplicitVisit(node);
    }

    /// <summary>A procedure's named argument (<c>@Resource = @resource</c>): its name is the procedure's, only its value is the batch's.</summary>
    public override void ExplicitVisit(ExecuteParameter node) => node.ParameterValue?.Accept(this);

    public override void ExplicitVisit(VariableTableReference node)
    {
        _variables.Add(node.Variable.Name);
        base.ExplicitVisit(node);
    }
}
