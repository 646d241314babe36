using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Evaluations;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Features;
using AriSuTotalService.Infrastructure.Features.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Infrastructure.Import;

/// <summary>
/// Panel answers (CONTRACTS.md): <c>round,reception_number,item,answer,comment</c>; key round + reception + item;
/// re-importing updates. The round must exist and not be closed; a complaint not yet marked is marked as a case of
/// that round. All-or-nothing.
/// </summary>
public sealed class PanelAnswerImport(ArisuDbContext db) : ICsvImport
{
    public string Kind => "panel-answers";

    public static readonly string[] Required = ["round", "reception_number", "item", "answer"];
    public static readonly string[] Optional = ["comment"];

    public async Task<ImportResult> RunAsync(int officeId, CsvSource file, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var csv = CsvFile.Parse(file, Required, Optional, progress);
        var rounds = await db.PanelRounds.Where(r => r.OfficeId == officeId).ToListAsync(ct);
        var receptions = csv.Rows.Select(r => csv.Get(r.Fields, "reception_number")).Distinct().ToList();
        var complaints = await db.Complaints.Where(c => c.OfficeId == officeId && receptions.Contains(c.ReceptionNumber))
            .Select(c => new { c.Id, c.ReceptionNumber, Code = c.Type!.Code }).ToDictionaryAsync(c => c.ReceptionNumber, c => (c.Id, c.Code), ct);
        var complaintIds = complaints.Values.Select(c => c.Id).ToList();
        var cases = await db.PanelCases.Where(c => complaintIds.Contains(c.ComplaintId)).ToDictionaryAsync(c => c.ComplaintId, ct);
        var errors = new List<ImportError>();
        var rows = new List<(PanelRound Round, long Complaint, int Item, string Answer, string? Comment)>();
        var seen = new Dictionary<(int, long, int), int>();
        foreach (var (line, f) in csv.Rows)
        {
            if (errors.Count >= CsvFile.MaxErrors) break;
            var before = errors.Count;
            var key = csv.Get(f, "round");
            var round = rounds.FirstOrDefault(r => r.Key == key);
            if (round is null) errors.Add(ImportError.Of(line, "round", "없는 평가 회차입니다 (yyyy-MM): '{0}'", CsvFile.Shorten(key)));
            var reception = csv.Get(f, "reception_number");
            (long Id, string Code)? complaint = complaints.TryGetValue(reception, out var found) ? found : null;
            var item = CsvFile.ParseWhole(csv.Get(f, "item"), line, "item", errors, 1, 6);
            var answer = csv.Get(f, "answer");
            var comment = csv.Get(f, "comment");
            // The round page's rules, line by line (PanelAnswering.Rules): the same refusal from the page and the file.
            var refused = new Refusals();
            PanelAnswering.Rules.Case(refused, round, CsvFile.Shorten(reception), complaint,
                complaint is { } c && cases.TryGetValue(c.Id, out var existingCase) ? existingCase.RoundId : null);
            PanelAnswering.Rules.Answer(refused, item is { } whole ? (int)whole : null, answer, comment);
            errors.AddRange(refused.Errors.Select(e => ImportError.Of(line, e.Field, e.Key, e.Args)));
            var complaintId = complaint?.Id ?? 0;
            if (errors.Count != before) continue;
            if (!seen.TryAdd((round!.Id, complaintId, (int)item!), line))
            {
                errors.Add(ImportError.Of(line, "item", "{0}행과 같은 회차·접수번호·문항입니다.", seen[(round.Id, complaintId, (int)item)]));
                continue;
            }
            rows.Add((round, complaintId, (int)item, answer, comment.Length == 0 ? null : comment));
        }
        if (errors.Count > 0) throw new ImportFailedException(errors);

        // One unit the execution strategy can run again whole.
        return await db.InTransactionAsync(async () =>
        {
            var existing = await db.PanelAnswers.Where(a => complaintIds.Contains(a.ComplaintId)).ToListAsync(ct);
            // A run again starts from the cases as they were read.
            var marked = new Dictionary<long, PanelCase>(cases);
            int imported = 0, updated = 0;
            foreach (var r in rows)
            {
                if (!marked.ContainsKey(r.Complaint))
                {
                    var added = new PanelCase(r.Round.Id, r.Complaint, null);
                    db.PanelCases.Add(added);
                    marked[r.Complaint] = added;
                }
                var answer = existing.FirstOrDefault(a => a.RoundId == r.Round.Id && a.ComplaintId == r.Complaint && a.Item == r.Item);
                if (answer is null)
                {
                    db.PanelAnswers.Add(new PanelAnswer(r.Round.Id, r.Complaint, r.Item, r.Answer, r.Comment));
                    imported++;
                }
                else
                {
                    answer.Set(r.Answer, r.Comment);
                    updated++;
                }
            }
            await db.SaveChangesAsync(ct);
            return new ImportResult(imported, updated);
        }, ct);
    }
}
