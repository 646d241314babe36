using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AriSuTotalService.Infrastructure.Data;

/// <summary>
/// One prepared statement on an open SQLite connection's native handle, bound by position: the bulk path for
/// millions of rows. Microsoft.Data.Sqlite looks every parameter up by name and boxes its value on each execution
/// (about half of a row's cost in an import); here a row is six native calls. Runs inside the connection's current
/// transaction; errors surface as <see cref="SqliteException"/> like any other command's.
/// </summary>
public sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _stmt);
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    /// <summary>The position of a named parameter (@p0 …), looked up once.</summary>
    public int PositionOf(string name)
    {
        var position = raw.sqlite3_bind_parameter_index(_stmt, name);
        return position > 0 ? position : throw new ArgumentException($"the statement has no parameter {name}", nameof(name));
    }

    public void Bind(int position, long value) => Check(raw.sqlite3_bind_int64(_stmt, position, value));

    /// <summary>A date as EF stores it in SQLite (yyyy-MM-dd text).</summary>
    public void Bind(int position, DateOnly value)
    {
        Span<byte> text = stackalloc byte[10];
        value.TryFormat(text, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Check(raw.sqlite3_bind_text(_stmt, position, text[..written]));
    }

    /// <summary>Text, or NULL for null.</summary>
    public void Bind(int position, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_stmt, position) : raw.sqlite3_bind_text(_stmt, position, value));

    /// <summary>A date, or NULL.</summary>
    public void Bind(int position, DateOnly? value)
    {
        if (value is { } d) Bind(position, d);
        else Check(raw.sqlite3_bind_null(_stmt, position));
    }

    /// <summary>An instant as EF stores a <see cref="DateTime"/> in SQLite (yyyy-MM-dd HH:mm:ss.FFFFFFF text).</summary>
    public void Bind(int position, DateTime value) =>
        Bind(position, value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));

    /// <summary>An instant, or NULL.</summary>
    public void Bind(int position, DateTime? value)
    {
        if (value is { } v) Bind(position, v);
        else Check(raw.sqlite3_bind_null(_stmt, position));
    }

    /// <summary>A key, or NULL.</summary>
    public void Bind(int position, long? value)
    {
        if (value is { } v) Bind(position, v);
        else Check(raw.sqlite3_bind_null(_stmt, position));
    }

    /// <summary>A Guid as EF stores it in SQLite (upper-case text).</summary>
    public void Bind(int position, Guid value) => Bind(position, value.ToString().ToUpperInvariant());

    /// <summary>Runs a statement that returns no rows, then resets it for the next binding.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_stmt);
        raw.sqlite3_reset(_stmt);
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc == raw.SQLITE_ROW ? raw.SQLITE_MISUSE : rc, _db);
    }

    /// <summary>Runs a statement that returns one number (its first column of its first row), then resets it.</summary>
    public long Scalar()
    {
        var rc = raw.sqlite3_step(_stmt);
        try
        {
            if (rc != raw.SQLITE_ROW) SqliteException.ThrowExceptionForRC(rc == raw.SQLITE_DONE ? raw.SQLITE_MISUSE : rc, _db);
            return raw.sqlite3_column_int64(_stmt, 0);
        }
        finally
        {
            raw.sqlite3_reset(_stmt);
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Dispose() => _stmt.Dispose();
}

/// <summary>
/// How many rows a bulk upsert inserted into a table on SQLite: the highest key before, then the rows above it
/// (keys only grow: AUTOINCREMENT; the writer holds the database, so every such row is its own). The connection's
/// last-insert row id cannot tell: it may be left from another table by an earlier use of the pooled connection.
/// </summary>
public sealed class SqliteInsertCounter
{
    private readonly SqliteConnection _connection;
    private readonly string _table;
    private readonly long _before;

    private SqliteInsertCounter(SqliteConnection connection, string table, long before) => (_connection, _table, _before) = (connection, table, before);

    /// <param name="table">A table of the model whose key is <c>"Id"</c>.</param>
    public static SqliteInsertCounter Start(SqliteConnection connection, string table)
    {
        using var max = new SqliteStatement(connection, $"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"");
        return new SqliteInsertCounter(connection, table, max.Scalar());
    }

    /// <summary>Rows of the table added since <see cref="Start"/> (inside the caller's transaction, on the native handle).</summary>
    public int Inserted()
    {
        using var count = new SqliteStatement(_connection, $"SELECT COUNT(*) FROM \"{_table}\" WHERE \"Id\" > @before");
        count.Bind(count.PositionOf("@before"), _before);
        return (int)count.Scalar();
    }
}
