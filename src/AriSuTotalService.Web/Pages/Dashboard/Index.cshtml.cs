using AriSuTotalService.Domain.Common;
using System.Globalization;
using System.Text.Json;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Evaluations;
using AriSuTotalService.Domain.Surges;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Reports;
using AriSuTotalService.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Dashboard;

/// <summary>
/// The section chief's morning page: the period beside the previous period and the same period a year earlier, the
/// four-type proactive table, derived complaints, deadline compliance, the surge funnel, panel satisfaction against
/// target, and 24 months of trend. Every figure is computed by grouped queries.
/// </summary>
[Authorize(Roles = RoleSets.PanelCoordinator)]
public class IndexModel(ArisuDbContext db, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The office's targets of the year shown (administrator-set), in percent by measure.</summary>
    public IReadOnlyDictionary<string, decimal> Targets { get; private set; } = new Dictionary<string, decimal>();

    /// <summary>The reduction of all complaints, and of supply-inconvenience complaints (headquarters scores the latter).</summary>
    public ReductionFigures Reduction => ReductionFigures.Of(Current, LastYear);

    /// <summary>전년 동기 대비 민원 감축률 of all complaints (the scored one is <see cref="Reduction"/>'s supply inconvenience).</summary>
    public decimal? ReductionFromLastYear => Reduction.All.Rate;

    /// <summary>A figure's target and whether the figure meets it; nothing when the office set no target for the year.</summary>
    public Microsoft.AspNetCore.Html.IHtmlContent Target(string measure, decimal? figure, string id) =>
        Target(Targets.TryGetValue(measure, out var target) ? target : null, figure, id);

    /// <summary>A target (the office's or headquarters') beside its figure, with whether it is met.</summary>
    public Microsoft.AspNetCore.Html.IHtmlContent Target(decimal? target, decimal? figure, string id)
    {
        if (target is null) return Microsoft.AspNetCore.Html.HtmlString.Empty;
        var enc = System.Text.Encodings.Web.HtmlEncoder.Default;
        var met = Domain.Reports.PerformanceTarget.Met(figure, target);
        var badge = met is { } m ? $" <span class=\"badge {(m ? "text-bg-success" : "text-bg-danger")}\">{enc.Encode(m ? l["달성"] : l["미달"])}</span>" : "";
        return new Microsoft.AspNetCore.Html.HtmlString($"<div class=\"small text-muted\" id=\"{enc.Encode(id)}\">{enc.Encode(l["목표 {0}", Pct(target)])}{badge}</div>");
    }

    /// <summary>The complaint list behind the figures opens for whoever may read it (handlers, and the administrator read-only).</summary>
    public bool CanOpenComplaints => User.IsInAny(RoleSets.ComplaintReaders);

    /// <summary>The surge worklist behind the funnel opens for the surge work and, read-only, the administrator.</summary>
    public bool CanOpenSurges => User.IsInAny(RoleSets.SurgeReaders);

    /// <summary>A figure as a link to what it counts, or as plain text for a role the list would refuse.</summary>
    public Microsoft.AspNetCore.Html.IHtmlContent Drill(bool can, string href, string text, string? id = null, string? cls = null)
    {
        var enc = System.Text.Encodings.Web.HtmlEncoder.Default;
        var attrs = (id is null ? "" : $" id=\"{enc.Encode(id)}\"") + (cls is null ? "" : $" class=\"{enc.Encode(cls)}\"");
        return new Microsoft.AspNetCore.Html.HtmlString(can ? $"<a href=\"{enc.Encode(href)}\"{attrs}>{enc.Encode(text)}</a>" : $"<span{attrs}>{enc.Encode(text)}</span>");
    }

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Division { get; set; }

    public PerformanceFigures Current { get; private set; } = null!;
    public PerformanceFigures Previous { get; private set; } = null!;
    public PerformanceFigures LastYear { get; private set; } = null!;
    public SurgeFunnel SurgeFunnel { get; private set; } = null!;
    public decimal? Satisfaction { get; private set; }
    public decimal? SatisfactionTarget { get; private set; }
    public int Overdue { get; private set; }
    /// <summary>Visits of the period that were arrived at, how many kept the agreed window, and how many entered a home.</summary>
    public VisitFigures Visits { get; private set; } = null!;
    public string TrendJson { get; private set; } = "{}";
    /// <summary>The months a column counts ("2026-01~2026-11"; one month alone), <paramref name="years"/> years back.</summary>
    public string PeriodLabel(int years)
    {
        var (from, to) = (FromMonth.AddYears(years), ToMonth.AddYears(years));
        return from == to ? $"{from:yyyy-MM}" : $"{from:yyyy-MM}~{to:yyyy-MM}";
    }

    public DateOnly FromMonth { get; private set; }
    public DateOnly ToMonth { get; private set; }

    /// <summary>When the period reaches into the month not yet over: the day its figures run to (today).</summary>
    public DateOnly? PartialUntil { get; private set; }

    /// <summary>Why the period asked for could not be shown (the page then shows the last complete month, with status 400).</summary>
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = SeoulTime.Today(clock);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        if ((!string.IsNullOrEmpty(To) && !Api.ApiEndpoints.TryMonth(To, out _)) || (!string.IsNullOrEmpty(From) && !Api.ApiEndpoints.TryMonth(From, out _)))
        {
            Error = "기간은 2000-01부터 2100-12 사이의 연-월(yyyy-MM)로 고르세요. 지난달을 보여 드립니다.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            To = From = null;
        }
        // Unasked, the last complete month: this month's figures are still moving (a partial month is marked as such).
        ToMonth = Api.ApiEndpoints.TryMonth(To, out var t) ? t : thisMonth.AddMonths(-1);
        PartialUntil = ToMonth >= thisMonth ? today : null;
        FromMonth = Api.ApiEndpoints.TryMonth(From, out var f) && f <= ToMonth ? f : ToMonth;
        From = FromMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        To = ToMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var division = string.IsNullOrEmpty(Division) ? null : Division;
        // A period that reaches into the month still running is compared over the same days earlier (like for like).
        var period = ReportPeriod.Of(FromMonth, ToMonth, today);
        var officeId = User.OfficeId();
        Current = await PerformanceFigures.ComputeAsync(db, officeId, period, division, ct);
        Previous = await PerformanceFigures.ComputeAsync(db, officeId, period.Before, division, ct);
        // For a whole year the previous period is the same year earlier: computed once.
        LastYear = period.Months == 12 ? Previous : await PerformanceFigures.ComputeAsync(db, officeId, period.YearEarlier, division, ct);

        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var complaints = db.Complaints.AsNoTracking().Where(c => c.OfficeId == officeId && (division == null || c.Division == division));
        Overdue = await complaints.Overdue(nowUtc).CountAsync(ct);
        Visits = await VisitFigures.ComputeAsync(db, officeId, period, ct);
        SurgeFunnel = await Infrastructure.Reports.SurgeFunnel.ComputeAsync(db, officeId, FromMonth, ToMonth, ct);
        var year = ToMonth.Year;
        var satisfaction = await SatisfactionFigure.OfYearAsync(db, officeId, year, ct);
        (Satisfaction, SatisfactionTarget) = (satisfaction.Percent, satisfaction.Target);

        Targets = await Infrastructure.Features.Administration.PerformanceTargets.OfYearAsync(db, year, ct);
        TrendJson = await TrendAsync(thisMonth, division, ct);
    }

    /// <summary>
    /// 24 months to this one: complaints received and the four types' proactive rate per month; <c>partial</c> is the
    /// index of the month still running (the chart draws it apart).
    /// </summary>
    private async Task<string> TrendAsync(DateOnly lastMonth, string? division, CancellationToken ct)
    {
        var months = await PerformanceFigures.MonthlyAsync(db, User.OfficeId(), lastMonth.AddMonths(-23), 24, division, ct);
        return JsonSerializer.Serialize(new
        {
            labels = months.Select(m => m.Month.ToString("yy.MM", CultureInfo.InvariantCulture)),
            total = months.Select(m => m.Total),
            proactiveRate = months.Select(m => Rate.Of(m.FourOffice, m.Four)),
            partial = months.Count - 1,
        });
    }

    /// <summary>
    /// The complaints a figure counted: received in the period (to the day it runs to), cancelled ones left out, of a
    /// column of the plan's table (all the catalogue's types counted in it) or a type, a channel, the division chosen.
    /// </summary>
    public string Link(string? column = null, string? channel = null, string? type = null) =>
        $"/Complaints?counted=true&from={FromMonth:yyyy-MM-01}&to={(PartialUntil ?? ToMonth.AddMonths(1).AddDays(-1)):yyyy-MM-dd}"
        + (column is null ? "" : $"&column={column}") + (type is null ? "" : $"&type={type}")
        + (channel is null ? "" : $"&channel={channel}") + (string.IsNullOrEmpty(Division) ? "" : $"&division={Uri.EscapeDataString(Division)}");

    public static string Pct(decimal? v) => v is { } x ? $"{x:0.0}%" : "–";
}
