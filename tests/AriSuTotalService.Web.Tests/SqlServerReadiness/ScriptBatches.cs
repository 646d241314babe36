using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace AriSuTotalService.Web.Tests.SqlServerReadiness;

/// <summary>
/// What SQL Server refuses in a migration script although it parses: SQL Server compiles a whole batch before running
/// any of it, so a statement of the batch that uses a column an earlier <c>ALTER TABLE … ADD</c> of the same batch
/// makes fails with Msg 207 "Invalid column name" (the table exists, the column does not yet) and nothing of the batch
/// runs. EF emits a migration's statements in one batch (no <c>GO</c> inside its transaction); only a statement
/// inside <c>EXEC(N'…')</c> is compiled when it runs.
/// </summary>
public static class ScriptBatches
{
    /// <summary>The batches of a script: the text between lines that hold only <c>GO</c>.</summary>
    public static IReadOnlyList<string> Split(string script)
    {
        var batches = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var line in script.Split('\n'))
        {
            if (line.Trim().Equals("GO", StringComparison.OrdinalIgnoreCase))
            {
                batches.Add(current.ToString());
                current.Clear();
            }
            else current.Append(line).Append('\n');
        }
        if (current.ToString().Trim().Length > 0) batches.Add(current.ToString());
        return batches;
    }

    /// <summary>Each use, in a batch, of a column that an earlier <c>ALTER TABLE … ADD</c> of the same batch makes.</summary>
    public static IReadOnlyList<string> ColumnsUsedBeforeTheyExist(string script)
    {
        var problems = new List<string>();
        var batchNumber = 0;
        foreach (var batch in Split(script))
        {
            batchNumber++;
            var parser = new TSql160Parser(initialQuotedIdentifiers: true);
            using var reader = new StringReader(batch);
            var fragment = parser.Parse(reader, out var errors);
            if (errors.Count > 0)
            {
                problems.Add($"batch {batchNumber} does not parse: {errors[0].Message}");
                continue;
            }
            var walker = new Walker();
            fragment.Accept(walker);
            problems.AddRange(walker.Problems.Select(p => $"batch {batchNumber}: {p}"));
        }
        return problems;
    }

    /// <summary>Walks the statements in order: columns added so far, then the DML that names one of them.</summary>
    private sealed class Walker : TSqlFragmentVisitor
    {
        private readonly HashSet<string> _added = new(StringComparer.OrdinalIgnoreCase);
        public List<string> Problems { get; } = [];

        public override void ExplicitVisit(AlterTableAddTableElementStatement node)
        {
            foreach (var column in node.Definition.ColumnDefinitions)
                _added.Add(column.ColumnIdentifier.Value);
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(UpdateStatement node) => Check(node, "UPDATE");
        public override void ExplicitVisit(InsertStatement node) => Check(node, "INSERT");
        public override void ExplicitVisit(DeleteStatement node) => Check(node, "DELETE");
        public override void ExplicitVisit(MergeStatement node) => Check(node, "MERGE");
        public override void ExplicitVisit(SelectStatement node) => Check(node, "SELECT");

        private void Check(TSqlStatement statement, string kind)
        {
            if (_added.Count == 0) return;
            var names = new Names();
            statement.Accept(names);
            foreach (var name in names.Columns.Where(_added.Contains).Distinct(StringComparer.OrdinalIgnoreCase))
                Problems.Add($"{kind} names [{name}], which an ALTER TABLE … ADD earlier in the same batch makes (Msg 207 when the batch is compiled)");
        }
    }

    /// <summary>The column names a statement uses: references, SET targets, INSERT column lists.</summary>
    private sealed class Names : TSqlFragmentVisitor
    {
        public List<string> Columns { get; } = [];

        public override void ExplicitVisit(ColumnReferenceExpression node)
        {
            if (node.MultiPartIdentifier is { Count: > 0 } id) Columns.Add(id.Identifiers[^1].Value);
            base.ExplicitVisit(node);
        }
    }
}
