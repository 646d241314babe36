using System.Reflection;
using System.Text.RegularExpressions;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Data;

/// <summary>
/// The SQL the application sends to SQL Server besides EF's own — every statement kept as a string and every stage
/// of the bulk path — in one list, so that the checks that read it (parsing, temporary-table scope, typed parameters,
/// the semantic model of the schema) read all of it, and a new statement is checked without being listed.
/// </summary>
public static partial class SqlServerCatalogue
{
    /// <summary>A temporary table of the bulk path: shaped from the entity's columns (<see cref="SqlServerStage.CreateSql"/>).</summary>
    public sealed record Stage(string Name, Type Entity, IReadOnlyList<string> Properties)
    {
        public string CreateSql(DbContext db) => SqlServerStage.CreateSql(db.Model, Entity, Name, Properties);
    }

    public static readonly IReadOnlyList<Stage> Stages =
    [
        new(MeterReadingImport.SqlServerStageName, typeof(Domain.Meters.MeterReading), MeterReadingImport.StagedProperties),
        new(CustomerImport.SqlServerStageName, typeof(Domain.Customers.Customer), CustomerImport.StagedProperties),
        new(ComplaintHistoryImport.SqlServerStageName, typeof(Domain.Complaints.Complaint), ComplaintHistoryImport.StagedProperties),
        new(DemoSeeder.ComplaintStageName, typeof(Domain.Complaints.Complaint), DemoSeeder.ComplaintColumns),
    ];

    private static readonly string[] Starts = ["SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "WITH", "CREATE", "DROP", "DECLARE", "EXEC", "ALTER", "IF"];

    /// <summary>
    /// Every SQL Server statement the code keeps as a string: public static string fields of this assembly that hold SQL
    /// (templates and fragments stay private), except the SQLite ones (named so). EF's raw SQL placeholders (<c>{0}</c>)
    /// are given as SqlClient sends them (<c>@p0</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Statements()
    {
        var statements = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in typeof(SqlServerCatalogue).Assembly.GetTypes())
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                if (field.FieldType != typeof(string) || field.Name.Contains("Sqlite", StringComparison.Ordinal) || field.Name.Contains('<')) continue;
                if (field.GetValue(null) is not string sql) continue;
                var head = sql.TrimStart();
                if (!Starts.Any(s => head.StartsWith(s + " ", StringComparison.OrdinalIgnoreCase) || head.StartsWith(s + "\n", StringComparison.OrdinalIgnoreCase)))
                    continue;
                statements[$"{type.Name}.{field.Name}"] = Placeholder().Replace(sql, "@p$1");
            }
        }
        return statements;
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
