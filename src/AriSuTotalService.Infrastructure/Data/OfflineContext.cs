using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Data;

/// <summary>
/// A context on the SQL Server provider that never connects: what the generated scripts, the model and the statements'
/// checks read (the DBA's migration script, the schema the semantic check builds) without a server.
/// </summary>
public static class OfflineContext
{
    public static ArisuDbContext SqlServer()
    {
        var builder = new DbContextOptionsBuilder<ArisuDbContext>();
        DependencyInjection.Configure(builder, new DatabaseOptions
        {
            Provider = DatabaseProvider.SqlServer,
            ConnectionString = "Server=offline.invalid;Database=Arisu;TrustServerCertificate=true",
        });
        return new ArisuDbContext(builder.Options);
    }
}
