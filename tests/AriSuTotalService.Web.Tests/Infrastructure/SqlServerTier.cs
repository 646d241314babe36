using AriSuTotalService.Infrastructure.Data;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AriSuTotalService.Web.Tests.Infrastructure;

/// <summary>
/// The SQL Server tier's databases (<c>ARISU_TEST_SQLSERVER</c>): each made with a collation other than the server's,
/// so a temporary table that takes tempdb's collation fails its joins here (error 468) as it would in production; some
/// built by the DBA's script rather than by <c>migrate</c>.
/// </summary>
public static class SqlServerTier
{
    public static void CreateDatabase(string server, string database, bool byScript)
    {
        using (var master = new SqlConnection(server))
        {
            master.Open();
            using var collation = master.CreateCommand();
            collation.CommandText = "SELECT CAST(SERVERPROPERTY('Collation') AS nvarchar(128))";
            var serverCollation = (string)collation.ExecuteScalar();
            var other = serverCollation.StartsWith("Korean", StringComparison.OrdinalIgnoreCase) ? "SQL_Latin1_General_CP1_CI_AS" : "Korean_100_CI_AS";
            using var create = master.CreateCommand();
            create.CommandText = $"IF DB_ID(N'{database}') IS NULL CREATE DATABASE [{database}] COLLATE {other};";
            create.ExecuteNonQuery();
        }
        if (!byScript) return;
        using var db = OfflineContext.SqlServer();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        using var connection = new SqlConnection(new SqlConnectionStringBuilder(server) { InitialCatalog = database }.ConnectionString);
        connection.Open();
        // sqlcmd -b -I: each batch in turn, QUOTED_IDENTIFIER ON (SqlClient's default), the first error stops the script.
        foreach (var batch in SqlServerReadiness.ScriptBatches.Split(script).Where(b => b.Trim().Length > 0))
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = batch;
            cmd.CommandTimeout = 300;
            cmd.ExecuteNonQuery();
        }
    }
}
