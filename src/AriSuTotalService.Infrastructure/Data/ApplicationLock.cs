using System.Data;
using System.Data.Common;
using AriSuTotalService.Domain.Common;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AriSuTotalService.Infrastructure.Data;

/// <summary>
/// Work that must not run twice at once where a check precedes an insert (a booking's window, a leak's reduction, the
/// start-up of a node). Under SQL Server's read-committed snapshot two transactions do not see each other's new rows,
/// so the check of the second does not wait for the first: an application lock (<c>sp_getapplock</c>) on the thing
/// checked makes them take turns. SQLite needs none: a write transaction holds the database's one writer.
/// </summary>
public static class ApplicationLock
{
    /// <summary>Answers sp_getapplock's result: 0 or 1 taken, below 0 not taken in time.</summary>
    public const string SqlServerTake = """
        DECLARE @result int;
        EXEC @result = sp_getapplock @Resource = @resource, @LockMode = N'Exclusive', @LockOwner = @owner, @LockTimeout = @timeout;
        SELECT @result;
        """;

    public const string SqlServerRelease = "EXEC sp_releaseapplock @Resource = @resource, @LockOwner = N'Session';";

    /// <summary>The lock statement with its typed parameters (sp_getapplock takes its resource as nvarchar(255)).</summary>
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string resource, string owner, int timeoutMs)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = SqlServerTake;
        cmd.Add("@resource", DbType.String, resource, 255);
        cmd.Add("@owner", DbType.String, owner, 32);
        cmd.Add("@timeout", DbType.Int32, timeoutMs);
        return cmd;
    }

    /// <summary>
    /// Takes <paramref name="resource"/> for the rest of the context's current transaction; when it cannot be had within
    /// <paramref name="timeoutMs"/> (another user's transaction holds it, behind an import), the work is refused with
    /// <paramref name="refusal"/> — a message for the user, not an error page.
    /// </summary>
    public static async Task TakeAsync(ArisuDbContext db, string resource, string refusal, CancellationToken ct, int timeoutMs = 10_000)
    {
        if (!db.Database.IsSqlServer()) return;
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("an application lock is taken inside the work's transaction");
        await using var cmd = Command(db.Database.GetDbConnection(), transaction, resource, "Transaction", timeoutMs);
        var result = Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        if (result < 0) throw new DomainException(refusal);
    }

    /// <summary>
    /// Holds <paramref name="resource"/> until disposed: the start-up work of a node (roles, the first office, the
    /// catch-up of scans and reports), which a second node started at the same moment then waits for and finds done. On
    /// SQL Server a session lock on a connection of its own; on SQLite (processes on one machine sharing the file) an
    /// exclusive lock file beside the database.
    /// </summary>
    public static async Task<IAsyncDisposable> HoldAsync(DatabaseOptions options, string resource, TimeSpan wait, CancellationToken ct)
    {
        if (options.Provider != DatabaseProvider.SqlServer) return await LockFile.TakeAsync(options, resource, wait, ct);
        var connection = new SqlConnection(options.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var cmd = Command(connection, null, resource, "Session", (int)wait.TotalMilliseconds);
            var result = Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            if (result < 0) throw new InvalidOperationException($"Another node held '{resource}' for more than {wait.TotalMinutes:0} minutes; start this one again when it is up.");
            return new Held(connection, resource);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>SQLite's start-up lock: a file beside the database, opened exclusively (flock) until disposed.</summary>
    private sealed class LockFile(FileStream file) : IAsyncDisposable
    {
        public static async Task<IAsyncDisposable> TakeAsync(DatabaseOptions options, string resource, TimeSpan wait, CancellationToken ct)
        {
            var database = Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString).DataSource);
            var path = $"{database}.{new string(resource.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray())}.lock";
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var until = DateTime.UtcNow + wait;
            while (true)
            {
                try
                {
                    return new LockFile(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                }
                catch (IOException) when (DateTime.UtcNow < until)
                {
                    await Task.Delay(100, ct);
                }
            }
        }

        public ValueTask DisposeAsync() => file.DisposeAsync();
    }

    private sealed class Held(SqlConnection connection, string resource) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = SqlServerRelease;
                cmd.Add("@resource", DbType.String, resource, 255);
                await cmd.ExecuteNonQueryAsync();
            }
            finally
            {
                // A session lock ends with its session in any case.
                await connection.DisposeAsync();
            }
        }
    }
}

/// <summary>A save refused by a unique index: the database's own guard against a second row of the same key.</summary>
public static class UniqueViolation
{
    public static bool IsUniqueViolation(this DbUpdateException ex) => ex.InnerException switch
    {
        SqlException sql => sql.Number is 2601 or 2627,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
