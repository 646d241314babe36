using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AriSuTotalService.Infrastructure.Complaints;

/// <summary>
/// Hands out reception-number sequences per office and year, atomically (one statement, inside the caller's
/// transaction), so two clerks saving at the same moment never get the same number.
/// </summary>
public static class ReceptionNumbers
{
    public const string SqliteNext = """
        INSERT INTO "OfficeSequences" ("OfficeId", "Year", "Last") VALUES (@office, @year, @count)
        ON CONFLICT ("OfficeId", "Year") DO UPDATE SET "Last" = "Last" + @count
        RETURNING "Last";
        """;

    public const string SqlServerNext = """
        MERGE [OfficeSequences] WITH (HOLDLOCK) AS t
        USING (SELECT @office AS [OfficeId], @year AS [Year]) AS s
            ON t.[OfficeId] = s.[OfficeId] AND t.[Year] = s.[Year]
        WHEN MATCHED THEN UPDATE SET [Last] = t.[Last] + @count
        WHEN NOT MATCHED THEN INSERT ([OfficeId], [Year], [Last]) VALUES (@office, @year, @count)
        OUTPUT inserted.[Last];
        """;

    /// <summary>Raises the year's sequence to at least a number, atomically (never lowers it).</summary>
    public const string SqliteRaise = """
        INSERT INTO "OfficeSequences" ("OfficeId", "Year", "Last") VALUES (@office, @year, @count)
        ON CONFLICT ("OfficeId", "Year") DO UPDATE SET "Last" = MAX("Last", excluded."Last");
        """;

    public const string SqlServerRaise = """
        MERGE [OfficeSequences] WITH (HOLDLOCK) AS t
        USING (SELECT @office AS [OfficeId], @year AS [Year]) AS s
            ON t.[OfficeId] = s.[OfficeId] AND t.[Year] = s.[Year]
        WHEN MATCHED AND t.[Last] < @count THEN UPDATE SET [Last] = @count
        WHEN NOT MATCHED THEN INSERT ([OfficeId], [Year], [Last]) VALUES (@office, @year, @count);
        """;

    /// <summary>Reserves <paramref name="count"/> numbers; returns the first.</summary>
    public static async Task<int> ReserveAsync(ArisuDbContext db, int officeId, int year, int count, CancellationToken ct)
    {
        await using var cmd = Command(db, db.Database.IsSqlServer() ? SqlServerNext : SqliteNext, officeId, year, count);
        var last = Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return last - count + 1;
    }

    /// <summary>After an import of historic numbers: the sequence continues after the highest number of each year.</summary>
    public static async Task RaiseToAsync(ArisuDbContext db, int officeId, int year, int atLeast, CancellationToken ct)
    {
        await using var cmd = Command(db, db.Database.IsSqlServer() ? SqlServerRaise : SqliteRaise, officeId, year, atLeast);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A sequence statement with its typed parameters, in the context's current transaction.</summary>
    public static System.Data.Common.DbCommand Command(ArisuDbContext db, string sql, int officeId, int year, int count)
    {
        var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = sql;
        cmd.Add("@office", System.Data.DbType.Int32, officeId);
        cmd.Add("@year", System.Data.DbType.Int32, year);
        cmd.Add("@count", System.Data.DbType.Int32, count);
        return cmd;
    }
}
