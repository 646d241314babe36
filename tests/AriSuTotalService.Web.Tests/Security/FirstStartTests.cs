using System.Net;
using AriSuTotalService.Infrastructure.Identity;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AriSuTotalService.Web.Tests.Security;

/// <summary>A new install with Production settings and the first-start settings an operator puts in compose.</summary>
public sealed class FirstStartFactory : ArisuFactory
{
    public const string Email = "admin@first.local";
    public const string Password = "First-Start-Admin-2026";

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Setup:AdminEmail"] = Email, ["Setup:AdminPasswordFile"] = PasswordFile(),
        ["Setup:OfficeName"] = "동부수도사업소", ["Setup:OfficeShortName"] = "동부", ["Setup:Districts"] = "성동구, 광진구",
    };

    private string PasswordFile()
    {
        var file = Path.Combine(DataFolder, "admin-password");
        File.WriteAllText(file, Password + "\n");
        return file;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

public class FirstStartTests(FirstStartFactory factory) : IClassFixture<FirstStartFactory>
{
    [Fact]
    public async Task The_first_start_creates_the_office_and_its_administrator_who_signs_in_and_a_second_start_changes_nothing()
    {
        var client = new TestClient(factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true,
        }));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(FirstStartFactory.Email, FirstStartFactory.Password)).StatusCode);
        Assert.Contains("동부수도사업소", await client.GetPageAsync("/Admin/Users"), StringComparison.Ordinal);

        // Started again (same settings, same database): nothing is added or changed.
        using (var scope = factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<FirstStart>().EnsureAsync();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AriSuTotalService.Infrastructure.Data.ArisuDbContext>();
            Assert.Equal(1, await db.Offices.CountAsync(o => o.ShortName == "동부"));
            Assert.Equal(1, await db.Users.CountAsync(u => u.Email == FirstStartFactory.Email));
            Assert.Equal(["성동구", "광진구"], (await db.Offices.SingleAsync(o => o.ShortName == "동부")).Districts.Split(','));
        }
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(FirstStartFactory.Email, FirstStartFactory.Password)).StatusCode);
    }
}
