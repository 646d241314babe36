using System.Text.RegularExpressions;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AriSuTotalService.Infrastructure.Notices;

/// <summary>
/// The Korean texts sent to citizens, from templates administrators edit (*관리 › 문자 문구*), with the defaults
/// below until they do. Placeholders in braces are filled per message; an unknown one is refused when saving.
/// </summary>
public sealed partial class MessageTemplates(ArisuDbContext db)
{
    public static readonly IReadOnlyDictionary<string, (string Label, string Text)> Defaults = new Dictionary<string, (string, string)>
    {
        ["booked"] = ("방문 예약", "[아리수] {date} {window} {purpose} 방문 예정입니다. 방문 직원 {division} {visitor} ({phone}), 접수번호 {reception}"),
        ["rebooked"] = ("방문 변경", "[아리수] 방문 일정이 바뀌었습니다: {date} {window} {purpose}, 방문 직원 {division} {visitor} ({phone}), 접수번호 {reception}"),
        ["cancelled"] = ("방문 취소", "[아리수] 접수번호 {reception} 방문 예약이 취소되었습니다. 사유: {reason}"),
        ["reminder"] = ("전날 알림", "[아리수] 내일 {date} {window} {purpose} 방문 예정입니다. 방문 직원 {visitor} ({phone}), 접수번호 {reception}"),
        ["extended"] = ("처리기한 연장", "[아리수] 접수번호 {reception} 민원의 처리기한이 {deadline}까지 연장되었습니다. 사유: {reason}"),
        ["reduction_approved"] = ("누수요금 감면 승인", "[아리수] 접수번호 {reception} 누수요금 감면이 승인되었습니다. 감면액 {amount}원은 다음 고지서에 반영됩니다."),
        ["reduction_rejected"] = ("누수요금 감면 불가", "[아리수] 접수번호 {reception} 누수요금 감면을 해 드릴 수 없습니다. 사유: {reason} 문의는 요금과로 해 주세요."),
        ["paused"] = ("보완 요청", "[아리수] 접수번호 {reception} 민원 처리를 위해 보완이 필요합니다: {reason} 보완 후 처리기한이 다시 진행됩니다."),
    };

    public static readonly IReadOnlyList<string> Placeholders = ["date", "window", "purpose", "visitor", "division", "phone", "reception", "reason", "deadline", "amount"];

    public async Task<string> RenderAsync(int officeId, string kind, IReadOnlyDictionary<string, string?> values, CancellationToken ct)
    {
        var text = await db.MessageTemplates.AsNoTracking().Where(t => t.OfficeId == officeId && t.Kind == kind).Select(t => t.Text).SingleOrDefaultAsync(ct)
            ?? Defaults[kind].Text;
        return Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v ?? "" : m.Value);
    }

    /// <summary>Names in braces that are not placeholders (a typo would otherwise reach citizens).</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).Where(p => !Placeholders.Contains(p)).Distinct().ToList();

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}
