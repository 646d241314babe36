using System.Net;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Infrastructure.Identity;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AriSuTotalService.Web.Tests.Security;

/// <summary>The app with Production settings (Secure-only cookies, no demo data), reached over plain HTTP and over HTTPS.</summary>
public sealed class ProductionFactory : ArisuFactory
{
    public const string AdminEmail = "admin@production.local";
    public const string AdminPassword = "Production-Admin-2026";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }

    public async Task<TestClient> HttpsClientAsync()
    {
        using (var scope = Services.CreateScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<IdentitySetup>();
            await identity.EnsureRolesAsync();
            var office = await identity.EnsureOfficeAsync("운영수도사업소", "운영", ["중구"]);
            if (await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>().FindByEmailAsync(AdminEmail) is null)
                await identity.CreateUserAsync(AdminEmail, AdminPassword, Roles.Administrator, office.Id, Divisions.AdministrativeSupport, "운영관리자", null);
        }
        return new TestClient(CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true,
        }));
    }
}

public class ProductionTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task Over_plain_http_sign_in_is_refused_with_the_reason_never_a_500()
    {
        var http = TestClient.Anonymous(factory).Http;
        var page = await http.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var body = await page.Content.ReadAsStringAsync();
        Assert.Contains("HTTPS", body, StringComparison.Ordinal);
        Assert.Contains("https://localhost/Account/Login", body, StringComparison.Ordinal);

        var post = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = ProductionFactory.AdminEmail, ["Input.Password"] = ProductionFactory.AdminPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);

        var api = await http.GetAsync("/api/v1/complaint-types");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var open311 = await http.GetAsync("/open311/v2/services.xml");
        Assert.Equal(HttpStatusCode.BadRequest, open311.StatusCode);
        Assert.Equal("text/xml", open311.Content.Headers.ContentType?.MediaType);

        // Load balancers probe health over HTTP.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        Assert.Contains("plain-HTTP", LogFiles.ReadAll(factory), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_https_the_administrator_signs_in_and_works()
    {
        var client = await factory.HttpsClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
        var signedIn = await client.SignInAsync(ProductionFactory.AdminEmail, ProductionFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Users")).StatusCode);
    }
}
