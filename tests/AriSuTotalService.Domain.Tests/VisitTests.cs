using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Visits;

namespace AriSuTotalService.Domain.Tests;

public class VisitTests
{
    private static DateTime Local(DateTime d) => d; // times in these tests are already local

    [Fact]
    public void Arriving_inside_the_window_keeps_it_and_late_does_not()
    {
        var v = new Visit(1, 1, "u", new DateOnly(2026, 12, 1), "09-12", true, null);
        Assert.Null(v.KeptWindow(Local));
        v.Arrive(new DateTime(2026, 12, 1, 11, 50, 0));
        Assert.True(v.KeptWindow(Local));
        var late = new Visit(1, 1, "u", new DateOnly(2026, 12, 1), "09-12", true, null);
        late.Arrive(new DateTime(2026, 12, 1, 12, 20, 0));
        Assert.False(late.KeptWindow(Local));
    }

    [Fact]
    public void An_exact_time_allows_thirty_minutes_either_side()
    {
        var v = new Visit(1, 1, "u", new DateOnly(2026, 12, 1), "14:30", false, null);
        v.Arrive(new DateTime(2026, 12, 1, 14, 55, 0));
        Assert.True(v.KeptWindow(Local));
    }

    [Fact]
    public void Finishing_needs_an_arrival_and_a_bad_window_is_refused()
    {
        var v = new Visit(1, 1, "u", new DateOnly(2026, 12, 1), "13-15", true, null);
        Assert.Throws<DomainException>(() => v.Finish(DateTime.UtcNow));
        Assert.Throws<DomainException>(() => new Visit(1, 1, "u", new DateOnly(2026, 12, 1), "15-13", true, null));
        Assert.Throws<DomainException>(() => v.Cancel(" "));
    }
}
