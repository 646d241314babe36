using AriSuTotalService.Infrastructure.Import;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AriSuTotalService.Web.Pages.Surges;

/// <summary>Monthly readings file from the meter-reading system (the same import as the API), with upload progress.</summary>
[Authorize(Roles = RoleSets.ScanControl)]
[RequestSizeLimit(Api.ApiEndpoints.MaxImportBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = Api.ApiEndpoints.MaxImportBytes)]
public class ReadingsModel(MeterReadingImport import, ILogger<ReadingsModel> logger) : PageModel
{
    public ImportResult? Result { get; private set; }
    public IReadOnlyList<ImportError> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Errors = [new ImportError(0, null, "CSV 파일을 선택하세요.")];
            return Page();
        }
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        try
        {
            Result = await import.RunAsync(User.OfficeId(), ms.ToArray(), null, ct);
            logger.LogInformation("Readings import by {User}: {Imported} new, {Updated} updated", User.Identity?.Name, Result.Imported, Result.Updated);
        }
        catch (ImportFailedException ex)
        {
            Errors = ex.Errors;
        }
        return Page();
    }
}
