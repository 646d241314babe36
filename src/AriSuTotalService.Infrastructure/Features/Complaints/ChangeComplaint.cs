using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Features.Complaints;

/// <summary>
/// A complaint's lifecycle after intake: resolve, transfer, the transfer's result, cancel, assign, extend, pause,
/// resume. One command for all of them: the handler loads the complaint at the version the user saw, checks that this
/// user may act on it, checks the action's rules, applies it (a paused complaint resumes first, notices queued) and
/// saves once in one transaction.
/// </summary>
public static class ChangeComplaint
{
    public static class Actions
    {
        public const string Resolve = "resolve";
        public const string Transfer = "transfer";
        public const string Result = "result";
        public const string Cancel = "cancel";
        public const string Assign = "assign";
        public const string Extend = "extend";
        public const string Pause = "pause";
        public const string Resume = "resume";
        public static readonly IReadOnlyList<string> All = [Resolve, Transfer, Result, Cancel, Assign, Extend, Pause, Resume];
    }

    /// <summary>Who acts: their roles and division (from the sign-in).</summary>
    public sealed record Actor(IReadOnlySet<string> Roles, string? Division)
    {
        /// <summary>
        /// Who may act on an open complaint: intake clerks and section chiefs on any of the office's, the other
        /// complaint handlers on those of their own division; an administrator only reads.
        /// </summary>
        public bool MayAct(string status, string division) =>
            ComplaintStatuses.Open.Contains(status)
            && (Roles.Contains(Domain.Offices.Roles.IntakeClerk) || Roles.Contains(Domain.Offices.Roles.SectionChief)
                || (Division == division && (Roles.Contains(Domain.Offices.Roles.FieldStaff) || Roles.Contains(Domain.Offices.Roles.BillingClerk))));
    }

    public sealed record Command(long ComplaintId, Guid Version, string Action, string? Text = null, string? TargetDivision = null,
        string? AssigneeId = null, DateTime? NewDeadlineLocal = null);

    /// <summary>The user may not act on this complaint (another division's, or closed).</summary>
    public sealed class NotAllowedException() : Exception("not allowed to act on this complaint");

    public sealed class Validator(ArisuDbContext db)
    {
        public async Task<IReadOnlyList<FieldError>> ValidateAsync(Command c, Complaint complaint, CancellationToken ct)
        {
            var refused = new Refusals();
            var text = string.IsNullOrWhiteSpace(c.Text) ? null : c.Text;
            switch (c.Action)
            {
                case Actions.Resolve:
                    if (complaint.Status == ComplaintStatuses.Transferred) refused.Add(nameof(c.Text), "이첩된 민원은 받은 부서의 처리 결과 보고로 종결됩니다.");
                    else if (text is null) refused.Add(nameof(c.Text), "처리 내용을 입력하세요.");
                    break;
                case Actions.Transfer:
                    if (complaint.Status == ComplaintStatuses.Transferred) refused.Add(nameof(c.TargetDivision), "이미 이첩된 민원입니다.");
                    else if (!Divisions.IsKnown(c.TargetDivision)) refused.Add(nameof(c.TargetDivision), "알 수 없는 부서입니다.");
                    else if (c.TargetDivision == complaint.Division) refused.Add(nameof(c.TargetDivision), "현재 담당 부서로는 이첩할 수 없습니다.");
                    if (text is null) refused.Add(nameof(c.Text), "이첩 사유를 입력하세요.");
                    break;
                case Actions.Result:
                    if (complaint.Status != ComplaintStatuses.Transferred) refused.Add(nameof(c.Text), "이첩된 민원이 아닙니다.");
                    else if (text is null) refused.Add(nameof(c.Text), "처리 결과를 입력하세요.");
                    break;
                case Actions.Cancel:
                    if (text is null) refused.Add(nameof(c.Text), "취소 사유를 입력하세요.");
                    break;
                case Actions.Assign:
                    if (!string.IsNullOrEmpty(c.AssigneeId) && !await db.Users.AnyAsync(u => u.Id == c.AssigneeId && u.OfficeId == complaint.OfficeId, ct))
                        refused.Add(nameof(c.AssigneeId), "같은 사업소의 직원에게만 배정할 수 있습니다.");
                    break;
                case Actions.Extend:
                    if (complaint.ExtensionReason is not null) refused.Add(nameof(c.NewDeadlineLocal), "처리기간은 한 차례만 연장할 수 있습니다.");
                    else if (c.NewDeadlineLocal is null) refused.Add(nameof(c.NewDeadlineLocal), "연장할 처리기한을 입력하세요.");
                    if (text is null) refused.Add(nameof(c.Text), "연장 사유를 입력하세요.");
                    break;
                case Actions.Pause:
                    if (complaint.PausedAtUtc is not null) refused.Add(nameof(c.Text), "이미 보완 요청 중입니다.");
                    else if (text is null) refused.Add(nameof(c.Text), "보완 요청 사유를 입력하세요.");
                    break;
                case Actions.Resume:
                    if (complaint.PausedAtUtc is null) refused.Add(nameof(c.Text), "보완 요청 중이 아닙니다.");
                    break;
                default:
                    refused.Add(nameof(c.Action), "알 수 없는 처리입니다: {0}", c.Action);
                    break;
            }
            return refused.Errors;
        }
    }

    public sealed class Handler(ArisuDbContext db, ComplaintDesk desk, Validator validator, HolidayCalendar holidays, ICurrentUser user, TimeProvider clock)
    {
        public async Task<Complaint> HandleAsync(Command command, Actor actor, CancellationToken ct) =>
            await db.InTransactionAsync(async () =>
            {
                // Someone else saved since the user loaded it: refused before anything is tried (DbUpdateConcurrencyException).
                var c = await desk.ForChangeAsync(command.ComplaintId, command.Version, ct);
                if (!actor.MayAct(c.Status, c.Division)) throw new NotAllowedException();
                var errors = await validator.ValidateAsync(command, c, ct);
                if (errors.Count > 0) throw new ValidationFailedException(errors);
                var now = clock.GetUtcNow().UtcDateTime;
                var text = command.Text?.Trim() ?? "";
                // Whatever acts on a paused complaint resumes it first (the pause does not count against the deadline);
                // a new pause and an assignment leave the clock as it is.
                if (command.Action is not (Actions.Pause or Actions.Assign)) await desk.ResumeIfPausedAsync(c, ct);
                switch (command.Action)
                {
                    case Actions.Resolve:
                        c.Resolve(text, now, user.Name);
                        break;
                    case Actions.Transfer:
                        c.TransferTo(command.TargetDivision!, text, now, user.Name);
                        break;
                    case Actions.Result:
                        c.ReportTransferResult(text, now, user.Name);
                        break;
                    case Actions.Cancel:
                        c.Cancel(text, now, user.Name);
                        break;
                    case Actions.Assign:
                        c.AssignTo(string.IsNullOrEmpty(command.AssigneeId) ? null : command.AssigneeId, now, user.Name);
                        break;
                    case Actions.Extend:
                        var calendar = await holidays.GetAsync(db, ct);
                        var limit = calendar.ExtensionLimit(SeoulTime.ToLocal(c.DeadlineAtUtc), c.Type!.Period);
                        var newDeadline = command.NewDeadlineLocal!.Value;
                        c.ExtendDeadline(SeoulTime.ToUtc(newDeadline), SeoulTime.ToUtc(limit), text, now, user.Name);
                        await desk.QueueNoticeAsync(c, "extended", new Dictionary<string, string?>
                        {
                            ["reception"] = c.ReceptionNumber, ["deadline"] = newDeadline.ToString("yyyy-MM-dd HH:mm"), ["reason"] = c.ExtensionReason,
                        }, ct);
                        break;
                    case Actions.Pause:
                        c.Pause(text, now, user.Name);
                        await desk.QueueNoticeAsync(c, "paused", new Dictionary<string, string?> { ["reception"] = c.ReceptionNumber, ["reason"] = c.PauseReason }, ct);
                        break;
                    case Actions.Resume:
                        break;
                }
                await db.SaveChangesAsync(ct);
                return c;
            }, ct);
    }
}
