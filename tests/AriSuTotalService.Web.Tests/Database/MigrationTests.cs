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
}
