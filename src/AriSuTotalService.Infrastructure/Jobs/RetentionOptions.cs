namespace AriSuTotalService.Infrastructure.Jobs;

/// <summary>
/// <c>Retention__ClosedComplaintYears</c>: years after closing (or cancelling) after which a complaint's personal
/// fields — caller's name and phone, free-text description, location — are anonymised; the figures stay. Text messages
/// older than that lose their phone number and text (the outbox keeps their date, kind and outcome).
/// </summary>
public sealed class RetentionOptions
{
    [System.ComponentModel.DataAnnotations.Range(1, 30)]
    public int ClosedComplaintYears { get; set; } = 3;
}
