using Microsoft.Extensions.Configuration;
namespace AriSuTotalService.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>
/// <c>Database__Provider</c> (Sqlite | SqlServer, default Sqlite) and <c>ConnectionStrings__Arisu</c>
/// (default: a SQLite file in the app's data folder). <c>Database__MigrateOnStart</c> applies migrations at start
/// (default true for SQLite, false for SQL Server, where the documented <c>migrate</c> command does it).
/// </summary>
public sealed class DatabaseOptions
{
    public const string SqliteMigrationsAssembly = "AriSuTotalService.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "AriSuTotalService.Migrations.SqlServer";

    /// <summary>
    /// SQL Server 2019's compatibility level: the queries are translated for it (OPENJSON needs 130, STRING_AGG 140), and
    /// a migration raises a database below it.
    /// </summary>
    public const int SqlServerCompatibilityLevel = 150;

    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; init; } = "";
    public bool MigrateOnStart { get; init; }
    /// <summary>
    /// <c>Database__BulkTimeoutSeconds</c>: how long one bulk copy or merge of an import may take on SQL Server before it
    /// is given up (the import then fails and stores nothing) — finite, so a blocked import ends instead of holding its
    /// locks while the heartbeat says it is alive. Default 900 (a chunk of the merge takes well under a second).
    /// </summary>
    public int BulkTimeoutSeconds { get; init; } = DefaultBulkTimeoutSeconds;

    public const int DefaultBulkTimeoutSeconds = 900;

    /// <summary>Folder for the SQLite file, logs and (by default) uploaded files.</summary>
    public string DataFolder { get; init; } = "";

    public static DatabaseOptions From(IConfiguration config, string contentRoot)
    {
        var providerText = config["Database:Provider"];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText)) provider = DatabaseProvider.Sqlite;
        else if (!Enum.TryParse(providerText, ignoreCase: true, out provider))
            throw new InvalidOperationException(
                $"Database__Provider must be Sqlite or SqlServer, not '{providerText}'.");

        var dataFolder = config["DataFolder"];
        if (string.IsNullOrWhiteSpace(dataFolder)) dataFolder = Path.Combine(contentRoot, "App_Data");
        dataFolder = Path.GetFullPath(dataFolder);

        var cs = config.GetConnectionString("Arisu");
        if (string.IsNullOrWhiteSpace(cs))
        {
            if (provider == DatabaseProvider.SqlServer)
                throw new InvalidOperationException("ConnectionStrings__Arisu is required when Database__Provider=SqlServer.");
            cs = $"Data Source={Path.Combine(dataFolder, "arisu.db")}";
        }

        return new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = cs,
            DataFolder = dataFolder,
            MigrateOnStart = Settings.Flag(config, "Database:MigrateOnStart", provider == DatabaseProvider.Sqlite),
            BulkTimeoutSeconds = BulkTimeout(config["Database:BulkTimeoutSeconds"]),
        };
    }

    private static int BulkTimeout(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return DefaultBulkTimeoutSeconds;
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && seconds is >= 1 and <= 86_400
            ? seconds
            : throw new InvalidOperationException($"Database__BulkTimeoutSeconds must be a whole number of seconds from 1 to 86400, not '{text}'.");
    }
}
