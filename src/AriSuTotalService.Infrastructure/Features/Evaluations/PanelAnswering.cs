using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Evaluations;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Features.Evaluations;

/// <summary>
/// The citizen panel's work on a round: marking a complaint as one of its cases, and recording a member's answers.
/// The round page sends <see cref="MarkCase"/> and <see cref="RecordAnswers"/>; the answer import checks every line
/// with the same rules (<see cref="Rules"/>), so a refusal reads the same from the page and the file.
/// </summary>
public static class PanelAnswering
{
    public const int MaxComment = 1000;

    /// <summary>Headquarters' satisfaction target for a year, in percent; null while none is set.</summary>
    public static async Task<decimal?> TargetOfYearAsync(ArisuDbContext db, int year, CancellationToken ct) =>
        await db.PanelTargets.AsNoTracking().Where(t => t.Year == year).Select(t => (decimal?)t.TargetTenths / 10m).SingleOrDefaultAsync(ct);

    /// <summary>The rules of one answer and of the case it belongs to, by field, with their keys.</summary>
    public static class Rules
    {
        public const string RoundClosed = "마친 회차는 바꿀 수 없습니다.";
        public const string OtherRound = "다른 회차의 평가 민원입니다.";
        public const string NotThisOffice = "이 사업소의 접수번호가 아닙니다: {0}";
        public const string AlreadyMarked = "이미 평가 민원으로 표시된 접수번호입니다.";
        public const string AnswerFromList = "{0}번 문항의 답변은 {1} 중 하나여야 합니다.";
        public const string CommentTooLong = "{0}번 문항의 의견은 {1}자 이내로 입력하세요.";
        public const string ItemRange = "문항은 1~6이어야 합니다.";

        /// <summary>Refusals of one answer: the item, the answer from the list, the comment's length.</summary>
        public static void Answer(Refusals refused, int? item, string? answer, string? comment)
        {
            if (item is { } i && !PanelItems.IsKnown(i)) refused.Add("item", ItemRange);
            var which = item?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
            if (!PanelAnswers.IsKnown(answer)) refused.Add("answer", AnswerFromList, which, string.Join(", ", PanelAnswers.All));
            if (comment?.Length > MaxComment) refused.Add("comment", CommentTooLong, which, MaxComment);
        }

        /// <summary>Refusals of the case: the round open, the complaint of the office and of the four types, not another round's case.</summary>
        public static void Case(Refusals refused, PanelRound? round, string reception, (long Id, string Code)? complaint, int? caseRound)
        {
            if (round is not null && round.IsClosed) refused.Add("round", RoundClosed);
            if (complaint is null) refused.Add("reception_number", NotThisOffice, reception);
            else if (!ComplaintTypeCodes.TotalService.Contains(complaint.Value.Code)) refused.Add("reception_number", PanelCase.NotEligible);
            else if (round is not null && caseRound is { } other && other != round.Id) refused.Add("reception_number", OtherRound);
        }
    }

    /// <summary>
    /// Rounds to plan in a year: one month (refused when it has a round) or the plan's months (those missing added).
    /// </summary>
    public sealed record PlanRounds(int Year, IReadOnlyList<int> Months, int PlannedCases, bool OnlyMissing);

    public sealed record MarkCase(int RoundId, string Reception, int? MemberId);

    public sealed record RecordAnswers(int RoundId, long ComplaintId, IReadOnlyDictionary<int, (string Answer, string? Comment)> Answers);

    /// <summary>A panel member of the office (kept apart from customers; shown masked).</summary>
    public sealed record AddMember(string? Name, string? Phone);

    /// <summary>The year's target satisfaction in percent (0–100, to one decimal).</summary>
    public sealed record SetTarget(int Year, decimal? Target);

    public const int MaxMemberName = 100;

    public sealed class Handler(ArisuDbContext db, TimeProvider clock)
    {
        /// <summary>Opens a planned round for marking and answers.</summary>
        public Task OpenAsync(int roundId, CancellationToken ct) => ChangeRoundAsync(roundId, r => r.Open(), ct);

        /// <summary>Closes a round: its cases and answers are kept as they are.</summary>
        public Task CloseAsync(int roundId, CancellationToken ct) => ChangeRoundAsync(roundId, r => r.Close(clock.GetUtcNow().UtcDateTime), ct);

        private async Task ChangeRoundAsync(int roundId, Action<PanelRound> change, CancellationToken ct)
        {
            var round = await db.PanelRounds.SingleOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new KeyNotFoundException($"round {roundId}");
            change(round);
            await db.SaveChangesAsync(ct);
        }

        public async Task AddMemberAsync(AddMember command, CancellationToken ct)
        {
            var refused = new Refusals();
            var name = command.Name?.Trim();
            if (string.IsNullOrEmpty(name)) refused.Add(nameof(command.Name), "성명을 입력하세요.");
            else if (name.Length > MaxMemberName) refused.Add(nameof(command.Name), "성명은 {0}자 이내로 입력하세요.", MaxMemberName);
            string? phone = null;
            if (string.IsNullOrWhiteSpace(command.Phone)) refused.Add(nameof(command.Phone), "연락처를 입력하세요.");
            else if (!Notices.KoreanPhone.TryParse(command.Phone, out var national, out _)) refused.Add(nameof(command.Phone), "올바른 전화번호가 아닙니다.");
            else phone = national;
            refused.ThrowIfAny();
            db.PanelMembers.Add(new PanelMember(db.Office, name!, phone!));
            await db.SaveChangesAsync(ct);
        }

        public async Task SetTargetAsync(SetTarget command, CancellationToken ct)
        {
            var refused = new Refusals();
            if (command.Target is not (>= 0 and <= 100)) refused.Add(nameof(command.Target), "목표 만족도를 0~100 사이로 입력하세요.");
            refused.ThrowIfAny();
            var tenths = (int)Math.Truncate(command.Target!.Value * 10);
            var row = await db.PanelTargets.SingleOrDefaultAsync(x => x.Year == command.Year, ct);
            if (row is null) db.PanelTargets.Add(new PanelTarget(command.Year, tenths));
            else row.TargetTenths = tenths;
            await db.SaveChangesAsync(ct);
        }

        /// <summary>Plans the office's rounds of a year in one save.</summary>
        public async Task PlanAsync(PlanRounds command, CancellationToken ct) => await db.InTransactionAsync(async () =>
        {
            var existing = await db.PanelRounds.Where(r => r.Year == command.Year).Select(r => r.Month).ToListAsync(ct);
            var refused = new Refusals();
            if (!command.OnlyMissing && command.Months.Intersect(existing).Any()) refused.Add("Month", "같은 달의 회차가 이미 있습니다.");
            refused.ThrowIfAny();
            foreach (var month in command.Months.Except(existing))
                db.PanelRounds.Add(new PanelRound(db.Office, command.Year, month, command.PlannedCases));
            await db.SaveChangesAsync(ct);
        }, ct);

        /// <summary>Marks a complaint of the office as a case of the round (optionally with the member who evaluates it).</summary>
        public async Task MarkAsync(MarkCase command, CancellationToken ct) => await db.InTransactionAsync(async () =>
        {
            var round = await db.PanelRounds.SingleOrDefaultAsync(r => r.Id == command.RoundId, ct) ?? throw new KeyNotFoundException($"round {command.RoundId}");
            var number = command.Reception.Trim();
            var found = await db.Complaints.Where(c => c.ReceptionNumber == number).Select(c => new { c.Id, Code = c.Type!.Code }).SingleOrDefaultAsync(ct);
            var caseRound = found is null ? null : await db.PanelCases.Where(c => c.ComplaintId == found.Id).Select(c => (int?)c.RoundId).SingleOrDefaultAsync(ct);
            var refused = new Refusals();
            Rules.Case(refused, round, number, found is null ? null : (found.Id, found.Code), caseRound);
            if (!refused.Any && caseRound is not null) refused.Add("reception_number", Rules.AlreadyMarked);
            if (command.MemberId is { } m && !await db.PanelMembers.AnyAsync(x => x.Id == m, ct)) refused.Add("member", "평가단원을 목록에서 고르세요.");
            refused.ThrowIfAny();
            db.PanelCases.Add(new PanelCase(round.Id, found!.Id, command.MemberId));
            await db.SaveChangesAsync(ct);
        }, ct);

        /// <summary>Records (or corrects) the answers given for one case of the round; items left empty stay as they were.</summary>
        public async Task RecordAsync(RecordAnswers command, CancellationToken ct) => await db.InTransactionAsync(async () =>
        {
            var round = await db.PanelRounds.SingleOrDefaultAsync(r => r.Id == command.RoundId, ct) ?? throw new KeyNotFoundException($"round {command.RoundId}");
            var refused = new Refusals();
            if (round.IsClosed) refused.Add("round", Rules.RoundClosed);
            if (!await db.PanelCases.AnyAsync(c => c.RoundId == round.Id && c.ComplaintId == command.ComplaintId, ct))
                refused.Add("reception_number", "이 회차의 평가 민원이 아닙니다.");
            foreach (var (item, (answer, comment)) in command.Answers) Rules.Answer(refused, item, answer, comment);
            refused.ThrowIfAny();
            var existing = await db.PanelAnswers.Where(a => a.RoundId == round.Id && a.ComplaintId == command.ComplaintId).ToListAsync(ct);
            foreach (var (item, (answer, comment)) in command.Answers.OrderBy(a => a.Key))
            {
                var row = existing.FirstOrDefault(a => a.Item == item);
                if (row is null) db.PanelAnswers.Add(new PanelAnswer(round.Id, command.ComplaintId, item, answer, comment));
                else row.Set(answer, comment);
            }
            await db.SaveChangesAsync(ct);
        }, ct);
    }
}
