using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AriSuTotalService.Infrastructure.Data;

/// <summary>
/// The SQL Server bulk path. Rows are copied with <see cref="SqlBulkCopy"/> (thousands per round trip, no per-row
/// statement) into a temporary table shaped from the EF model — the same column types and sizes as the target, so a
/// value that would not fit fails here, with the row — then one set-based statement (a <c>MERGE … WITH (HOLDLOCK)</c>)
/// moves them into the target inside the caller's transaction. The temporary table is made by a batch without
/// parameters: such a batch is not sent through <c>sp_executesql</c>, so the table lives for the connection and
/// the later parameterised statements see it. Dropped when disposed.
/// </summary>
public sealed class SqlServerStage : IAsyncDisposable
{
    /// <summary>Rows held in memory before they are copied (about a megabyte for a reading).</summary>
    public const int BatchRows = 20_000;

    private readonly SqlConnection _connection;
    private readonly SqlTransaction? _transaction;
    private readonly DataTable _rows = new();
    private readonly IReadOnlyList<IProperty> _properties;
    private bool _created;

    public string Name { get; }

    /// <summary>Rows copied so far.</summary>
    public int Count { get; private set; }

    /// <summary>Rows one merge statement takes: below the 5,000 locks at which SQL Server escalates a statement's row locks to a table lock.</summary>
    public const int ChunkRows = 4_000;

    /// <summary>The stage's own row number, by which a merge takes it a chunk at a time.</summary>
    public const string RowColumn = "StageRow";

    private readonly int _timeoutSeconds;

    /// <param name="timeoutSeconds">Of each bulk copy and each statement (<see cref="DatabaseOptions.BulkTimeoutSeconds"/>).</param>
    public SqlServerStage(DbContext db, Type entity, string name, IReadOnlyList<string> properties,
        int timeoutSeconds = DatabaseOptions.DefaultBulkTimeoutSeconds)
    {
        _timeoutSeconds = timeoutSeconds;
        _connection = (SqlConnection)db.Database.GetDbConnection();
        _transaction = (SqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        Name = name;
        _properties = Properties(db.Model, entity, properties);
        foreach (var p in _properties)
        {
            var type = Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType;
            // Bulk copy sends a date as DateTime and an enum as its stored text.
            if (type == typeof(DateOnly)) type = typeof(DateTime);
            else if (type.IsEnum) type = typeof(string);
            _rows.Columns.Add(p.GetColumnName(), type);
        }
    }

    private static List<IProperty> Properties(IModel model, Type entity, IReadOnlyList<string> names)
    {
        var type = model.FindEntityType(entity) ?? throw new ArgumentException($"{entity.Name} is not in the model", nameof(entity));
        return [.. names.Select(n => type.FindProperty(n) ?? throw new ArgumentException($"{entity.Name} has no property {n}", nameof(names)))];
    }

    /// <summary>
    /// The statement that makes the temporary table: every column with the target's store type and nullability (no
    /// keys or indexes: the merge reads it once).
    /// </summary>
    public static string CreateSql(IModel model, Type entity, string name, IReadOnlyList<string> properties)
    {
        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"CREATE TABLE {name} ([{RowColumn}] int IDENTITY(1,1) NOT NULL");
        foreach (var p in Properties(model, entity, properties))
        {
            sql.Append(", ");
            var type = p.GetColumnType();
            // A temporary table lives in tempdb and would take tempdb's (the instance's) collation: a database of another
            // collation (Korean_100_CI_AS on an instance of SQL_Latin1_General_CP1_CI_AS) then refuses every join of the
            // stage with its table (error 468). The stage takes the database's own.
            var collate = IsText(type) ? " COLLATE DATABASE_DEFAULT" : "";
            sql.Append(CultureInfo.InvariantCulture, $"[{p.GetColumnName()}] {type}{collate} {(p.IsNullable ? "NULL" : "NOT NULL")}");
        }
        sql.Append(");");
        return sql.ToString();
    }

    /// <summary>A character type, which has a collation.</summary>
    public static bool IsText(string storeType) =>
        storeType.StartsWith("nvarchar", StringComparison.OrdinalIgnoreCase) || storeType.StartsWith("varchar", StringComparison.OrdinalIgnoreCase)
        || storeType.StartsWith("nchar", StringComparison.OrdinalIgnoreCase) || storeType.StartsWith("char", StringComparison.OrdinalIgnoreCase)
        || storeType.Equals("ntext", StringComparison.OrdinalIgnoreCase) || storeType.Equals("text", StringComparison.OrdinalIgnoreCase);

    public static string DropSql(string name) => $"DROP TABLE IF EXISTS {name};";

    /// <summary>Adds a row, values in the order of the properties; copies the held rows when the batch is full.</summary>
    public void Add(params object?[] values)
    {
        var row = _rows.NewRow();
        for (var i = 0; i < values.Length; i++)
        {
            row[i] = values[i] switch
            {
                null => DBNull.Value,
                DateOnly d => d.ToDateTime(TimeOnly.MinValue),
                Enum e => e.ToString(),
                var v => v,
            };
        }
        _rows.Rows.Add(row);
        if (_rows.Rows.Count >= BatchRows) Flush();
    }

    private void EnsureCreated()
    {
        if (_created) return;
        using var create = _connection.CreateCommand();
        create.Transaction = _transaction;
        create.CommandText = DropSql(Name) + "\n" + CreateSql(_properties[0].DeclaringType.Model, _properties[0].DeclaringType.ClrType, Name,
            [.. _properties.Select(p => p.Name)]);
        create.ExecuteNonQuery();
        _created = true;
    }

    /// <summary>Copies the rows held so far into the temporary table.</summary>
    public void Flush()
    {
        EnsureCreated();
        if (_rows.Rows.Count == 0) return;
        using (var copy = new SqlBulkCopy(_connection, SqlBulkCopyOptions.KeepNulls | SqlBulkCopyOptions.CheckConstraints, _transaction))
        {
            copy.DestinationTableName = Name;
            copy.BulkCopyTimeout = _timeoutSeconds;
            foreach (DataColumn c in _rows.Columns) copy.ColumnMappings.Add(c.ColumnName, c.ColumnName);
            copy.WriteToServer(_rows);
        }
        Count += _rows.Rows.Count;
        _rows.Clear();
    }

    /// <summary>
    /// Copies what is held, then runs the set-based statement (with its typed parameters) that reads the temporary table;
    /// returns the first row of its last result (a merge's counts), or null when it returns none.
    /// </summary>
    public async Task<object[]?> RunAsync(string sql, Action<DbCommand>? parameters, CancellationToken ct)
    {
        Flush();
        await using var cmd = _connection.CreateCommand();
        cmd.Transaction = _transaction;
        cmd.CommandText = sql;
        cmd.CommandTimeout = _timeoutSeconds;
        parameters?.Invoke(cmd);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        object[]? last = null;
        do
        {
            if (reader.FieldCount == 0) continue;
            while (await reader.ReadAsync(ct))
            {
                last = new object[reader.FieldCount];
                reader.GetValues(last);
            }
        } while (await reader.NextResultAsync(ct));
        return last;
    }

    /// <summary>
    /// The stage as a merge's source, one chunk of it: the rows numbered after <c>@after</c> up to <c>@upto</c>.
    /// </summary>
    public static string Chunk(string name) =>
        $"(SELECT * FROM {name} WHERE [{RowColumn}] > @after AND [{RowColumn}] <= @upto)";

    /// <summary>The chunk's bounds: the rows numbered after <paramref name="after"/>, <see cref="ChunkRows"/> of them.</summary>
    public static void ChunkParameters(DbCommand cmd, int after)
    {
        cmd.Add("@after", DbType.Int32, after);
        cmd.Add("@upto", DbType.Int32, after + ChunkRows);
    }

    /// <summary>
    /// Runs a merge whose source is <see cref="Chunk"/> and that ends with <see cref="CountActions"/>, a chunk of
    /// <see cref="ChunkRows"/> rows at a time inside the caller's transaction: each statement locks a bounded number of
    /// rows (no escalation to a table lock), so intake and booking, whose foreign-key checks read the same tables, wait
    /// for the rows the import changes only. Returns (inserted, updated) of all chunks.
    /// </summary>
    public async Task<(int Inserted, int Updated)> MergeAsync(string sql, Action<DbCommand>? parameters, CancellationToken ct)
    {
        Flush();
        int inserted = 0, updated = 0;
        for (var after = 0; after < Count; after += ChunkRows)
        {
            var from = after;
            var row = await RunAsync(sql, cmd =>
            {
                parameters?.Invoke(cmd);
                ChunkParameters(cmd, from);
            }, ct) ?? throw new InvalidOperationException("the merge returned no counts");
            inserted += Convert.ToInt32(row[0], CultureInfo.InvariantCulture);
            updated += Convert.ToInt32(row[1], CultureInfo.InvariantCulture);
        }
        return (inserted, updated);
    }

    /// <summary>The table variable a merge outputs its actions into, declared before it.</summary>
    public const string DeclareActions = "DECLARE @actions TABLE ([Action] nvarchar(10) COLLATE DATABASE_DEFAULT NOT NULL);\n";

    /// <summary>After a merge with <c>OUTPUT $action INTO @actions</c>: one row, inserted and updated.</summary>
    public const string CountActions = """

        SELECT COUNT(CASE WHEN [Action] = N'INSERT' THEN 1 END), COUNT(CASE WHEN [Action] = N'UPDATE' THEN 1 END) FROM @actions;
        """;

    public async ValueTask DisposeAsync()
    {
        _rows.Dispose();
        if (!_created || _connection.State != ConnectionState.Open) return;
        try
        {
            await using var drop = _connection.CreateCommand();
            // After a commit or rollback the transaction has no connection: the drop runs by itself.
            drop.Transaction = _transaction?.Connection is null ? null : _transaction;
            drop.CommandText = DropSql(Name);
            await drop.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is SqlException or InvalidOperationException)
        {
            // The transaction was ended by the error being reported; the table goes with the connection.
        }
    }
}
