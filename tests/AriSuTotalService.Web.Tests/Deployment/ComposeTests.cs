using System.Text.RegularExpressions;

namespace AriSuTotalService.Web.Tests.Deployment;

/// <summary>The stack as docker-compose.yml writes it: the application's own logins, never the server administrator's.</summary>
public partial class ComposeTests
{
    private static string Repo()
    {
        var repo = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(repo, "AriSuTotalService.sln"))) repo = Path.GetDirectoryName(repo.TrimEnd('/'))!;
        return repo;
    }

    private static string Compose() => File.ReadAllText(Path.Combine(Repo(), "docker-compose.yml"));

    /// <summary>A service's block: from its name at two spaces to the next service (or the end of the services).</summary>
    private static string Service(string compose, string name)
    {
        var start = compose.IndexOf($"\n  {name}:\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no service {name}");
        var next = ServiceStart().Match(compose, start + name.Length + 4);
        return compose[start..(next.Success ? next.Index : compose.Length)];
    }

    [GeneratedRegex(@"\n  [a-z][a-z0-9-]*:\n|\nnetworks:|\nvolumes:")]
    private static partial Regex ServiceStart();

    [GeneratedRegex(@"\$\{[A-Z_]*PASSWORD[A-Z_]*:-[^}]")]
    private static partial Regex DefaultPassword();

    [Fact]
    public void The_application_connects_with_its_own_runtime_login_and_migrates_with_the_schema_login()
    {
        var compose = Compose();
        var web = Service(compose, "web");
        Assert.Contains("User Id=arisu_app;", web);
        Assert.DoesNotContain("User Id=sa", web);
        Assert.Contains("Database__MigrateOnStart: \"false\"", web);
        var migrate = Service(compose, "migrate");
        Assert.Contains("User Id=arisu_migrate;", migrate);
        Assert.Contains("command: [\"migrate\"]", migrate);
        var init = Service(compose, "sqlserver-init");
        Assert.Contains("create-database.sql", init);
        Assert.Contains("- -b", init);
        Assert.Contains("- -I", init);
        Assert.Contains("service_completed_successfully", web);
    }

    [Fact]
    public void No_password_has_a_default_in_the_stack()
    {
        Assert.DoesNotMatch(DefaultPassword(), Compose());
        Assert.DoesNotMatch(DefaultPassword(), File.ReadAllText(Path.Combine(Repo(), "docker-compose.test.yml")));
    }

    [Fact]
    public void The_runtime_login_of_the_dbas_script_reads_and_writes_and_changes_no_schema()
    {
        var script = File.ReadAllText(Path.Combine(Repo(), "src/AriSuTotalService.Migrations.SqlServer/create-database.sql"));
        var app = string.Join('\n', script.Split('\n').Where(l => l.Contains("[arisu_app]", StringComparison.Ordinal)));
        Assert.Contains("ALTER ROLE [db_datareader] ADD MEMBER [arisu_app]", app);
        Assert.Contains("ALTER ROLE [db_datawriter] ADD MEMBER [arisu_app]", app);
        Assert.DoesNotContain("db_ddladmin", app);
        Assert.DoesNotContain("db_owner", app);
        Assert.Contains("ALTER ROLE [db_ddladmin] ADD MEMBER [arisu_migrate]", script);
    }
}
