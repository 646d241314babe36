using Microsoft.EntityFrameworkCore.Storage;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Data;

/// <summary>
/// SQLite's bulk path: many rows through one prepared, parameterised command inside the caller's transaction (no
/// change tracking). Column values are given in the order of the column list. SQL Server writes in bulk through
/// <see cref="SqlServerStage"/> (bulk copy and one merge), never through a command per row.
/// </summary>
public sealed class BulkWriter : IDisposable
{
    private readonly DbCommand _command;
    private bool _prepared;

    public BulkWriter(DbConnection connection, DbTransaction? transaction, string table, IReadOnlyList<string> columns)
    {
        _command = SqliteCommand(connection);
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
        _command = SqliteCommand(connection);
        _command.Transaction = transaction;
        _command.CommandText = sql;
        for (var i = 0; i < parameterCount; i++)
        {
            var p = _command.CreateParameter();
            p.ParameterName = $"@p{i}";
            _command.Parameters.Add(p);
        }
    }

    private static DbCommand SqliteCommand(DbConnection connection) => connection is Microsoft.Data.Sqlite.SqliteConnection
        ? connection.CreateCommand()
        : throw new NotSupportedException("BulkWriter is SQLite's bulk path; SQL Server writes through SqlServerStage.");

    public static BulkWriter For(DbContext db, string table, params string[] columns) =>
        new(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), table, columns);

    public void Insert(params object?[] values)
    {
        Bind(values);
        _command.ExecuteNonQuery();
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


    private static object Convert(object? value) => value switch
    {
        null => DBNull.Value,
        // EF stores Guids in SQLite as upper-case text; the ADO provider would bind a blob.
        Guid g => g.ToString().ToUpperInvariant(),
        Enum e => e.ToString(),
        _ => value,
    };

    public void Dispose() => _command.Dispose();
}
