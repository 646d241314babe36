using AriSuTotalService.Domain.Evaluations;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Evaluations;

/// <summary>Figures of a set of rounds: per item and pooled, with the comments grouped by item as strengths and weaknesses.</summary>
public sealed record PanelFigures(IReadOnlyList<Satisfaction.Figures> PerItem, Satisfaction.Figures Pooled,
    IReadOnlyList<(int Item, bool Strength, string Comment)> Comments)
{
    public static async Task<PanelFigures> OfRoundsAsync(ArisuDbContext db, IReadOnlyCollection<int> roundIds, CancellationToken ct)
    {
        var answers = await db.PanelAnswers.AsNoTracking().Where(a => roundIds.Contains(a.RoundId))
            .Select(a => new { a.Item, a.Answer, a.Comment }).ToListAsync(ct);
        var perItem = Enumerable.Range(1, 6).Select(i => Satisfaction.Of(answers.Where(a => a.Item == i).Select(a => a.Answer))).ToList();
        var comments = answers.Where(a => a.Comment is not null)
            .Select(a => (a.Item, a.Answer is PanelAnswers.VerySatisfied or PanelAnswers.Satisfied, a.Comment!))
            .OrderBy(c => c.Item).ToList();
        return new PanelFigures(perItem, Satisfaction.Of(answers.Select(a => a.Answer)), comments);
    }

    public static string AnswerLabel(string answer) => answer switch
    {
        PanelAnswers.VerySatisfied => "매우만족",
        PanelAnswers.Satisfied => "만족",
        PanelAnswers.Neutral => "보통",
        PanelAnswers.Dissatisfied => "불만",
        PanelAnswers.VeryDissatisfied => "매우불만",
        _ => "해당 없음",
    };

    public static string Percent(decimal? value) => value is { } v ? $"{v:0.0}%" : "–";
}
