using System.Net;
using System.Text;
using System.Text.Json;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Web.Tests.Infrastructure;

namespace AriSuTotalService.Web.Tests.Api;

/// <summary>Errors outside the contract on /api answer ProblemDetails JSON, never the HTML error page.</summary>
public class ApiErrorTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    private HttpClient Keyed() => TestClient.Keyed(factory);

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Unknown_paths_wrong_methods_and_wrong_media_types_answer_problem_details()
    {
        var http = Keyed();
        await AssertProblem(await http.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound);
        await AssertProblem(await factory.CreateClient().GetAsync("/api/v2/complaint-types"), HttpStatusCode.NotFound);
        await AssertProblem(await http.DeleteAsync("/api/v1/complaint-types"), HttpStatusCode.MethodNotAllowed);
        var json = new StringContent("{\"account_number\":\"12-3456789\"}", Encoding.UTF8, "application/json");
        await AssertProblem(await http.PostAsync("/api/v1/customers/import", json), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_page_that_does_not_exist_still_shows_the_error_page()
    {
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var response = await clerk.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
