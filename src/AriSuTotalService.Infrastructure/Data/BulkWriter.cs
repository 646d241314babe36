using Microsoft.EntityFrameworkCore.Storage;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Data;

/// <summary>
/// Writes many rows through one prepared, parameterised command inside the caller's transaction: the bulk path
/// for imports and generated data (no change tracking). Column values are given in the order of the column list.
/// </summary>
public sealed class BulkWriter : IDisposable
{
    private readonly DbCommand _command;
    private readonly bool _sqlite;
    private bool _prepared;

    public BulkWriter(DbConnection connection, DbTransaction? transaction, string table, IReadOnlyList<string> columns)
    {
        _sqlite = connection.GetType().Name.Contains("Sqlite", StringComparison.Ordinal);
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var values = string.Join(", ", columns.Select((_, i) => $"@p{i}"));
        _command.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({values})";
        for (var i = 0; i < columns.Count; i++)
        {
            var p = _command.CreateParameter();
            p.ParameterName = $"@p{i}";
            _command.Parameters.Add(p);
        }
    }

    /// <summary>Any prepared statement with parameters @p0…@p{n-1} (updates of an import).</summary>
    public BulkWriter(DbConnection connection, DbTransaction? transaction, string sql, int parameterCount)
    {
        _sqlite = connection.GetType().Name.Contains("Sqlite", StringComparison.Ordinal);
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        for (var i = 0; i < parameterCount; i++)
        {
            var p = _command.CreateParameter();
            p.ParameterName = $"@p{i}";
            _command.Parameters.Add(p);
        }
    }

    public static BulkWriter For(DbContext db, string table, params string[] columns) =>
        new(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), table, columns);

    public void Insert(params object?[] values)
    {
        Bind(values);
        _command.ExecuteNonQuery();
    }

    /// <summary>Runs the statement and returns the first column of its result (an upsert that says whether the row was new).</summary>
    public object? Scalar(params object?[] values)
    {
        Bind(values);
        return _command.ExecuteScalar();
    }

    private void Bind(object?[] values)
    {
        for (var i = 0; i < values.Length; i++) _command.Parameters[i].Value = Convert(values[i]);
        if (!_prepared)
        {
            _command.Prepare();
            _prepared = true;
        }
    }


    private object Convert(object? value) => value switch
    {
        null => DBNull.Value,
        // EF stores Guids in SQLite as upper-case text; the ADO provider would bind a blob.
        Guid g when _sqlite => g.ToString().ToUpperInvariant(),
        Enum e => e.ToString(),
        _ => value,
    };

    public void Dispose() => _command.Dispose();
}
