using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Infrastructure;

/// <summary>A summary of everything stored (row count per table, users' and cases' change stamps), to prove a refused request changed nothing.</summary>
public static class DataFingerprint
{
    public static string Of(ArisuFactory factory) => factory.With(db =>
    {
        var parts = new List<string>();
        var connection = db.Database.GetDbConnection();
        db.Database.OpenConnection();
        try
        {
            // An import's run is the record of the attempt (a refused file's too, with its bad rows): the log, not the data.
            foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).Where(t => t is not null && t != "ImportRuns").Distinct().Order())
            {
                using var cmd = connection.CreateCommand();
                cmd.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
                parts.Add($"{table}={cmd.ExecuteScalar()}");
            }
        }
        finally
        {
            db.Database.CloseConnection();
        }
        parts.Add(string.Join(',', db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => u.ConcurrencyStamp + u.LockoutEnd)));
        parts.Add(string.Join(',', db.Complaints.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Version)));
        parts.Add(db.ApiKeys.Count(k => k.RevokedAtUtc != null).ToString());
        return string.Join(';', parts);
    });
}
