using AriSuTotalService.Infrastructure.Import;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AriSuTotalService.Web.Pages.Admin.Imports;

/// <summary>CSV uploads of customers and complaint history (the same imports as the API), with the file's problems listed by line and column.</summary>
[Authorize(Roles = RoleSets.Administrator)]
[RequestSizeLimit(Api.ApiEndpoints.MaxImportBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = Api.ApiEndpoints.MaxImportBytes)]
public class IndexModel(CustomerImport customers, ComplaintHistoryImport complaints, ILogger<IndexModel> logger) : PageModel
{
    public string? Kind { get; private set; }
    public ImportResult? Result { get; private set; }
    public IReadOnlyList<ImportError> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostCustomersAsync(IFormFile? file, CancellationToken ct) =>
        RunAsync("customers", file, bytes => customers.RunAsync(User.OfficeId(), bytes, null, ct), ct);

    public Task<IActionResult> OnPostComplaintsAsync(IFormFile? file, CancellationToken ct) =>
        RunAsync("complaints", file, bytes => complaints.RunAsync(User.OfficeId(), bytes, null, ct), ct);

    private async Task<IActionResult> RunAsync(string kind, IFormFile? file, Func<byte[], Task<ImportResult>> run, CancellationToken ct)
    {
        Kind = kind;
        if (file is null || file.Length == 0)
        {
            Errors = [new ImportError(0, null, "CSV 파일을 선택하세요.")];
            return Page();
        }
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        try
        {
            Result = await run(ms.ToArray());
            logger.LogInformation("Import of {Kind} by {User}: {Imported} new, {Updated} updated", kind, User.Identity?.Name, Result.Imported, Result.Updated);
        }
        catch (ImportFailedException ex)
        {
            Errors = ex.Errors;
        }
        return Page();
    }
}
