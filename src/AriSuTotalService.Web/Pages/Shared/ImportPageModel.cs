using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Import;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AriSuTotalService.Web.Pages.Shared;

/// <summary>
/// An upload page of the CSV imports (the same runs as the API): the file is spooled to disk as it arrives and queued;
/// a file done within <see cref="WaitForResult"/> shows its result at once, a longer one is followed on
/// <c>?run={id}</c>, its progress (records checked of the file's records) polled from <c>?handler=Status</c>.
/// </summary>
public abstract class ImportPageModel(ArisuDbContext db, ImportQueue queue) : PageModel
{
    public static readonly TimeSpan WaitForResult = TimeSpan.FromSeconds(3);

    public ImportRunView? Run { get; private set; }

    /// <summary>A problem with the request itself (no file).</summary>
    public IReadOnlyList<ImportError> RequestErrors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long? run, CancellationToken ct)
    {
        if (run is { } id)
        {
            Run = await ImportRunView.LoadAsync(db, queue, id, ct);
            if (Run is null) return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnGetStatusAsync(long run, CancellationToken ct) =>
        await ImportRunView.LoadAsync(db, queue, run, ct) is { } r
            ? new JsonResult(new { state = r.State, open = r.IsOpen, percent = r.Percent, rowsChecked = r.RowsChecked, fileRows = r.FileRows, rowsWritten = r.RowsWritten })
            : NotFound();

    protected async Task<IActionResult> SubmitAsync(ICsvImport import, IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            RequestErrors = [ImportError.Of(0, null, "CSV 파일을 선택하세요.")];
            return Page();
        }
        CsvSource source;
        await using (var upload = file.OpenReadStream())
            source = await CsvSource.SpoolAsync(upload, ImportQueue.Folder, ct);
        var (run, done) = await queue.SubmitAsync(User.OfficeId(), import, source, file.FileName, User.Identity?.Name ?? "unknown", ct);
        await Task.WhenAny(done, Task.Delay(WaitForResult, ct));
        if (!done.IsCompleted) return RedirectToPage(new { run = run.Id });
        Run = await ImportRunView.LoadAsync(db, queue, run.Id, ct);
        return Page();
    }
}
