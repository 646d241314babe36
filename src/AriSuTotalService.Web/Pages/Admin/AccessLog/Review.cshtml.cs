using AriSuTotalService.Domain.Privacy;
using System.Globalization;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features;
using AriSuTotalService.Infrastructure.Features.Privacy;
using AriSuTotalService.Infrastructure.Privacy;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Admin.AccessLog;

/// <summary>The monthly review of the access log: per user, what they did, with unusual use flagged; the review is recorded.</summary>
[Authorize(Roles = RoleSets.Administrator)]
public class ReviewModel(ArisuDbContext db, ReviewAccessLog.Handler review, TimeProvider clock,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    public int ViewThreshold => 500;

    public sealed record Row(string User, int Views, int Changes, int Exports, int Subjects, int Night, bool Flagged);
    public sealed record Done(string At, string Reviewer, string Note);

    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty] public string? Note { get; set; }

    public DateOnly FirstDay { get; private set; }
    public DateOnly LastDay { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Done> Reviews { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await review.HandleAsync(new ReviewAccessLog.Command(Month, Note), ct);
            return RedirectToPage(new { month = Month });
        }
        catch (ValidationFailedException ex)
        {
            ModelState.AddRefusals(ex, l, field => field);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = SeoulTime.Today(clock);
        if (!DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        Month = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        FirstDay = first;
        LastDay = first.AddMonths(1).AddDays(-1);
        var fromUtc = SeoulTime.ToUtc(first.ToDateTime(TimeOnly.MinValue));
        var toUtc = SeoulTime.ToUtc(first.AddMonths(1).ToDateTime(TimeOnly.MinValue));
        var officeId = User.OfficeId();
        var entries = db.PersonalDataAccesses.AsNoTracking()
            .Where(a => a.OfficeId == officeId && a.AtUtc >= fromUtc && a.AtUtc < toUtc);
        var perUser = await entries.GroupBy(a => a.UserName).Select(g => new
        {
            User = g.Key,
            Views = g.Count(a => a.Action == PersonalDataActions.View),
            Changes = g.Count(a => a.Action == PersonalDataActions.Change || a.Action == PersonalDataActions.Create || a.Action == PersonalDataActions.Delete),
            Exports = g.Count(a => a.Action == PersonalDataActions.Download || a.Action == PersonalDataActions.Print),
            Subjects = g.Select(a => a.SubjectKey).Distinct().Count(),
        }).ToListAsync(ct);
        // Night use: 21:00–07:00 Seoul = 12:00–22:00 UTC.
        var night = await entries.Where(a => a.AtUtc.Hour >= 12 && a.AtUtc.Hour < 22)
            .GroupBy(a => a.UserName).Select(g => new { User = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.User, g => g.Count, ct);
        Rows = perUser.Select(u =>
        {
            var n = night.GetValueOrDefault(u.User);
            return new Row(u.User, u.Views, u.Changes, u.Exports, u.Subjects, n, u.Exports > 0 || n > 0 || u.Views > ViewThreshold);
        }).OrderByDescending(r => r.Flagged).ThenByDescending(r => r.Views).ToList();
        var month = Month;
        var done = await db.AccessLogReviews.AsNoTracking().Where(r => r.OfficeId == officeId && r.Month == month)
            .OrderBy(r => r.AtUtc).ToListAsync(ct);
        Reviews = done.Select(r => new Done(SeoulTime.ToLocal(r.AtUtc).ToString("yyyy-MM-dd HH:mm"), r.Reviewer, r.Note)).ToList();
    }
}
