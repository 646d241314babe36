using AriSuTotalService.Domain.Evaluations;

namespace AriSuTotalService.Domain.Tests;

public class SatisfactionTests
{
    private static IEnumerable<string> Many(string answer, int n) => Enumerable.Repeat(answer, n);

    [Fact]
    public void The_plans_2016_distribution_gives_97_7_percent()
    {
        // 71 / 26.7 / 1.3 / 1 / 0 % of 1,000 answers.
        var answers = Many(PanelAnswers.VerySatisfied, 710).Concat(Many(PanelAnswers.Satisfied, 267))
            .Concat(Many(PanelAnswers.Neutral, 13)).Concat(Many(PanelAnswers.Dissatisfied, 10));
        var f = Satisfaction.Of(answers);
        Assert.Equal(97.7m, f.SatisfactionPercent);
        Assert.Equal(71.0m, f.Share(PanelAnswers.VerySatisfied));
        Assert.Equal(26.7m, f.Share(PanelAnswers.Satisfied));
        Assert.Equal(1.3m, f.Share(PanelAnswers.Neutral));
        Assert.Equal(0.0m, f.Share(PanelAnswers.VeryDissatisfied));
    }

    [Fact]
    public void Not_applicable_answers_are_left_out()
    {
        var f = Satisfaction.Of([PanelAnswers.Satisfied, PanelAnswers.Neutral, PanelAnswers.NotApplicable, PanelAnswers.NotApplicable]);
        Assert.Equal(2, f.Answers);
        Assert.Equal(50.0m, f.SatisfactionPercent);
    }

    [Fact]
    public void Satisfaction_is_truncated_and_absent_without_answers()
    {
        Assert.Equal(66.6m, Satisfaction.Of([PanelAnswers.Satisfied, PanelAnswers.VerySatisfied, PanelAnswers.Dissatisfied]).SatisfactionPercent);
        Assert.Null(Satisfaction.Of([PanelAnswers.NotApplicable]).SatisfactionPercent);
    }

    [Fact]
    public void A_round_moves_planned_open_closed_and_a_closed_round_refuses_changes()
    {
        var round = new PanelRound(1, 2017, 5, 10);
        Assert.Throws<AriSuTotalService.Domain.Common.DomainException>(() => round.Close(DateTime.UtcNow));
        round.Open();
        round.Close(DateTime.UtcNow);
        Assert.True(round.IsClosed);
        Assert.Throws<AriSuTotalService.Domain.Common.DomainException>(() => round.EnsureEditable());
    }
}
