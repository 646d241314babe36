using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Pages.Complaints;

/// <summary>The complaint list's filters, shared by the page and its CSV export (bound from the query string).</summary>
public sealed class ComplaintFilter
{
    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "type")] public string? Type { get; set; }
    [FromQuery(Name = "field")] public string? Field { get; set; }
    [FromQuery(Name = "channel")] public string? Channel { get; set; }
    [FromQuery(Name = "division")] public string? Division { get; set; }
    /// <summary>A user id, or "me".</summary>
    [FromQuery(Name = "assignee")] public string? Assignee { get; set; }
    [FromQuery(Name = "district")] public string? District { get; set; }
    [FromQuery(Name = "from")] public DateOnly? From { get; set; }
    [FromQuery(Name = "to")] public DateOnly? To { get; set; }
    [FromQuery(Name = "overdue")] public bool Overdue { get; set; }
    /// <summary>Only what the figures count (cancelled ones left out): what a figure's link opens.</summary>
    [FromQuery(Name = "counted")] public bool Counted { get; set; }
    /// <summary>The plan's report column (the catalogue's types counted in it), as the figures' tables group them.</summary>
    [FromQuery(Name = "column")] public string? Column { get; set; }
    /// <summary>Reception number (exact or prefix).</summary>
    [FromQuery(Name = "q")] public string? Q { get; set; }
    /// <summary>received (default, newest first), deadline, reception.</summary>
    [FromQuery(Name = "sort")] public string? Sort { get; set; }

    public IQueryable<Complaint> Apply(ArisuDbContext db, string currentUserId, DateTime nowUtc)
    {
        var q = db.Complaints.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Status))
        {
            q = Status == "open" ? q.Where(c => ComplaintStatuses.Open.Contains(c.Status)) : q.Where(c => c.Status == Status);
        }
        if (!string.IsNullOrWhiteSpace(Type)) q = q.Where(c => c.Type!.Code == Type);
        if (!string.IsNullOrWhiteSpace(Field)) q = q.Where(c => c.Type!.Field == Field);
        if (!string.IsNullOrWhiteSpace(Column)) q = q.Where(c => c.Type!.ReportColumn == Column);
        if (Counted) q = q.Counted();
        if (!string.IsNullOrWhiteSpace(Channel)) q = q.Where(c => c.Channel == Channel);
        if (!string.IsNullOrWhiteSpace(Division)) q = q.Where(c => c.Division == Division);
        if (!string.IsNullOrWhiteSpace(Assignee))
        {
            var id = Assignee == "me" ? currentUserId : Assignee;
            q = q.Where(c => c.AssigneeId == id);
        }
        if (!string.IsNullOrWhiteSpace(District))
        {
            var customers = db.Customers.Where(x => x.District == District).Select(x => x.Id);
            q = q.Where(c => c.CustomerId != null && customers.Contains(c.CustomerId.Value));
        }
        if (From is { } from)
        {
            var fromUtc = SeoulTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            q = q.Where(c => c.ReceivedAtUtc >= fromUtc);
        }
        if (To is { } to)
        {
            var toUtc = SeoulTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            q = q.Where(c => c.ReceivedAtUtc < toUtc);
        }
        if (Overdue) q = q.Overdue(nowUtc);
        if (!string.IsNullOrWhiteSpace(Q)) q = q.Where(c => c.ReceptionNumber.StartsWith(Q.Trim()));
        return Sort switch
        {
            "deadline" => q.OrderBy(c => c.DeadlineAtUtc).ThenBy(c => c.Id),
            "reception" => q.OrderBy(c => c.ReceptionNumber),
            _ => q.OrderByDescending(c => c.ReceivedAtUtc).ThenByDescending(c => c.Id),
        };
    }

    public Dictionary<string, string?> ToQuery() => new()
    {
        ["status"] = Status, ["type"] = Type, ["field"] = Field, ["channel"] = Channel, ["division"] = Division,
        ["assignee"] = Assignee, ["district"] = District, ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"),
        ["overdue"] = Overdue ? "true" : null, ["counted"] = Counted ? "true" : null, ["column"] = Column, ["q"] = Q, ["sort"] = Sort,
    };

    public string Describe() => string.Join(" ", ToQuery().Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => $"{kv.Key}={kv.Value}"));
}
