using AriSuTotalService.Infrastructure;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AriSuTotalService.Migrations.SqlServer;

/// <summary>Lets <c>dotnet ef migrations add X --project src/AriSuTotalService.Migrations.SqlServer</c> build the model for SQL Server (no connection is opened).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ArisuDbContext>
{
    public ArisuDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<ArisuDbContext>();
        DependencyInjection.Configure(builder, new DatabaseOptions
        {
            Provider = DatabaseProvider.SqlServer,
            ConnectionString = "Server=localhost;Database=Arisu;Integrated Security=false;TrustServerCertificate=true",
        });
        return new ArisuDbContext(builder.Options);
    }
}
