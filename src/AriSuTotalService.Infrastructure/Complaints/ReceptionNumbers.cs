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

    /// <summary>Reserves <paramref name="count"/> numbers; returns the first.</summary>
    public static async Task<int> ReserveAsync(ArisuDbContext db, int officeId, int year, int count, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = db.Database.IsSqlServer() ? SqlServerNext : SqliteNext;
        Add(cmd, "@office", officeId);
        Add(cmd, "@year", year);
        Add(cmd, "@count", count);
        var last = Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return last - count + 1;
    }

    /// <summary>After an import of historic numbers: the sequence continues after the highest number of each year.</summary>
    public static async Task RaiseToAsync(ArisuDbContext db, int officeId, int year, int atLeast, CancellationToken ct)
    {
        var row = await db.OfficeSequences.SingleOrDefaultAsync(s => s.OfficeId == officeId && s.Year == year, ct);
        if (row is null)
        {
            db.OfficeSequences.Add(new Domain.Complaints.OfficeSequence(officeId, year, atLeast));
        }
        else if (row.Last < atLeast)
        {
            db.Entry(row).Property(r => r.Last).CurrentValue = atLeast;
        }
        await db.SaveChangesAsync(ct);
    }

    private static void Add(System.Data.Common.DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
