using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Evaluations;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Evaluations;

/// <summary>The plan's citizen panel: the four types only, rounds in May, July, September and November, offices ranked.</summary>
public class PanelPlanTests(TwoOfficeFactory factory) : IClassFixture<TwoOfficeFactory>
{
    private int OfficeA => factory.With(db => db.Offices.Single(o => o.ShortName == DemoData.OfficeShortName).Id);

    private (long Id, string Reception) Complaint(bool fourTypes) => factory.With(db =>
        db.Complaints.AsNoTracking().Where(c => c.OfficeId == OfficeA && ComplaintTypeCodes.TotalService.Contains(c.Type!.Code) == fourTypes
                && !db.PanelCases.Any(p => p.ComplaintId == c.Id))
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.ReceptionNumber }).AsEnumerable().Select(c => (c.Id, c.ReceptionNumber)).First());

    private int OpenRound(int year, int month) => factory.With(db =>
    {
        var round = new PanelRound(OfficeA, year, month, 10);
        db.PanelRounds.Add(round);
        db.SaveChanges();
        round.Open();
        db.SaveChanges();
        return round.Id;
    });

    [Fact]
    public async Task The_panel_evaluates_only_the_four_types_a_complaint_of_another_type_is_refused_with_a_message()
    {
        var roundId = OpenRound(2025, 5);
        var other = Complaint(fourTypes: false);
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var url = $"/Evaluations/Round/{roundId}";
        var refused = await chief.PostFormAsync(url + "?handler=Mark", new() { ["Reception"] = other.Reception }, formPage: url);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(PanelCase.NotEligible), await refused.Content.ReadAsStringAsync());
        Assert.False(factory.With(db => db.PanelCases.Any(c => c.ComplaintId == other.Id)));

        var four = Complaint(fourTypes: true);
        Assert.Equal(HttpStatusCode.Redirect, (await chief.PostFormAsync(url + "?handler=Mark", new() { ["Reception"] = four.Reception }, formPage: url)).StatusCode);
        Assert.True(factory.With(db => db.PanelCases.Any(c => c.ComplaintId == four.Id && c.RoundId == roundId)));
    }

    [Fact]
    public async Task Imported_answers_for_a_complaint_of_another_type_are_refused_on_their_line()
    {
        OpenRound(2025, 7);
        var other = Complaint(fourTypes: false);
        var four = Complaint(fourTypes: true);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(
            $"round,reception_number,item,answer\n2025-07,{four.Reception},1,satisfied\n2025-07,{other.Reception},1,satisfied\n"));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await TestClient.Keyed(factory).PostAsync("/api/v1/panel-answers/import", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.Equal("reception_number", error.GetProperty("column").GetString());
        Assert.Equal(PanelCase.NotEligible, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_years_rounds_default_to_may_july_september_and_november()
    {
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        Assert.Contains("<option value=\"5\" selected=\"selected\">", await chief.GetPageAsync("/Evaluations?year=2024"));
        var created = await chief.PostFormAsync("/Evaluations?handler=Defaults&year=2024", new() { ["Planned"] = "12" }, formPage: "/Evaluations?year=2024");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal([5, 7, 9, 11], factory.With(db => db.PanelRounds.Where(r => r.Year == 2024).OrderBy(r => r.Month).Select(r => r.Month).ToList()));
        // Again: nothing twice.
        await chief.PostFormAsync("/Evaluations?handler=Defaults&year=2024", new() { ["Planned"] = "12" }, formPage: "/Evaluations?year=2024");
        Assert.Equal(4, factory.With(db => db.PanelRounds.Count(r => r.Year == 2024)));
    }

    /// <summary>Answers on a case of a round, then the round opened (when planned) and closed, written as its office.</summary>
    private void Close(int office, int roundId, long complaintId, params string[] answers) => factory.With(db =>
    {
        db.ActFor(office);
        var round = db.PanelRounds.Single(r => r.Id == roundId);
        if (!db.PanelCases.Any(c => c.ComplaintId == complaintId)) db.PanelCases.Add(new PanelCase(round.Id, complaintId, null));
        for (var i = 0; i < answers.Length; i++) db.PanelAnswers.Add(new PanelAnswer(round.Id, complaintId, i + 1, answers[i], null));
        if (round.Status == PanelRoundStatuses.Planned) round.Open();
        round.Close(DateTime.UtcNow);
        return db.SaveChanges();
    });

    [Fact]
    public async Task The_year_end_results_rank_the_office_among_the_offices_by_satisfaction_without_showing_the_others_figures()
    {
        var b = factory.B;
        // Office A: 1 of 2 answers satisfied (50.0 %); office B: 2 of 2 (100.0 %).
        // Office B's seeded round of October 2026 with its marked case, and a round of office A, both closed.
        var four = Complaint(fourTypes: true).Id;
        var roundA = factory.With(db =>
        {
            var round = new PanelRound(OfficeA, 2026, 3, 5);
            db.PanelRounds.Add(round);
            db.SaveChanges();
            return round.Id;
        });
        Close(OfficeA, roundA, four, PanelAnswers.Satisfied, PanelAnswers.Dissatisfied);
        Close(b.Id, b.RoundId, b.ComplaintId, PanelAnswers.VerySatisfied, PanelAnswers.Satisfied);
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var page = await clerk.GetPageAsync("/Evaluations/Results?year=2026");
        Assert.Contains("id=\"office-standing\">사업소별 평가: 2개 사업소 중 2위 (연간 만족도 50.0%)", page);
        // Only this office's place and figure: not the other office's satisfaction nor anything of it.
        var standing = page[page.IndexOf("id=\"office-standing\"", StringComparison.Ordinal)..];
        Assert.DoesNotContain("100.0%", standing[..standing.IndexOf("</p>", StringComparison.Ordinal)]);
        Assert.DoesNotContain(TwoOfficeFactory.Marker, page);
    }
}
