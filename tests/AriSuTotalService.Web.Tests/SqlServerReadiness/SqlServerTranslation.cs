using System.Collections;
using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace AriSuTotalService.Web.Tests.SqlServerReadiness;

/// <summary>
/// Every LINQ query the app compiles while it runs on SQLite (each distinct query once: EF compiles a shape once),
/// as EF hands it to the provider — its captured values already turned into parameters.
/// </summary>
public sealed class QueryRecorder : IQueryExpressionInterceptor
{
    private readonly ConcurrentDictionary<string, Expression> _queries = new(StringComparer.Ordinal);

    public IReadOnlyCollection<Expression> Queries => [.. _queries.Values];

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        _queries.TryAdd(queryExpression.ToString(), queryExpression);
        return queryExpression;
    }
}

/// <summary>
/// Translates recorded queries with the SQL Server provider, on a context that never connects: its connection
/// "opens" without a server and every command is answered with no rows, after its text is kept. What the SQL Server
/// provider cannot translate fails here, and what it writes is parsed as T-SQL by the caller.
/// </summary>
public sealed class SqlServerTranslation : IDisposable
{
    private readonly ArisuDbContext _db;
    private readonly DryRun _dry = new();

    public SqlServerTranslation()
    {
        var builder = new DbContextOptionsBuilder<ArisuDbContext>();
        AriSuTotalService.Infrastructure.DependencyInjection.Configure(builder, new DatabaseOptions
        {
            Provider = DatabaseProvider.SqlServer,
            ConnectionString = "Server=readiness.invalid;Database=Arisu;TrustServerCertificate=true",
        });
        builder.AddInterceptors(_dry, _dry.Connection);
        _db = new ArisuDbContext(builder.Options);
        _db.ActFor(1);
    }

    public sealed record Result(string Query, IReadOnlyList<string> Sql, Exception? Error);

    public Result Translate(Expression recorded)
    {
        _dry.Commands.Clear();
        try
        {
            var query = new ToSqlServerModel(_db.Model).Visit(recorded);
            var resultType = query.Type.IsGenericType && typeof(IQueryable).IsAssignableFrom(query.Type)
                ? typeof(IEnumerable<>).MakeGenericType(query.Type.GetGenericArguments()[0])
                : query.Type;
            var database = _db.GetService<IDatabase>();
            var compile = typeof(IDatabase).GetMethod(nameof(IDatabase.CompileQuery))!.MakeGenericMethod(resultType);
            var executor = (Delegate)compile.Invoke(database, [query, false])!;
            var context = _db.GetService<IQueryContextFactory>().Create();
            foreach (var p in Parameters.Of(query)) context.Parameters[p.Name] = DummyValue(p.Type);
            try
            {
                var result = executor.DynamicInvoke(context);
                if (result is IEnumerable rows)
                    foreach (var _ in rows) { }
            }
            catch (Exception e) when (_dry.Commands.Count > 0
                && (e is InvalidOperationException || e is TargetInvocationException { InnerException: InvalidOperationException }))
            {
                // The command was written, then the rows it got (none, no columns) did not fit the shaper or a
                // single-row operator: the translation is what this reads.
            }
            return new Result(recorded.ToString(), [.. _dry.Commands], null);
        }
        catch (Exception e)
        {
            return new Result(recorded.ToString(), [.. _dry.Commands], e is TargetInvocationException { InnerException: { } inner } ? inner : e);
        }
    }

    /// <summary>
    /// A query compiled once for the process (<c>EF.CompileAsyncQuery</c>): its context parameter is this context, the
    /// others values of their types; then run here like any query.
    /// </summary>
    public Result TranslateCompiled(LambdaExpression compiled)
    {
        _dry.Commands.Clear();
        try
        {
            var values = compiled.Parameters.ToDictionary(p => p, p => (Expression)(typeof(DbContext).IsAssignableFrom(p.Type)
                ? Expression.Constant(_db, p.Type)
                : Expression.Constant(p.Type == typeof(CancellationToken) ? CancellationToken.None : DummyValue(p.Type), p.Type)));
            var body = new Substitute(values).Visit(compiled.Body);
            var provider = ((IQueryable)_db.Complaints).Provider;
            try
            {
                if (typeof(IQueryable).IsAssignableFrom(body.Type))
                    foreach (var _ in provider.CreateQuery(body)) { }
                else
                    provider.Execute(body);
            }
            catch (Exception e) when (_dry.Commands.Count > 0
                && (e is InvalidOperationException || e is TargetInvocationException { InnerException: InvalidOperationException }))
            {
                // Written, then answered with no rows.
            }
            return new Result(compiled.ToString(), [.. _dry.Commands], null);
        }
        catch (Exception e)
        {
            return new Result(compiled.ToString(), [.. _dry.Commands], e is TargetInvocationException { InnerException: { } inner } ? inner : e);
        }
    }

    private sealed class Substitute(Dictionary<ParameterExpression, Expression> values) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => values.TryGetValue(node, out var v) ? v : node;
    }

    /// <summary>A value of the parameter's type (EF writes different SQL for null, so never null).</summary>
    private static object? DummyValue(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return "x";
        if (t == typeof(Guid)) return Guid.Empty;
        if (t == typeof(DateTime)) return new DateTime(2026, 11, 25, 1, 0, 0, DateTimeKind.Utc);
        if (t == typeof(DateOnly)) return new DateOnly(2026, 11, 25);
        if (t == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);
        if (t == typeof(TimeOnly)) return new TimeOnly(10, 0);
        if (t == typeof(bool)) return true;
        if (t.IsEnum) return Enum.GetValues(t).GetValue(0);
        if (t.IsPrimitive || t == typeof(decimal)) return Convert.ChangeType(1, t, System.Globalization.CultureInfo.InvariantCulture);
        if (t.IsArray) return OneOf(t.GetElementType()!, t);
        if (t.IsGenericType && t.GetGenericArguments() is [var element] && typeof(IEnumerable).IsAssignableFrom(t))
            return OneOf(element, t);
        return null;
    }

    private static object OneOf(Type element, Type collection)
    {
        var array = Array.CreateInstance(element, 1);
        array.SetValue(DummyValue(element), 0);
        if (collection.IsAssignableFrom(array.GetType())) return array;
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        list.Add(array.GetValue(0));
        if (collection.IsAssignableFrom(list.GetType())) return list;
        return Activator.CreateInstance(collection, list)!;
    }

    public void Dispose() => _db.Dispose();

    /// <summary>The recorded query's roots point at the SQLite model's entity types; here at SQL Server's.</summary>
    private sealed class ToSqlServerModel(IModel model) : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node) => node switch
        {
            EntityQueryRootExpression root => new EntityQueryRootExpression(
                model.FindEntityType(root.EntityType.Name) ?? throw new InvalidOperationException($"{root.EntityType.Name} is not in the model")),
            _ => base.VisitExtension(node),
        };
    }

    private sealed class Parameters : ExpressionVisitor
    {
        private readonly Dictionary<string, QueryParameterExpression> _found = [];

        public static IEnumerable<QueryParameterExpression> Of(Expression expression)
        {
            var v = new Parameters();
            v.Visit(expression);
            return v._found.Values;
        }

        protected override Expression VisitExtension(Expression node)
        {
            if (node is QueryParameterExpression p) _found[p.Name] = p;
            return node is QueryParameterExpression ? node : base.VisitExtension(node);
        }
    }

    /// <summary>Opens nothing, runs nothing: keeps each command's text and answers with no rows.</summary>
    private sealed class DryRun : DbCommandInterceptor
    {
        public List<string> Commands { get; } = [];
        public NoServer Connection { get; } = new();

        private static DbDataReader Empty() => new DataTable().CreateDataReader();

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Commands.Add(command.CommandText);
            return InterceptionResult<DbDataReader>.SuppressWithResult(Empty());
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Commands.Add(command.CommandText);
            return InterceptionResult<object>.SuppressWithResult(0);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Commands.Add(command.CommandText);
            return InterceptionResult<int>.SuppressWithResult(0);
        }
    }

    private sealed class NoServer : DbConnectionInterceptor
    {
        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();
    }
}
