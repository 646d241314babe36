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

    /// <summary>Answers saved together (a round's answers are a few hundred; a file of many rounds stays bounded).</summary>
    private const int SaveEvery = 500;

    /// <summary>
    /// Streamed in two passes over the file as it lies on disk: the first learns which complaints it names (a few
    /// dozen a round), the second checks each record and writes it as it goes, saving every <see cref="SaveEvery"/>; the
    /// first bad row stops the writing, the rest is still checked, and the transaction is rolled back.
    /// </summary>
    public async Task<ImportResult> RunAsync(int officeId, CsvSource file, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var receptions = new HashSet<string>(StringComparer.Ordinal);
        using (var first = CsvFile.Open(file, Required, Optional, out var firstColumns))
        {
            var at = firstColumns["reception_number"];
            while (first.Next())
                if (!first.IsBlank) receptions.Add(first[at].ToString());
        }
        var rounds = await db.PanelRounds.AsNoTracking().Where(r => r.OfficeId == officeId).ToListAsync(ct);
        var complaints = await db.Complaints.AsNoTracking().Where(c => c.OfficeId == officeId && receptions.Contains(c.ReceptionNumber))
            .Select(c => new { c.Id, c.ReceptionNumber, Code = c.Type!.Code }).ToDictionaryAsync(c => c.ReceptionNumber, c => (c.Id, c.Code), ct);
        var complaintIds = complaints.Values.Select(c => c.Id).ToList();

        // One unit the execution strategy can run again whole.
        return await db.InTransactionAsync(async () =>
        {
            var cases = await db.PanelCases.Where(c => complaintIds.Contains(c.ComplaintId)).ToDictionaryAsync(c => c.ComplaintId, ct);
            var existing = (await db.PanelAnswers.Where(a => complaintIds.Contains(a.ComplaintId)).ToListAsync(ct))
                .ToDictionary(a => (a.RoundId, a.ComplaintId, a.Item));
            using var records = CsvFile.Open(file, Required, Optional, out var columns);
            var (atRound, atReception, atItem, atAnswer, atComment) = (columns["round"], columns["reception_number"], columns["item"],
                columns["answer"], columns.GetValueOrDefault("comment", -1));
            var errors = new List<ImportError>();
            var seen = new Dictionary<(int, long, int), int>();
            int imported = 0, updated = 0, written = 0;
            await StreamedImport.WalkAsync(records, errors, progress, (CsvRecords r, out (int Round, long Complaint, int Item, string Answer, string? Comment) row) =>
            {
                row = default;
                var line = r.Line;
                var before = errors.Count;
                var key = r[atRound].ToString();
                var round = rounds.FirstOrDefault(x => x.Key == key);
                if (round is null) errors.Add(ImportError.Of(line, "round", "없는 평가 회차입니다 (yyyy-MM): '{0}'", CsvFile.Shorten(key)));
                var reception = r[atReception].ToString();
                (long Id, string Code)? complaint = complaints.TryGetValue(reception, out var found) ? found : null;
                var item = CsvFile.ParseWhole(r[atItem], line, "item", errors, 1, 6);
                var answer = r[atAnswer].ToString();
                var comment = r[atComment].ToString();
                // The round page's rules, line by line (PanelAnswering.Rules): the same refusal from the page and the file.
                var refused = new Refusals();
                PanelAnswering.Rules.Case(refused, round, CsvFile.Shorten(reception), complaint,
                    complaint is { } c && cases.TryGetValue(c.Id, out var existingCase) ? existingCase.RoundId : null);
                PanelAnswering.Rules.Answer(refused, item is { } whole ? (int)whole : null, answer, comment);
                errors.AddRange(refused.Errors.Select(e => ImportError.Of(line, e.Field, e.Key, e.Args)));
                if (errors.Count != before) return false;
                row = (round!.Id, complaint!.Value.Id, (int)item!, answer, comment.Length == 0 ? null : comment);
                if (seen.TryAdd((row.Round, row.Complaint, row.Item), line)) return true;
                errors.Add(ImportError.Of(line, "item", "{0}행과 같은 회차·접수번호·문항입니다.", seen[(row.Round, row.Complaint, row.Item)]));
                return false;
            }, async row =>
            {
                if (!cases.ContainsKey(row.Complaint))
                {
                    var added = new PanelCase(row.Round, row.Complaint, null);
                    db.PanelCases.Add(added);
                    cases[row.Complaint] = added;
                }
                if (existing.TryGetValue((row.Round, row.Complaint, row.Item), out var stored))
                {
                    stored.Set(row.Answer, row.Comment);
                    updated++;
                }
                else
                {
                    db.PanelAnswers.Add(new PanelAnswer(row.Round, row.Complaint, row.Item, row.Answer, row.Comment));
                    imported++;
                }
                if (++written % SaveEvery == 0) await db.SaveChangesAsync(ct);
            });
            // Nothing of a refused file is saved: the transaction ends without its commit.
            if (errors.Count > 0) throw new ImportFailedException(errors);
            await db.SaveChangesAsync(ct);
            return new ImportResult(imported, updated);
        }, ct);
    }
}
