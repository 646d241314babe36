using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AriSuTotalService.Infrastructure.Import;

/// <summary>
/// Earlier complaints from the old customer support system, so the reports have a past. Key reception_number;
/// re-importing updates. The deadline is computed from the type's period and the holiday calendar. All-or-nothing.
/// </summary>
public sealed class ComplaintHistoryImport(ArisuDbContext db, HolidayCalendar holidays, ICurrentUser user, TimeProvider clock) : ICsvImport
{
    public string Kind => "complaints";

    public static readonly string[] Required = ["reception_number", "received_at", "type_code", "channel", "account_number", "status", "closed_at", "division"];

    private sealed record Row(string Reception, int Year, int Sequence, DateTime ReceivedUtc, ComplaintType Type, string Channel,
        long? CustomerId, string Status, DateTime? ClosedUtc, string Division);

    public async Task<ImportResult> RunAsync(int officeId, CsvSource file, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var csv = CsvFile.Parse(file, Required, [], progress);
        var written = CsvImportExtensions.Written(progress, file.Rows);
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == officeId, ct);
        var types = await db.ComplaintTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, ct);
        var accounts = await db.Customers.AsNoTracking().Where(c => c.OfficeId == officeId)
            .Select(c => new { c.Id, c.AccountNumber }).ToDictionaryAsync(c => c.AccountNumber, c => c.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new List<ImportError>();
        var rows = new List<Row>(csv.Rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, f) in csv.Rows)
        {
            if (errors.Count >= CsvFile.MaxErrors) break;
            var before = errors.Count;
            var reception = csv.Get(f, "reception_number");
            var validNumber = ReceptionNumber.TryParse(reception, out var year, out var shortName, out var sequence);
            if (!validNumber)
                errors.Add(ImportError.Of(line, "reception_number", "접수번호는 연도-사업소-여섯 자리여야 합니다: '{0}'", CsvFile.Shorten(reception)));
            else if (shortName != office.ShortName)
                errors.Add(ImportError.Of(line, "reception_number", "다른 사업소의 접수번호입니다 ({0}이어야 합니다).", office.ShortName));
            else if (seen.TryGetValue(reception, out var firstLine))
                errors.Add(ImportError.Of(line, "reception_number", "{0}행과 같은 접수번호입니다.", firstLine));
            var received = CsvFile.ParseSeoulDateTime(csv.Get(f, "received_at"), line, "received_at", errors);
            if (received is { } r && validNumber && SeoulTime.ToLocal(r).Year != year)
                errors.Add(ImportError.Of(line, "received_at", "접수 일시의 연도가 접수번호의 연도와 다릅니다."));
            if (received > now) errors.Add(ImportError.Of(line, "received_at", "앞으로의 일시입니다."));
            var typeCode = csv.Get(f, "type_code");
            if (!types.TryGetValue(typeCode, out var type))
                errors.Add(ImportError.Of(line, "type_code", "알 수 없는 민원 유형 코드입니다: '{0}'", CsvFile.Shorten(typeCode)));
            var channel = csv.Get(f, "channel");
            if (!Channels.IsKnown(channel))
                errors.Add(ImportError.Of(line, "channel", "접수 경로는 {0} 중 하나여야 합니다: '{1}'", string.Join(", ", Channels.All), CsvFile.Shorten(channel)));
            var account = csv.Get(f, "account_number");
            long? customerId = null;
            if (account.Length > 0)
            {
                if (accounts.TryGetValue(account, out var id)) customerId = id;
                else errors.Add(ImportError.Of(line, "account_number", "등록되지 않은 수용가번호입니다: '{0}'", CsvFile.Shorten(account)));
            }
            var status = csv.Get(f, "status");
            if (!ComplaintStatuses.IsKnown(status))
                errors.Add(ImportError.Of(line, "status", "상태는 {0} 중 하나여야 합니다: '{1}'", string.Join(", ", ComplaintStatuses.All), CsvFile.Shorten(status)));
            var closedText = csv.Get(f, "closed_at");
            DateTime? closed = null;
            if (closedText.Length > 0) closed = CsvFile.ParseSeoulDateTime(closedText, line, "closed_at", errors);
            if (status == ComplaintStatuses.Resolved && closedText.Length == 0)
                errors.Add(ImportError.Of(line, "closed_at", "처리 완료(resolved)된 민원은 종결 일시가 있어야 합니다."));
            if (status != ComplaintStatuses.Resolved && closedText.Length > 0)
                errors.Add(ImportError.Of(line, "closed_at", "처리 완료(resolved)가 아닌 민원에는 종결 일시를 넣을 수 없습니다."));
            if (closed is { } c && received is { } rr && c < rr)
                errors.Add(ImportError.Of(line, "closed_at", "종결 일시가 접수 일시보다 앞섭니다."));
            var division = csv.Get(f, "division");
            if (!Divisions.IsKnown(division))
                errors.Add(ImportError.Of(line, "division", "알 수 없는 부서입니다: '{0}'", CsvFile.Shorten(division)));
            if (errors.Count == before)
            {
                seen[reception] = line;
                rows.Add(new Row(reception, year, sequence, received!.Value, type!, channel, customerId, status, closed, division));
            }
        }
        if (errors.Count > 0) throw new ImportFailedException(errors);

        var calendar = await holidays.GetAsync(db, ct);
        var deadlines = rows.Select(r => SeoulTime.ToUtc(calendar.Deadline(SeoulTime.ToLocal(r.ReceivedUtc), r.Type.Period))).ToList();
        // One unit the execution strategy can run again whole (a deadlock or a dropped connection on SQL Server).
        var result = await db.Database.CreateExecutionStrategy().ExecuteAsync(() => db.Database.IsSqlServer()
            ? MergeAsync(officeId, rows, deadlines, now, written, ct)
            : WriteAsync(officeId, rows, deadlines, now, written, ct));
        return result;
    }

    public const string ImportedDescription = "이전 시스템에서 가져온 민원";

    /// <summary>SQL Server: the rows staged by bulk copy go in with one merge on the reception number.</summary>
    public const string SqlServerStageName = "#HistoryStage";

    public static readonly string[] StagedProperties =
        ["OfficeId", "ReceptionNumber", "ReceivedAtUtc", "ComplaintTypeId", "Channel", "Status", "CustomerId", "Division", "DeadlineAtUtc", "ClosedAtUtc"];

    public const string SqlServerMerge = SqlServerStage.DeclareActions + """
        MERGE [Complaints] WITH (HOLDLOCK) AS t
        USING #HistoryStage AS s ON t.[ReceptionNumber] = s.[ReceptionNumber] AND t.[OfficeId] = s.[OfficeId]
        WHEN MATCHED THEN UPDATE SET [ReceivedAtUtc] = s.[ReceivedAtUtc], [ComplaintTypeId] = s.[ComplaintTypeId], [Channel] = s.[Channel],
            [Status] = s.[Status], [CustomerId] = s.[CustomerId], [Division] = s.[Division], [DeadlineAtUtc] = s.[DeadlineAtUtc],
            [OriginalDeadlineAtUtc] = s.[DeadlineAtUtc], [ClosedAtUtc] = s.[ClosedAtUtc], [UpdatedAtUtc] = @now, [UpdatedBy] = @by,
            [Version] = NEWID()
        WHEN NOT MATCHED BY TARGET THEN
            INSERT ([OfficeId], [ReceptionNumber], [ReceivedAtUtc], [ComplaintTypeId], [Channel], [Status], [CustomerId], [Division],
                [DeadlineAtUtc], [OriginalDeadlineAtUtc], [ClosedAtUtc], [Description], [CreatedAtUtc], [CreatedBy], [Version])
            VALUES (s.[OfficeId], s.[ReceptionNumber], s.[ReceivedAtUtc], s.[ComplaintTypeId], s.[Channel], s.[Status], s.[CustomerId],
                s.[Division], s.[DeadlineAtUtc], s.[DeadlineAtUtc], s.[ClosedAtUtc], @description, @now, @by, NEWID())
        OUTPUT $action INTO @actions;
        """ + SqlServerStage.CountActions;

    /// <summary>Timelines of the new ones, set-based: received as the old system recorded it.</summary>
    public const string ReceivedEventsSql = """
        INSERT INTO "ComplaintEvents" ("ComplaintId", "AtUtc", "By", "Kind", "Detail")
        SELECT c."Id", c."ReceivedAtUtc", @by, 'received', 'import' FROM "Complaints" c
        WHERE c."OfficeId" = @office AND NOT EXISTS (SELECT 1 FROM "ComplaintEvents" e WHERE e."ComplaintId" = c."Id")
        """;

    public static void MergeParameters(System.Data.Common.DbCommand cmd, DateTime nowUtc, string by)
    {
        cmd.Add("@now", System.Data.DbType.DateTime2, nowUtc);
        cmd.Add("@by", System.Data.DbType.String, by, 256);
        cmd.Add("@description", System.Data.DbType.String, ImportedDescription, 4000);
    }

    public static void EventParameters(System.Data.Common.DbCommand cmd, int officeId, string by)
    {
        cmd.Add("@office", System.Data.DbType.Int32, officeId);
        cmd.Add("@by", System.Data.DbType.String, by, 256);
    }

    /// <summary>
    /// The sequences are raised first, before any complaint is written: intake takes the sequence, then writes its
    /// complaints, and two transactions that take the same locks in the same order wait for each other instead of
    /// deadlocking.
    /// </summary>
    private async Task RaiseSequencesAsync(int officeId, List<Row> rows, CancellationToken ct)
    {
        foreach (var year in rows.GroupBy(r => r.Year).OrderBy(g => g.Key))
            await ReceptionNumbers.RaiseToAsync(db, officeId, year.Key, year.Max(r => r.Sequence), ct);
    }

    private async Task AddEventsAsync(int officeId, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = ReceivedEventsSql;
        cmd.CommandTimeout = 0;
        EventParameters(cmd, officeId, user.Name);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<ImportResult> MergeAsync(int officeId, List<Row> rows, List<DateTime> deadlines, DateTime now,
        IProgress<int>? progress, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await RaiseSequencesAsync(officeId, rows, ct);
            await using var stage = new SqlServerStage(db, typeof(Complaint), SqlServerStageName, StagedProperties);
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                stage.Add(officeId, r.Reception, r.ReceivedUtc, r.Type.Id, r.Channel, r.Status, r.CustomerId, r.Division, deadlines[i], r.ClosedUtc);
                if ((i + 1) % 1000 == 0 || i + 1 == rows.Count) progress?.Report(i + 1);
            }
            var (imported, updated) = await stage.MergeAsync(SqlServerMerge, cmd => MergeParameters(cmd, now, user.Name), ct);
            await AddEventsAsync(officeId, ct);
            await tx.CommitAsync(ct);
            return new ImportResult(imported, updated);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>SQLite: prepared insert and update commands, the office's reception numbers known beforehand.</summary>
    private async Task<ImportResult> WriteAsync(int officeId, List<Row> rows, List<DateTime> deadlines, DateTime now,
        IProgress<int>? progress, CancellationToken ct)
    {
        var existing = await db.Complaints.Where(c => c.OfficeId == officeId)
            .Select(c => new { c.Id, c.ReceptionNumber }).ToDictionaryAsync(c => c.ReceptionNumber, c => c.Id, ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await RaiseSequencesAsync(officeId, rows, ct);
            var connection = db.Database.GetDbConnection();
            var transaction = tx.GetDbTransaction();
            using var insert = new BulkWriter(connection, transaction, "Complaints",
            [
                "OfficeId", "ReceptionNumber", "ReceivedAtUtc", "ComplaintTypeId", "Channel", "Status", "CustomerId", "Division",
                "DeadlineAtUtc", "OriginalDeadlineAtUtc", "ClosedAtUtc", "Description", "CreatedAtUtc", "CreatedBy", "Version",
            ]);
            using var update = new BulkWriter(connection, transaction, """
                UPDATE "Complaints" SET "ReceivedAtUtc" = @p0, "ComplaintTypeId" = @p1, "Channel" = @p2, "Status" = @p3,
                "CustomerId" = @p4, "Division" = @p5, "DeadlineAtUtc" = @p6, "OriginalDeadlineAtUtc" = @p6, "ClosedAtUtc" = @p7,
                "UpdatedAtUtc" = @p8, "UpdatedBy" = @p9, "Version" = @p10
                WHERE "Id" = @p11
                """, 12);
            int imported = 0, updated = 0;
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                var deadline = deadlines[i];
                if (existing.TryGetValue(r.Reception, out var id))
                {
                    update.Insert(r.ReceivedUtc, r.Type.Id, r.Channel, r.Status, r.CustomerId, r.Division, deadline, r.ClosedUtc, now, user.Name, Guid.NewGuid(), id);
                    updated++;
                }
                else
                {
                    insert.Insert(officeId, r.Reception, r.ReceivedUtc, r.Type.Id, r.Channel, r.Status, r.CustomerId, r.Division,
                        deadline, deadline, r.ClosedUtc, ImportedDescription, now, user.Name, Guid.NewGuid());
                    imported++;
                }
                if ((i + 1) % 1000 == 0 || i + 1 == rows.Count) progress?.Report(i + 1);
            }
            await AddEventsAsync(officeId, ct);
            await tx.CommitAsync(ct);
            return new ImportResult(imported, updated);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
