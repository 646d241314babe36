using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Evaluations;

public partial class PanelTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    private static readonly string[] StaffAccounts = ["clerk@arisu.local", "field1@arisu.local", "billing@arisu.local"];

    /// <summary>A page as the staff member sees it, without what changes on every request.</summary>
    private static string Stable(string html) => Volatile().Replace(html, "");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"|name=\"LoadedAt\" value=\"\\d+\"|\\d+시간 (남음|초과)|\\d+일 \\d+시간 (남음|초과)")]
    private static partial Regex Volatile();

    [Fact]
    public async Task Staff_cannot_tell_a_panel_case_until_the_round_closes_and_then_see_the_results()
    {
        var complaint = factory.With(db => db.Complaints.AsNoTracking().Where(c => ComplaintTypeCodes.TotalService.Contains(c.Type!.Code))
            .OrderByDescending(c => c.Id).Select(c => new { c.Id, c.ReceptionNumber }).First());
        var before = new Dictionary<string, string[]>();
        foreach (var account in StaffAccounts)
        {
            var staff = await TestClient.SignedInAsync(factory, account);
            before[account] =
            [
                Stable(await staff.GetPageAsync($"/Complaints/Detail/{complaint.Id}")),
                Stable(await staff.GetPageAsync($"/Complaints?q={complaint.ReceptionNumber}")),
                await (await staff.GetAsync($"/Complaints?handler=Export&q={complaint.ReceptionNumber}")).Content.ReadAsStringAsync(),
                Stable(await staff.GetPageAsync("/Evaluations/Results")),
            ];
        }

        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        Assert.Equal(HttpStatusCode.Redirect, (await chief.PostFormAsync("/Evaluations?handler=Create&year=2026", new() { ["Month"] = "11", ["Planned"] = "10" }, formPage: "/Evaluations")).StatusCode);
        var roundId = factory.With(db => db.PanelRounds.Single(r => r.Year == 2026 && r.Month == 11).Id);
        var url = $"/Evaluations/Round/{roundId}";
        Assert.Equal(HttpStatusCode.Redirect, (await chief.PostFormAsync(url + "?handler=Open", [], formPage: url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await chief.PostFormAsync(url + "?handler=Mark", new() { ["Reception"] = complaint.ReceptionNumber }, formPage: url)).StatusCode);
        var answers = new Dictionary<string, string> { ["ComplaintId"] = complaint.Id.ToString() };
        string[] given = ["very_satisfied", "na", "satisfied", "very_satisfied", "neutral", "very_satisfied"];
        for (var i = 1; i <= 6; i++) answers[$"Answers[{i}]"] = given[i - 1];
        answers["Comments[1]"] = "친절하게 접수함";
        answers["Comments[5]"] = "답변이 늦음";
        Assert.Equal(HttpStatusCode.Redirect, (await chief.PostFormAsync(url + "?handler=Answers", answers, formPage: url)).StatusCode);
        // 4 of 5 answers (na left out) are satisfied or very satisfied.
        Assert.Contains("id=\"pooled-satisfaction\">80.0%", await chief.GetPageAsync(url));

        foreach (var account in StaffAccounts)
        {
            var staff = await TestClient.SignedInAsync(factory, account);
            string[] after =
            [
                Stable(await staff.GetPageAsync($"/Complaints/Detail/{complaint.Id}")),
                Stable(await staff.GetPageAsync($"/Complaints?q={complaint.ReceptionNumber}")),
                await (await staff.GetAsync($"/Complaints?handler=Export&q={complaint.ReceptionNumber}")).Content.ReadAsStringAsync(),
                Stable(await staff.GetPageAsync("/Evaluations/Results")),
            ];
            for (var s = 0; s < after.Length; s++) Assert.True(before[account][s] == after[s], $"{account} surface {s} changed while the round was open");
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/Evaluations")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await chief.PostFormAsync(url + "?handler=Close", [], formPage: url)).StatusCode);
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var results = await clerk.GetPageAsync("/Evaluations/Results?year=2026");
        Assert.Contains("2026-11", results);
        Assert.Contains("80.0%", results);
        Assert.Contains("친절하게 접수함", results);
        Assert.Contains("답변이 늦음", results);

        // A closed round refuses further answers.
        var refused = await chief.PostFormAsync(url + "?handler=Answers", answers, formPage: url);
        Assert.Contains("마친 회차는 바꿀 수 없습니다.", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Answers_are_imported_by_round_reception_and_item_and_a_bad_row_refuses_the_file()
    {
        var reception = factory.With(db =>
        {
            db.PanelRounds.Add(new AriSuTotalService.Domain.Evaluations.PanelRound(db.Offices.Single().Id, 2026, 9, 10));
            db.SaveChanges();
            var r = db.PanelRounds.Single(x => x.Month == 9);
            r.Open();
            db.SaveChanges();
            return db.Complaints.AsNoTracking().Where(c => ComplaintTypeCodes.TotalService.Contains(c.Type!.Code))
                .OrderBy(c => c.Id).Select(c => c.ReceptionNumber).First();
        });
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", DemoData.ApiKey);
        HttpContent Body(string csv)
        {
            var c = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            c.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            return c;
        }
        var bad = await http.PostAsync("/api/v1/panel-answers/import", Body($"round,reception_number,item,answer\n2026-09,{reception},1,satisfied\n2026-09,{reception},7,great\n"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.GetProperty("line").GetInt32()}:{e.GetProperty("column").GetString()}").ToList();
        Assert.Equal(["3:item", "3:answer"], errors);
        Assert.False(factory.With(db => db.PanelAnswers.Any(a => db.PanelRounds.Any(r => r.Id == a.RoundId && r.Month == 9))));

        var good = await http.PostAsync("/api/v1/panel-answers/import",
            Body($"round,reception_number,item,answer,comment\n2026-09,{reception},1,satisfied,좋음\n2026-09,{reception},2,na,\n"));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var again = await http.PostAsync("/api/v1/panel-answers/import", Body($"round,reception_number,item,answer\n2026-09,{reception},1,dissatisfied\n"));
        var body = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("updated").GetInt32());
        Assert.True(factory.With(db => db.PanelCases.Any(c => db.Complaints.Any(x => x.Id == c.ComplaintId && x.ReceptionNumber == reception))));
    }
}
