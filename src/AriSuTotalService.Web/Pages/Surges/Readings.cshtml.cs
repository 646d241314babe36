using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Import;
using AriSuTotalService.Web.Pages.Shared;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AriSuTotalService.Web.Pages.Surges;

/// <summary>Monthly readings file from the meter-reading system (the same import as the API), with upload and checking progress.</summary>
[Authorize(Roles = RoleSets.ScanControl)]
[RequestSizeLimit(Api.ApiEndpoints.MaxImportBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = Api.ApiEndpoints.MaxImportBytes)]
public class ReadingsModel(MeterReadingImport import, ArisuDbContext db, ImportQueue queue) : ImportPageModel(db, queue)
{
    public Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct) => SubmitAsync(import, file, ct);
}
