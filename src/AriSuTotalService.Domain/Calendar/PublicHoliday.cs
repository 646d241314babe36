namespace AriSuTotalService.Domain.Calendar;

/// <summary>A public holiday (공휴일): fixed, lunar, substitute (대체공휴일) or one-off (임시공휴일, election day).</summary>
public class PublicHoliday
{
    private PublicHoliday() { }

    public PublicHoliday(DateOnly date, string name, string kind)
    {
        Date = date;
        Name = name;
        Kind = kind;
    }

    public int Id { get; private set; }
    public DateOnly Date { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>fixed, lunar, substitute, one_off.</summary>
    public string Kind { get; private set; } = "fixed";
}
