using AriSuTotalService.Infrastructure;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace AriSuTotalService.Web.Tests.Database;

public class MigrationTests
{
    private static ArisuDbContext Context(DatabaseProvider provider, string cs)
    {
        var builder = new DbContextOptionsBuilder<ArisuDbContext>();
        DependencyInjection.Configure(builder, new DatabaseOptions { Provider = provider, ConnectionString = cs });
        return new ArisuDbContext(builder.Options);
    }

    private const string SqlServerCs = "Server=localhost;Database=Arisu;TrustServerCertificate=true";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Each_providers_migrations_match_the_model(DatabaseProvider provider)
    {
        using var db = Context(provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : SqlServerCs);
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} migrations lag the model: add a migration to AriSuTotalService.Migrations.{provider}.");
    }

    [Fact]
    public async Task The_sqlite_migrations_build_an_empty_database_with_the_reference_data()
    {
        var file = Path.Combine(Path.GetTempPath(), $"arisu-migrate-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = Context(DatabaseProvider.Sqlite, $"Data Source={file}"))
            {
                await db.Database.MigrateAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                Assert.Equal(14, await db.ComplaintTypes.CountAsync());
                Assert.Equal(4, await db.ComplaintTypes.CountAsync(t => t.IsTotalService));
                Assert.True(await db.PublicHolidays.AnyAsync(h => h.Date == new DateOnly(2026, 9, 25)));
                Assert.Equal(0, await db.Offices.CountAsync());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public void The_sql_server_idempotent_script_parses_as_t_sql()
    {
        using var db = Context(DatabaseProvider.SqlServer, SqlServerCs);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TABLE [Complaints]", script);
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void No_batch_of_the_sql_server_script_uses_a_column_that_it_adds(bool idempotent)
    {
        using var db = Context(DatabaseProvider.SqlServer, SqlServerCs);
        var script = db.GetService<IMigrator>().GenerateScript(options: idempotent
            ? MigrationsSqlGenerationOptions.Idempotent | MigrationsSqlGenerationOptions.Script
            : MigrationsSqlGenerationOptions.Script);
        Assert.True(SqlServerReadiness.ScriptBatches.Split(script).Count > 2);
        var problems = SqlServerReadiness.ScriptBatches.ColumnsUsedBeforeTheyExist(script);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_script_check_sees_a_column_added_and_updated_in_one_batch_and_not_one_updated_through_exec()
    {
        // The shape the office-isolation and repair migrations had: added, then filled by name, in one batch.
        var refused = SqlServerReadiness.ScriptBatches.ColumnsUsedBeforeTheyExist("""
            ALTER TABLE [PermissionChanges] ADD [OfficeId] int NOT NULL DEFAULT 0;
            UPDATE [PermissionChanges] SET [OfficeId] = (SELECT MIN([Id]) FROM [Offices]);
            GO
            """);
        Assert.Contains(refused, p => p.Contains("[OfficeId]", StringComparison.Ordinal));
        // Compiled only when it runs: EXEC, or a later batch.
        Assert.Empty(SqlServerReadiness.ScriptBatches.ColumnsUsedBeforeTheyExist("""
            ALTER TABLE [PermissionChanges] ADD [OfficeId] int NOT NULL DEFAULT 0;
            EXEC(N'UPDATE [PermissionChanges] SET [OfficeId] = (SELECT MIN([Id]) FROM [Offices])');
            GO
            UPDATE [PermissionChanges] SET [OfficeId] = 1;
            GO
            """));
    }

    [Fact]
    public void The_baseline_installs_the_job_storage_schema_and_the_database_settings()
    {
        using var db = Context(DatabaseProvider.SqlServer, SqlServerCs);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("READ_COMMITTED_SNAPSHOT ON", script);
        Assert.Contains("COMPATIBILITY_LEVEL = 150", script);
        Assert.Contains("[HangFire].[Schema]", script);
    }

    [Fact]
    public void The_dbas_database_script_parses_batch_by_batch_with_its_variables_given()
    {
        var repo = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(repo, "AriSuTotalService.sln"))) repo = Path.GetDirectoryName(repo.TrimEnd('/'))!;
        var script = File.ReadAllText(Path.Combine(repo, "src/AriSuTotalService.Migrations.SqlServer/create-database.sql"))
            .Replace("$(DATABASE)", "Arisu").Replace("$(COLLATION)", "Korean_100_CI_AS")
            .Replace("$(MIGRATE_PASSWORD)", "m-Passw0rd!").Replace("$(APP_PASSWORD)", "a-Passw0rd!");
        Assert.DoesNotContain("$(", script);
        var batches = SqlServerReadiness.ScriptBatches.Split(script);
        Assert.True(batches.Count >= 5);
        foreach (var batch in batches)
        {
            var parser = new TSql160Parser(initialQuotedIdentifiers: true);
            using var reader = new StringReader(batch);
            parser.Parse(reader, out var errors);
            Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}")) + "\n" + batch);
        }
    }
}
