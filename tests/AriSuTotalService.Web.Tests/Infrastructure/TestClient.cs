using System.Net;
using System.Text.RegularExpressions;
using AriSuTotalService.Infrastructure.Demo;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AriSuTotalService.Web.Tests.Infrastructure;

/// <summary>A browser-like client: keeps cookies, does not follow redirects, and fills in anti-forgery tokens.</summary>
public sealed partial class TestClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    /// <summary>A plain client of the integration API carrying a key (the demo office's by default).</summary>
    public static HttpClient Keyed(ArisuFactory factory, string key = DemoData.ApiKey)
    {
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return http;
    }

    public static TestClient Anonymous(ArisuFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public static async Task<TestClient> SignedInAsync(ArisuFactory factory, string email, string password = DemoData.Password)
    {
        var client = Anonymous(factory);
        var response = await client.SignInAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in as {email} failed: {(int)response.StatusCode}");
        return client;
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public async Task<string> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {url} → {(int)response.StatusCode}");
        return body;
    }

    /// <summary>Loads <paramref name="formPage"/> (default: the same URL), takes its anti-forgery token and posts the fields.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? formPage = null) =>
        PostFieldsAsync(url, fields, formPage);

    /// <summary>Like <see cref="PostFormAsync"/>, with repeated names allowed (checkboxes with their hidden fallback).</summary>
    public async Task<HttpResponseMessage> PostFieldsAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        var page = await Http.GetAsync(formPage ?? StripHandler(url));
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        if (!token.Success) throw new InvalidOperationException($"no anti-forgery token on {formPage ?? url} ({(int)page.StatusCode})");
        var all = fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))).ToList();
        return await Http.PostAsync(url, new FormUrlEncodedContent(all));
    }

    /// <summary>A multipart form (a file upload) with the anti-forgery token of <paramref name="formPage"/> (default: the same URL).</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string fileField,
        byte[]? file, string fileName = "photo.jpg", string contentType = "image/jpeg", string? formPage = null)
    {
        var html = await (await Http.GetAsync(formPage ?? StripHandler(url))).Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        if (!token.Success) throw new InvalidOperationException($"no anti-forgery token on {formPage ?? url}");
        using var form = new MultipartFormDataContent { { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" } };
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            form.Add(content, fileField, fileName);
        }
        return await Http.PostAsync(url, form);
    }

    private static string StripHandler(string url)
    {
        var i = url.IndexOf("?handler=", StringComparison.Ordinal);
        return i < 0 ? url : url[..i];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
