using AriSuTotalService.Domain.Reductions;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Reductions;

namespace AriSuTotalService.Infrastructure.Features.Reductions;

/// <summary>
/// A billing clerk's work on a leak fee reduction: adjust the periods, record the repair, approve (not whoever recorded
/// the leak or changed its periods), reject, reverse an approval. One command: the handler checks who acts, loads the
/// case at the version the clerk saw, checks the action's rules and applies it through <see cref="LeakReductions"/>
/// in one transaction (the case, its complaint and the citizen's notice together).
/// </summary>
public static class DecideReduction
{
    public static class Actions
    {
        public const string Adjust = "adjust";
        public const string Repair = "repair";
        public const string Approve = "approve";
        public const string Reject = "reject";
        public const string Reverse = "reverse";
    }

    public sealed record Command(long ReductionId, Guid Version, string Action, DateOnly? LeakEnd = null, IReadOnlyList<DateOnly>? NormalEnds = null,
        string? Reason = null, DateOnly? RepairDate = null, string? RepairEvidence = null);

    /// <summary>Who acts: only billing clerks decide reductions; <paramref name="Name"/> is how the case records people.</summary>
    public sealed record Actor(bool IsBillingClerk, string Name);

    public sealed class NotAllowedException() : Exception("only billing clerks decide reductions");

    public sealed class Validator
    {
        public IReadOnlyList<FieldError> Validate(Command c, LeakReduction r, Actor actor)
        {
            var refused = new Refusals();
            switch (c.Action)
            {
                case Actions.Adjust:
                    if (!r.CanChange) refused.Add("", "이미 결정된 감면 건은 바꿀 수 없습니다.");
                    else if (c.LeakEnd is null) refused.Add(nameof(c.LeakEnd), "누수 기간을 고르세요.");
                    break;
                case Actions.Repair:
                    if (c.RepairDate is null) refused.Add(nameof(c.RepairDate), "수리일을 입력하세요.");
                    break;
                case Actions.Approve:
                    if (string.Equals(actor.Name, r.LeakRecordedBy, StringComparison.OrdinalIgnoreCase))
                        refused.Add("", "누수를 기록한 직원은 그 감면을 승인할 수 없습니다. 다른 요금과 직원이 승인해야 합니다.");
                    else if (!r.MayBeApprovedBy(actor.Name))
                        refused.Add("", "기간을 바꾼 직원은 그 감면을 승인할 수 없습니다. 다른 요금과 직원이 승인해야 합니다.");
                    break;
                case Actions.Reject:
                    if (string.IsNullOrWhiteSpace(c.Reason)) refused.Add(nameof(c.Reason), "반려 사유를 입력하세요.");
                    break;
                case Actions.Reverse:
                    if (string.IsNullOrWhiteSpace(c.Reason)) refused.Add(nameof(c.Reason), "승인 취소 사유를 입력하세요.");
                    break;
                default:
                    refused.Add(nameof(c.Action), "알 수 없는 처리입니다: {0}", c.Action);
                    break;
            }
            return refused.Errors;
        }
    }

    public sealed class Handler(ArisuDbContext db, LeakReductions reductions, Validator validator)
    {
        /// <returns>What the case came to: its status and amount, and whether the citizen is texted the decision.</returns>
        public async Task<Result> HandleAsync(Command c, Actor actor, CancellationToken ct) => await db.InTransactionAsync(async () =>
        {
            var told = false;
            if (!actor.IsBillingClerk) throw new NotAllowedException();
            // Changed by someone else since the clerk loaded it: refused before anything (DbUpdateConcurrencyException).
            var r = await reductions.ForChangeAsync(c.ReductionId, c.Version, ct);
            var errors = validator.Validate(c, r, actor);
            if (errors.Count > 0) throw new ValidationFailedException(errors);
            switch (c.Action)
            {
                case Actions.Adjust:
                    await reductions.AdjustAsync(r, c.LeakEnd!.Value, c.NormalEnds ?? [], c.Reason, ct);
                    break;
                case Actions.Repair:
                    await reductions.RecordRepairAsync(r, c.RepairDate!.Value, c.RepairEvidence, ct);
                    break;
                case Actions.Approve:
                    told = await reductions.ApproveAsync(r, ct);
                    break;
                case Actions.Reject:
                    told = await reductions.RejectAsync(r, c.Reason, ct);
                    break;
                case Actions.Reverse:
                    await reductions.ReverseAsync(r, c.Reason, ct);
                    break;
            }
            return new Result(r.Status, r.TotalWon, r.ExportBatchId is not null, told);
        }, ct);
    }

    /// <param name="Exported">Whether the case had gone out on an export (a reversal then goes on the next as a cancellation).</param>
    public sealed record Result(string Status, long TotalWon, bool Exported, bool CitizenTold);
}
