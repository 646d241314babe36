using AriSuTotalService.Infrastructure;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AriSuTotalService.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add X --project src/AriSuTotalService.Migrations.Sqlite</c> build the model for SQLite.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ArisuDbContext>
{
    public ArisuDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<ArisuDbContext>();
        DependencyInjection.Configure(builder, new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = "Data Source=design-time.db",
        });
        return new ArisuDbContext(builder.Options);
    }
}
