using System.Globalization;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Surges;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features.Complaints;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Features.Surges;

/// <summary>
/// The phone check of a flagged meter decided: explained (closes it), unexplained (a proactive leak diagnosis opens,
/// linked to it), unreachable (an attempt; a letter after three), or assigned to a staff member. One transaction: the
/// diagnosis complaint and the case's decision are saved together or not at all, and a case someone else decided
/// since it was read is refused whole (two staff pressing at once make one complaint; the second is told).
/// </summary>
public static class DecideSurgeCase
{
    public static class Decisions
    {
        public const string Explained = "explained";
        public const string Unexplained = "unexplained";
        public const string Unreachable = "unreachable";
        public const string Assign = "assign";
    }

    public sealed record Command(long CaseId, Guid Version, string Decision, string? Reason = null, string? Note = null,
        DateOnly? PreferredDate = null, string? PreferredWindow = null, string? AssigneeId = null);

    public sealed class Validator(ArisuDbContext db)
    {
        public async Task<IReadOnlyList<FieldError>> ValidateAsync(Command command, SurgeCase c, CancellationToken ct)
        {
            var refused = new Refusals();
            if (c.IsDecided) refused.Add("", SurgeCase.AlreadyDecided);
            switch (command.Decision)
            {
                case Decisions.Explained:
                    if (!ExplainedReasons.IsKnown(command.Reason)) refused.Add(nameof(command.Reason), SurgeCase.ReasonFromList);
                    else if (command.Reason == "other" && string.IsNullOrWhiteSpace(command.Note)) refused.Add(nameof(command.Note), SurgeCase.OtherNeedsNote);
                    break;
                case Decisions.Assign:
                    if (!string.IsNullOrEmpty(command.AssigneeId) && !await db.Users.AnyAsync(u => u.Id == command.AssigneeId && u.OfficeId == c.OfficeId, ct))
                        refused.Add(nameof(command.AssigneeId), "같은 사업소의 직원에게만 배정할 수 있습니다.");
                    break;
                case Decisions.Unexplained or Decisions.Unreachable:
                    break;
                default:
                    refused.Add(nameof(command.Decision), "알 수 없는 처리입니다: {0}", command.Decision);
                    break;
            }
            return refused.Errors;
        }
    }

    public sealed class Handler(ArisuDbContext db, Validator validator, RegisterComplaint.Handler register, TimeProvider clock)
    {
        public async Task<SurgeCase> HandleAsync(Command command, CancellationToken ct) =>
            await db.InTransactionAsync(async () =>
            {
                var c = await db.SurgeCases.SingleOrDefaultAsync(x => x.Id == command.CaseId, ct)
                    ?? throw new KeyNotFoundException($"surge case {command.CaseId}");
                // Decided by someone else since it was read: refused before anything is written.
                if (c.Version != command.Version) throw new DbUpdateConcurrencyException($"surge case {c.Id} changed since version {command.Version}");
                db.ExpectVersion(c, command.Version);
                var errors = await validator.ValidateAsync(command, c, ct);
                if (errors.Count > 0) throw new ValidationFailedException(errors);
                var now = clock.GetUtcNow().UtcDateTime;
                switch (command.Decision)
                {
                    case Decisions.Explained:
                        c.Explain(command.Reason!, command.Note, now);
                        break;
                    case Decisions.Unreachable:
                        c.RecordUnreachable(command.Note, now);
                        break;
                    case Decisions.Assign:
                        c.AssignTo(string.IsNullOrEmpty(command.AssigneeId) ? null : command.AssigneeId);
                        break;
                    case Decisions.Unexplained:
                        var diagnosis = await register.HandleAsync(new IntakeRequest(c.CustomerId, ComplaintTypeCodes.LeakDiagnosis, Channels.Proactive,
                            Describe(c, command.Note), null, null, null, null, command.PreferredDate, command.PreferredWindow, [], OfficeInitiated: true), ct);
                        c.MarkUnexplained(diagnosis.First.Id, command.Note, now);
                        break;
                }
                await db.SaveChangesAsync(ct);
                return c;
            }, ct);

        private static string Describe(SurgeCase c, string? note) =>
            $"사용량 격증 {c.Period:yyyy-MM} +{c.IncreasePercent:0.0}% (하루 {PerDay(c.PreviousUsageM3, c.PreviousDays)} → {PerDay(c.CurrentUsageM3, c.CurrentDays)} m³), 원인 불명으로 선제 누수진단"
            + (string.IsNullOrWhiteSpace(note) ? "" : $": {note.Trim()}");
    }

    public static string PerDay(long usage, int days) => days == 0 ? "-" : (usage / (decimal)days).ToString("0.00", CultureInfo.InvariantCulture);
}
