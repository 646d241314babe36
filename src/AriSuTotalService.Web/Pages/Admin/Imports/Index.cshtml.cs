using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Import;
using AriSuTotalService.Web.Pages.Shared;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AriSuTotalService.Web.Pages.Admin.Imports;

/// <summary>
/// CSV uploads of customers, complaint history (the same imports as the API) and the city's complaint catalogue, with the
/// file's problems listed by line and column.
/// </summary>
[Authorize(Roles = RoleSets.Administrator)]
[RequestSizeLimit(Api.ApiEndpoints.MaxImportBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = Api.ApiEndpoints.MaxImportBytes)]
public class IndexModel(CustomerImport customers, ComplaintHistoryImport complaints, ComplaintCatalogueImport catalogue, ArisuDbContext db,
    ImportQueue queue) : ImportPageModel(db, queue)
{
    public Task<IActionResult> OnPostCatalogueAsync(IFormFile? file, CancellationToken ct) => SubmitAsync(catalogue, file, ct);

    public Task<IActionResult> OnPostCustomersAsync(IFormFile? file, CancellationToken ct) => SubmitAsync(customers, file, ct);

    public Task<IActionResult> OnPostComplaintsAsync(IFormFile? file, CancellationToken ct) => SubmitAsync(complaints, file, ct);
}
