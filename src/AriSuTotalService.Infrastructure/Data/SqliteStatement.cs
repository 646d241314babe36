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

    /// <summary>Runs a statement that returns no rows, then resets it for the next binding.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_stmt);
        raw.sqlite3_reset(_stmt);
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc == raw.SQLITE_ROW ? raw.SQLITE_MISUSE : rc, _db);
    }

    /// <summary>The key of the last row this connection inserted (an upsert that updated leaves it unchanged).</summary>
    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_db);

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Dispose() => _stmt.Dispose();
}
