using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Visits;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Visits;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Features.Visits;

/// <summary>
/// A visit's outcome: the command is <see cref="OutcomeInput"/> (with the photo), the handler
/// <see cref="VisitOutcomes.RecordAsync"/>. Every rule that needs no loaded visit is checked here first, before the
/// photo is stored or anything is written; the domain checks the values of each kind of finding.
/// </summary>
public static class RecordVisitOutcome
{
    public const int MaxNote = 2000;

    public sealed class Validator(ArisuDbContext db)
    {
        public async Task<IReadOnlyList<FieldError>> ValidateAsync(OutcomeInput input, string typeCode, CancellationToken ct)
        {
            var refused = new Refusals();
            if (!VisitResults.All.Contains(input.Result)) refused.Add(nameof(input.Result), "결과를 고르세요.");
            if (string.IsNullOrWhiteSpace(input.Note)) refused.Add(nameof(input.Note), "처리 내용을 입력하세요.");
            else if (input.Note.Length > MaxNote) refused.Add(nameof(input.Note), "처리 내용은 {0}자 이내로 입력하세요.", MaxNote);
            if (typeCode == ComplaintTypeCodes.LeakDiagnosis && input.Result != VisitResults.NoShow && input.LeakFound is null)
                refused.Add(nameof(input.LeakFound), "누수 여부를 고르세요.");
            if (input.Result == VisitResults.NoShow && input.AlsoResolved.Count > 0)
                refused.Add(nameof(input.AlsoResolved), "만나지 못한 방문에서는 연계 민원을 함께 처리할 수 없습니다.");
            if (input.TransferDivision is { Length: > 0 } d && !Divisions.IsKnown(d)) refused.Add(nameof(input.TransferDivision), "알 수 없는 부서입니다.");
            if (input.OtherTypes.Count > 0)
            {
                var codes = input.OtherTypes.Distinct().ToList();
                var known = await db.ComplaintTypes.AsNoTracking().Where(t => codes.Contains(t.Code) && t.IsActive).Select(t => t.Code).ToListAsync(ct);
                foreach (var unknown in codes.Except(known)) refused.Add(nameof(input.OtherTypes), "알 수 없는 민원 유형입니다: {0}", unknown);
            }
            return refused.Errors;
        }
    }
}
