using AriSuTotalService.Domain.Complaints;

namespace AriSuTotalService.Domain.Tests.Complaints;

public class ReceptionNumberTests
{
    [Fact]
    public void Formats_year_office_and_six_digits()
    {
        Assert.Equal("2017-남부-000123", ReceptionNumber.Format(2017, "남부", 123));
    }

    [Fact]
    public void Parses_what_it_formats_and_refuses_other_shapes()
    {
        Assert.True(ReceptionNumber.TryParse("2017-남부-000123", out var y, out var office, out var seq));
        Assert.Equal((2017, "남부", 123), (y, office, seq));
        Assert.False(ReceptionNumber.TryParse("2017-남부-123", out _, out _, out _));
        Assert.False(ReceptionNumber.TryParse("17-남부-000123", out _, out _, out _));
        Assert.False(ReceptionNumber.TryParse("2017-남부-000000", out _, out _, out _));
    }

    [Fact]
    public void Sequence_beyond_six_digits_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReceptionNumber.Format(2017, "남부", 1_000_000));
    }

    [Fact]
    public void The_longest_short_name_an_office_may_have_gives_a_reception_number_that_fits_its_column()
    {
        var longest = new string('가', AriSuTotalService.Domain.Offices.Office.MaxShortNameLength);
        Assert.Equal("남부", new AriSuTotalService.Domain.Offices.Office("남부수도사업소", "남부", ["관악구"]).ShortName);
        Assert.True(ReceptionNumber.Format(9999, longest, 999_999).Length <= 30);
        Assert.Throws<ArgumentException>(() => new AriSuTotalService.Domain.Offices.Office("긴 사업소", longest + "가", ["관악구"]));
    }
}
