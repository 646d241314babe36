using System.Net;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Admin;

public class UserAdministrationTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    private const string NewPassword = "field-staff-2026";

    private Dictionary<string, string> NewUser(string email, string password) => new()
    {
        ["Email"] = email,
        ["Password"] = password,
        ["Form.DisplayName"] = "한수진",
        ["Form.Phone"] = "02-2630-0199",
        ["Form.OfficeId"] = factory.With(db => db.Offices.Single().Id).ToString(),
        ["Form.Division"] = "현장민원과",
        ["Form.Role"] = "FieldStaff",
    };

    [Fact]
    public async Task An_administrator_creates_a_user_who_then_signs_in_with_that_role()
    {
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var response = await admin.PostFormAsync("/Admin/Users/Create", NewUser("sujin@arisu.local", NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("한수진", await admin.GetPageAsync("/Admin/Users"));

        var user = await TestClient.SignedInAsync(factory, "sujin@arisu.local", NewPassword);
        Assert.Contains("한수진", await user.GetPageAsync("/"));
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/Admin/Users")).StatusCode);
    }

    [Fact]
    public async Task A_short_password_is_refused_beside_the_field_and_the_typed_values_are_kept()
    {
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var response = await admin.PostFormAsync("/Admin/Users/Create", NewUser("short@arisu.local", "short1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("12자 이상", html);
        Assert.Contains("value=\"short@arisu.local\"", html);
        Assert.Contains("value=\"한수진\"", html);
        Assert.False(factory.With(db => db.Users.Any(u => u.Email == "short@arisu.local")));
    }

    [Fact]
    public async Task An_unknown_division_is_refused()
    {
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var fields = NewUser("division@arisu.local", NewPassword);
        fields["Form.Division"] = "없는과";
        var response = await admin.PostFormAsync("/Admin/Users/Create", fields);
        Assert.Contains("알 수 없는 부서입니다.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_locked_user_cannot_sign_in_until_unlocked()
    {
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var billingId = factory.With(db => db.Users.Single(u => u.Email == "billing@arisu.local").Id);
        var locked = await admin.PostFormAsync($"/Admin/Users/Edit/{billingId}?handler=Lock", [], formPage: $"/Admin/Users/Edit/{billingId}");
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);

        var attempt = await TestClient.Anonymous(factory).SignInAsync("billing@arisu.local", AriSuTotalService.Infrastructure.Demo.DemoData.Password);
        Assert.Contains("계정이 잠겼습니다", await attempt.Content.ReadAsStringAsync());

        await admin.PostFormAsync($"/Admin/Users/Edit/{billingId}?handler=Unlock", [], formPage: $"/Admin/Users/Edit/{billingId}");
        await TestClient.SignedInAsync(factory, "billing@arisu.local");
    }

    [Fact]
    public async Task Changing_a_role_renews_the_security_stamp_so_open_sessions_are_revalidated()
    {
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var user = factory.With(db => db.Users.AsNoTracking().Single(u => u.Email == "field1@arisu.local"));
        var fields = new Dictionary<string, string>
        {
            ["Form.DisplayName"] = user.DisplayName,
            ["Form.Phone"] = user.PhoneNumber ?? "",
            ["Form.OfficeId"] = user.OfficeId.ToString(),
            ["Form.Division"] = user.Division,
            ["Form.Role"] = "SectionChief",
        };
        var saved = await admin.PostFormAsync($"/Admin/Users/Edit/{user.Id}?handler=Save", fields, formPage: $"/Admin/Users/Edit/{user.Id}");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = factory.With(db => db.Users.AsNoTracking().Single(u => u.Email == "field1@arisu.local"));
        Assert.NotEqual(user.SecurityStamp, after.SecurityStamp);
        Assert.Contains("과장", await admin.GetPageAsync("/Admin/Users?role=SectionChief"));
    }

    [Fact]
    public async Task The_administrator_resets_a_password_and_the_old_one_stops_working()
    {
        var admin = await TestClient.SignedInAsync(factory, "admin@arisu.local");
        var id = factory.With(db => db.Users.Single(u => u.Email == "clerk@arisu.local").Id);
        var reset = await admin.PostFormAsync($"/Admin/Users/Edit/{id}?handler=ResetPassword",
            new() { ["NewPassword"] = "clerk-new-pass-2026" }, formPage: $"/Admin/Users/Edit/{id}");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await TestClient.SignedInAsync(factory, "clerk@arisu.local", "clerk-new-pass-2026");
        var old = await TestClient.Anonymous(factory).SignInAsync("clerk@arisu.local", AriSuTotalService.Infrastructure.Demo.DemoData.Password);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
    }
}
