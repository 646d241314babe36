using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.Dac;
using Microsoft.SqlServer.Dac.Model;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace AriSuTotalService.SqlServerModel.Tests;

/// <summary>
/// The SQL Server path read as SQL Server resolves it, without a server: a semantic model (DacFx) of the schema EF's
/// create script makes, with every raw statement of the application added as a procedure body — the scan, the stages and
/// their merges, the booking lock, the reception-number sequence, every statement kept as a string. A table or column
/// the schema does not have fails here (Msg 207/208 on a server) instead of in production. The stages become real tables
/// of the model (a temporary table's columns are not resolved by the model).
/// </summary>
public class SchemaModelTests
{
    private static TSqlScript Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var script = (TSqlScript)parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}")));
        return script;
    }

    private static string Text(TSqlFragment fragment)
    {
        new Sql160ScriptGenerator().GenerateScript(fragment, out var text);
        return text;
    }

    /// <summary>A stage's permanent stand-in in the model: <c>#CustomerStage</c> → <c>[dbo].[stage_CustomerStage]</c>.</summary>
    private static string StandIn(string stage) => $"[dbo].[stage_{stage.TrimStart('#')}]";

    private static string WithStandIns(string sql) =>
        SqlServerCatalogue.Stages.Aggregate(sql, (s, stage) => s.Replace(stage.Name, StandIn(stage.Name), StringComparison.Ordinal));

    /// <summary>The schema: the tables, keys and indexes of EF's create script (its seed rows are data, not schema), and the stages.</summary>
    private static TSqlModel Schema()
    {
        using var db = OfflineContext.SqlServer();
        var model = new TSqlModel(SqlServerVersion.Sql160, new TSqlModelOptions());
        foreach (var batch in Parse(db.Database.GenerateCreateScript()).Batches)
            foreach (var statement in batch.Statements.Where(s => s is CreateTableStatement or CreateIndexStatement or AlterTableAddTableElementStatement))
                model.AddObjects(Text(statement));
        foreach (var stage in SqlServerCatalogue.Stages)
            model.AddObjects(WithStandIns(stage.CreateSql(db)));
        return model;
    }

    /// <summary>The variables a statement uses without declaring them: the parameters SqlClient sends with it.</summary>
    private static IReadOnlyList<string> Parameters(TSqlFragment statement)
    {
        var variables = new Variables();
        statement.Accept(variables);
        return [.. variables.Used.Except(variables.Declared, StringComparer.OrdinalIgnoreCase).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private sealed class Variables : TSqlFragmentVisitor
    {
        public List<string> Used { get; } = [];
        public List<string> Declared { get; } = [];
        public override void ExplicitVisit(VariableReference node) => Used.Add(node.Name);
        public override void ExplicitVisit(ExecuteParameter node) => node.ParameterValue?.Accept(this);
        public override void ExplicitVisit(DeclareVariableElement node)
        {
            Declared.Add(node.VariableName.Value);
            base.ExplicitVisit(node);
        }
        public override void ExplicitVisit(DeclareTableVariableBody node)
        {
            Declared.Add(node.VariableName.Value);
            base.ExplicitVisit(node);
        }
    }

    /// <summary>A statement as a procedure of the model, its parameters declared.</summary>
    private static string AsProcedure(string name, string sql)
    {
        var body = WithStandIns(sql);
        var parameters = Parameters(Parse(body));
        var declared = parameters.Count == 0 ? "" : " " + string.Join(", ", parameters.Select(p => $"{p} sql_variant = NULL"));
        return $"CREATE PROCEDURE [dbo].[{name}]{declared}\nAS\nBEGIN\n{body}\nEND";
    }

    /// <summary>Adds each statement as a procedure and validates the model: the unresolved references, by statement.</summary>
    private static IReadOnlyList<string> Unresolved(IReadOnlyDictionary<string, string> statements)
    {
        using var model = Schema();
        var names = new Dictionary<string, string>();
        foreach (var (key, sql) in statements)
        {
            var procedure = "check_" + new string(key.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
            names[procedure] = key;
            model.AddObjects(AsProcedure(procedure, sql));
        }
        // Errors (a column the table lacks) and the warnings of deferred name resolution (a table the schema lacks: SQL
        // Server takes the procedure and fails when it runs) — but a temporary table, made by the statement itself.
        return [.. model.Validate().Where(m => m.MessageType == DacMessageType.Error
                || (m.Number == 71502 && !SystemOrTemporary(m.Message)))
            .Select(m => names.Aggregate(m.Message, (text, n) => text.Replace(n.Key, n.Value, StringComparison.Ordinal)))];
    }

    /// <summary>A reference the model cannot hold: a temporary table the statement makes, or the server's own catalogue and procedures.</summary>
    private static bool SystemOrTemporary(string message) =>
        message.Contains("[#", StringComparison.Ordinal) || message.Contains("object [sys].", StringComparison.Ordinal)
        || message.Contains("object [dbo].[sp_", StringComparison.Ordinal);

    [Fact]
    public void Every_raw_statement_of_the_application_resolves_against_the_schema()
    {
        var statements = SqlServerCatalogue.Statements();
        Assert.True(statements.Count >= 10, $"only {statements.Count} statements found");
        Assert.Contains("ApplicationLock.SqlServerTake", statements.Keys);
        Assert.Contains("CustomerImport.SqlServerMerge", statements.Keys);
        var problems = Unresolved(statements);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void A_misspelt_column_or_table_is_an_error()
    {
        var problems = Unresolved(new Dictionary<string, string>
        {
            ["column"] = "UPDATE [Customers] SET [HolderNam] = @name WHERE [Id] = @id;",
            ["stage column"] = SqlServerCatalogue.Statements()["CustomerImport.SqlServerMerge"].Replace("s.[PhoneDigits]", "s.[PhoneDigit]", StringComparison.Ordinal),
            ["table"] = "SELECT [Id] FROM [Customer] WHERE [OfficeId] = @office;",
        });
        Assert.Contains(problems, p => p.Contains("[HolderNam]", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("[PhoneDigit]", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("[Customer]", StringComparison.Ordinal));
    }
}
