using AriSuTotalService.Domain.Notices;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Notices;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Features.Administration;

/// <summary>
/// The office's wording of its text messages to citizens, per kind: a text with only known placeholders, within the
/// length a message may have; a blank text (or the default's) goes back to the default. All kinds saved together.
/// </summary>
public static class SaveMessageTexts
{
    public const int MaxText = 1000;

    /// <param name="Texts">Each kind's text (the field of an error is the kind).</param>
    public sealed record Command(IReadOnlyDictionary<string, string?> Texts);

    public sealed class Handler(ArisuDbContext db)
    {
        public async Task HandleAsync(Command c, CancellationToken ct)
        {
            var refused = new Refusals();
            foreach (var (kind, text) in c.Texts)
            {
                if (!MessageTemplates.Defaults.ContainsKey(kind)) refused.Add(kind, "알 수 없는 종류입니다.");
                else if (text?.Length > MaxText) refused.Add(kind, "{0}자 이내로 입력하세요.", MaxText);
                else if (MessageTemplates.UnknownPlaceholders(text ?? "") is { Count: > 0 } unknown)
                    refused.Add(kind, "알 수 없는 자리표시: {0}", string.Join(", ", unknown.Select(u => "{" + u + "}")));
            }
            refused.ThrowIfAny();
            var office = db.Office;
            var rows = await db.MessageTemplates.ToListAsync(ct);
            foreach (var (kind, text) in c.Texts)
            {
                var row = rows.FirstOrDefault(r => r.Kind == kind);
                var isDefault = string.IsNullOrWhiteSpace(text) || text.Trim() == MessageTemplates.Defaults[kind].Text;
                if (isDefault && row is not null) db.MessageTemplates.Remove(row);
                else if (!isDefault && row is null) db.MessageTemplates.Add(new MessageTemplate { OfficeId = office, Kind = kind, Text = text!.Trim() });
                else if (!isDefault && row is not null) row.Text = text!.Trim();
            }
            await db.SaveChangesAsync(ct);
        }
    }
}
