namespace AriSuTotalService.Domain.Notices;

/// <summary>An office's wording of one kind of text message, edited by administrators.</summary>
public class MessageTemplate : Offices.IOfficeOwned
{
    public int OfficeId { get; set; }
    public string Kind { get; set; } = "";
    public string Text { get; set; } = "";
}
