using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Common;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Notices;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Complaints;

/// <summary>What the clerk recorded during the call.</summary>
public sealed record IntakeRequest(
    long? CustomerId,
    string TypeCode,
    string Channel,
    string? Description,
    string? Location,
    string? CallerName,
    string? CallerPhone,
    string? CallerRelation,
    DateOnly? PreferredDate,
    string? PreferredWindow,
    IReadOnlyList<string> OtherTypeCodes,
    string? CallerEmail = null,
    decimal? Latitude = null,
    decimal? Longitude = null,
    bool OfficeInitiated = false)
{
    /// <summary>
    /// The system's own flow opens it (a surge case decided unexplained): the one way a <c>proactive</c> complaint is
    /// made. No door — the intake page, <c>/api/v1</c>, Open311 — sets it: what a client sends is citizen-applied.
    /// </summary>
    public bool OfficeInitiated { get; init; } = OfficeInitiated;
}

public sealed record IntakeResult(Complaint First, IReadOnlyList<Complaint> Linked);

/// <summary>
/// The complaint operations that need more than the entity: reception numbers, the deadline calendar, linked
/// complaints and notices to the citizen. Every change is one transaction.
/// </summary>
public sealed class ComplaintDesk(ArisuDbContext db, HolidayCalendar holidays, Notices.MessageTemplates templates, ICurrentUser user, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Registers a complaint and, for each other inconvenience ticked, a linked staff-work complaint (channel derived).</summary>
    public async Task<IntakeResult> RegisterAsync(int officeId, IntakeRequest request, CancellationToken ct = default)
    {
        // The office's settings are read before the transaction (the types stay inside: the new complaints refer to them,
        // tracked, in every attempt): the write holds SQLite's one writer, and this process's turn to write, for less.
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == officeId, ct);
        var codes = new[] { request.TypeCode }.Concat(request.OtherTypeCodes.Where(c => c != request.TypeCode)).Distinct().ToList();
        var calendar = await holidays.GetAsync(db, ct);
        var ownDivisions = await DivisionSettings.ForTypesAsync(db, officeId, codes, ct);
        return await db.InTransactionAsync(async () =>
        {
            var types = await db.ComplaintTypes.Where(t => codes.Contains(t.Code) && t.IsActive).ToDictionaryAsync(t => t.Code, ct);
            var unknown = codes.FirstOrDefault(c => !types.ContainsKey(c));
            // The rules of an intake are RegisterComplaint.Validator's; what reaches here has passed them.
            if (unknown is not null) throw new DomainException("알 수 없는 민원 유형입니다: {0}", unknown);
            var now = Now;
            var local = SeoulTime.ToLocal(now);
            var first = await ReceptionNumbers.ReserveAsync(db, officeId, local.Year, codes.Count, ct);
            var created = new List<Complaint>();
            for (var i = 0; i < codes.Count; i++)
            {
                var type = types[codes[i]];
                var deadline = SeoulTime.ToUtc(calendar.Deadline(local, type.Period));
                var complaint = Complaint.Receive(officeId, ReceptionNumber.Format(local.Year, office.ShortName, first + i), now, type,
                    i == 0 ? request.Channel : Channels.Derived, request.CustomerId,
                    i == 0 ? request.Description : $"접수 시 추가 불편 확인: {type.NameKo}", request.Location, deadline, user.Name,
                    request.Latitude, request.Longitude);
                complaint.SetCaller(request.CallerName, request.CallerPhone, request.CallerRelation, request.CallerEmail);
                if (ownDivisions.TryGetValue(type.Code, out var own)) complaint.RouteAtReception(own);
                if (type.NeedsVisit) complaint.SetPreferredVisit(request.PreferredDate, request.PreferredWindow);
                created.Add(complaint);
            }
            db.Complaints.AddRange(created);
            await db.SaveChangesAsync(ct);
            foreach (var linked in created.Skip(1)) linked.LinkTo(created[0], now, user.Name);
            await db.SaveChangesAsync(ct);
            return new IntakeResult(created[0], created.Skip(1).ToList());
        }, ct);
    }

    /// <summary>
    /// Problems found later (on site): each type becomes a complaint of its own, linked to the parent — channel derived, or
    /// proactive for what the office opens by itself (a leak fee reduction after a repaired leak).
    /// </summary>
    public async Task<IReadOnlyList<Complaint>> RegisterLinkedAsync(Complaint parent, IReadOnlyList<string> typeCodes, string description, CancellationToken ct,
        string channel = Channels.Derived, string? division = null)
    {
        return await db.InTransactionAsync(async () =>
        {
            var codes = typeCodes.Distinct().ToList();
            var types = await db.ComplaintTypes.Where(t => codes.Contains(t.Code) && t.IsActive).ToDictionaryAsync(t => t.Code, ct);
            if (codes.FirstOrDefault(c => !types.ContainsKey(c)) is { } unknown) throw new DomainException("알 수 없는 민원 유형입니다: {0}", unknown);
            var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == parent.OfficeId, ct);
            var calendar = await holidays.GetAsync(db, ct);
            var ownDivisions = await DivisionSettings.ForTypesAsync(db, parent.OfficeId, codes, ct);
            var now = Now;
            var local = SeoulTime.ToLocal(now);
            var first = await ReceptionNumbers.ReserveAsync(db, parent.OfficeId, local.Year, codes.Count, ct);
            var created = new List<Complaint>();
            for (var i = 0; i < codes.Count; i++)
            {
                var type = types[codes[i]];
                var c = Complaint.Receive(parent.OfficeId, ReceptionNumber.Format(local.Year, office.ShortName, first + i), now, type, channel,
                    parent.CustomerId, $"{description}: {type.NameKo}", parent.Location, SeoulTime.ToUtc(calendar.Deadline(local, type.Period)), user.Name,
                    parent.Latitude, parent.Longitude);
                c.SetCaller(parent.CallerName, parent.CallerPhone, parent.CallerRelation, parent.CallerEmail);
                c.LinkTo(parent, now, user.Name);
                if ((division ?? ownDivisions.GetValueOrDefault(type.Code)) is { } routed) c.RouteAtReception(routed);
                created.Add(c);
            }
            db.Complaints.AddRange(created);
            await db.SaveChangesAsync(ct);
            return created;
        }, ct);
    }

    /// <summary>Loads a complaint for a change, refusing the save if someone else changed it since <paramref name="version"/>.</summary>
    public async Task<Complaint> ForChangeAsync(long id, Guid version, CancellationToken ct = default)
    {
        var complaint = await db.Complaints.Include(c => c.Type).Include(c => c.Events).SingleOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new KeyNotFoundException($"complaint {id}");
        // Already changed by someone else: refuse before applying anything (the save would be refused anyway).
        if (complaint.Version != version) throw new DbUpdateConcurrencyException($"complaint {id} changed since version {version}");
        db.ExpectVersion(complaint, version);
        return complaint;
    }

    /// <summary>
    /// A paused complaint resumes first, as part of whatever acts on it next (resolve, cancel, transfer, result, extend,
    /// a visit's outcome): the deadline moves by the paused working time, so the pause never counts as late.
    /// </summary>
    public async Task ResumeIfPausedAsync(Complaint c, CancellationToken ct = default)
    {
        if (c.PausedAtUtc is not { } paused) return;
        var calendar = await holidays.GetAsync(db, ct);
        var now = Now;
        var newDeadline = calendar.AfterPause(SeoulTime.ToLocal(c.DeadlineAtUtc), SeoulTime.ToLocal(paused), SeoulTime.ToLocal(now));
        c.Resume(SeoulTime.ToUtc(newDeadline), now, user.Name);
    }

    /// <summary>The number to tell the citizen by: the caller's when the caller is not the holder, else the holder's.</summary>
    public async Task<string?> ContactPhoneAsync(Complaint c, CancellationToken ct = default) =>
        c.CallerPhone ?? (c.CustomerId is { } id
            ? await db.Customers.Where(x => x.Id == id).Select(x => x.Phone).SingleOrDefaultAsync(ct)
            : null);

    /// <summary>
    /// Queues the office's text of that kind to the complaint's contact number (none when there is no number). A number
    /// that cannot take a text (a landline, one the numbering plan does not know) keeps the message in the history as
    /// not sent, with the reason.
    /// </summary>
    /// <returns>Whether a text will go out (false: no number, or one that cannot take a text).</returns>
    public async Task<bool> QueueNoticeAsync(Complaint c, string kind, IReadOnlyDictionary<string, string?> values, CancellationToken ct, string? storedKind = null)
    {
        var phone = await ContactPhoneAsync(c, ct);
        if (string.IsNullOrWhiteSpace(phone)) return false;
        var body = await templates.RenderAsync(c.OfficeId, kind, values, ct);
        var message = new OutboxMessage(c.OfficeId, c.Id, phone, storedKind ?? kind, body, Now);
        if (Notices.KoreanPhone.WhyNotTextable(phone) is { } reason) message.Skip(reason, Now);
        db.OutboxMessages.Add(message);
        return message.IsPending;
    }
}
