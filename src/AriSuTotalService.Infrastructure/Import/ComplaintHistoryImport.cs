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
public sealed class ComplaintHistoryImport(ArisuDbContext db, HolidayCalendar holidays, ICurrentUser user, TimeProvider clock,
    DatabaseOptions? database = null) : ICsvImport
{
    public string Kind => "complaints";

    public static readonly string[] Required = ["reception_number", "received_at", "type_code", "channel", "account_number", "status", "closed_at", "division"];

    private readonly record struct Row(string Reception, int Year, int Sequence, DateTime ReceivedUtc, ComplaintType Type, string Channel,
        long? CustomerId, string Status, DateTime? ClosedUtc, string Division);

    private sealed record Columns(int Reception, int Received, int Type, int Channel, int Account, int Status, int Closed, int Division)
    {
        public static Columns Of(Dictionary<string, int> at) => new(at["reception_number"], at["received_at"], at["type_code"], at["channel"],
            at["account_number"], at["status"], at["closed_at"], at["division"]);
    }

    /// <summary>What every row is checked against, read once before the file.</summary>
    private sealed record Reference(Domain.Offices.Office Office, Dictionary<string, ComplaintType> Types, AccountKeys Accounts,
        DeadlineCalendar Calendar, DateTime NowUtc);

    /// <summary>
    /// Streamed like the reading import: each record is checked and written in one pass inside one transaction (the
    /// file is never held whole); the first bad row stops the writing, the rest is still checked, and the transaction is
    /// rolled back. The year's sequences are raised to the highest number of each year before the transaction ends.
    /// </summary>
    public async Task<ImportResult> RunAsync(int officeId, CsvSource file, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == officeId, ct);
        var types = await db.ComplaintTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, ct);
        var calendar = await holidays.GetAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // One unit the execution strategy can run again whole (a deadlock or a dropped connection on SQL Server).
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            using var records = CsvFile.Open(file, Required, [], out var columns);
            var at = Columns.Of(columns);
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                var accounts = await AccountKeys.LoadAsync(db.Database.GetDbConnection(), officeId, ct);
                var reference = new Reference(office, types, accounts, calendar, now);
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await using IHistoryUpsert upsert = db.Database.IsSqlServer()
                    ? new StagedUpsert(db, officeId, now, user.Name, database?.BulkTimeoutSeconds ?? DatabaseOptions.DefaultBulkTimeoutSeconds)
                    : new NativeUpsert((Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection(), officeId, now, user.Name);
                var errors = new List<ImportError>();
                // Each reception number once (year and sequence as one number: the office is checked to be this one), with its line.
                var seen = new Dictionary<long, int>(file.Rows);
                var highest = new Dictionary<int, int>();
                var written = await StreamedImport.WalkAsync(records, errors, progress, (CsvRecords r, out Row row) =>
                {
                    if (!TryRead(r, at, reference, errors, out row)) return false;
                    if (seen.TryAdd(row.Year * 1_000_000L + row.Sequence, r.Line)) return true;
                    errors.Add(ImportError.Of(r.Line, "reception_number", "{0}행과 같은 접수번호입니다.", seen[row.Year * 1_000_000L + row.Sequence]));
                    return false;
                }, async row =>
                {
                    // Where complaints are written as they are read, a year's sequence is taken before its first complaint
                    // (and raised to the year's highest number at the end), in intake's order.
                    if (!highest.ContainsKey(row.Year) && upsert.WritesAsItReads)
                        await ReceptionNumbers.RaiseToAsync(db, officeId, row.Year, row.Sequence, ct);
                    highest[row.Year] = Math.Max(highest.GetValueOrDefault(row.Year), row.Sequence);
                    upsert.Run(row, SeoulTime.ToUtc(calendar.Deadline(SeoulTime.ToLocal(row.ReceivedUtc), row.Type.Period)));
                });
                if (errors.Count > 0)
                {
                    await tx.RollbackAsync(ct);
                    throw new ImportFailedException(errors);
                }
                var inserted = await upsert.FinishAsync(() => RaiseSequencesAsync(officeId, highest, ct), ct);
                await AddEventsAsync(officeId, ct);
                await tx.CommitAsync(ct);
                return new ImportResult(inserted, written - inserted);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
    }

    /// <summary>Checks one record; false (with its errors added) when it cannot be stored.</summary>
    private static bool TryRead(CsvRecords records, Columns at, Reference r, List<ImportError> errors, out Row row)
    {
        row = default;
        var line = records.Line;
        var before = errors.Count;
        var reception = records[at.Reception].ToString();
        var validNumber = ReceptionNumber.TryParse(reception, out var year, out var shortName, out var sequence);
        if (!validNumber)
            errors.Add(ImportError.Of(line, "reception_number", "접수번호는 연도-사업소-여섯 자리여야 합니다: '{0}'", CsvFile.Shorten(reception)));
        else if (shortName != r.Office.ShortName)
            errors.Add(ImportError.Of(line, "reception_number", "다른 사업소의 접수번호입니다 ({0}이어야 합니다).", r.Office.ShortName));
        var received = CsvFile.ParseSeoulDateTime(records[at.Received].ToString(), line, "received_at", errors);
        if (received is { } rec && validNumber && SeoulTime.ToLocal(rec).Year != year)
            errors.Add(ImportError.Of(line, "received_at", "접수 일시의 연도가 접수번호의 연도와 다릅니다."));
        if (received > r.NowUtc) errors.Add(ImportError.Of(line, "received_at", "앞으로의 일시입니다."));
        var typeCode = records[at.Type].ToString();
        if (!r.Types.TryGetValue(typeCode, out var type))
            errors.Add(ImportError.Of(line, "type_code", "알 수 없는 민원 유형 코드입니다: '{0}'", CsvFile.Shorten(typeCode)));
        var channel = records[at.Channel].ToString();
        if (!Channels.IsKnown(channel))
            errors.Add(ImportError.Of(line, "channel", "접수 경로는 {0} 중 하나여야 합니다: '{1}'", string.Join(", ", Channels.All), CsvFile.Shorten(channel)));
        var account = records[at.Account];
        long? customerId = null;
        if (account.Length > 0)
        {
            if (r.Accounts.TryGet(account, out var id)) customerId = id;
            else errors.Add(ImportError.Of(line, "account_number", "등록되지 않은 수용가번호입니다: '{0}'", CsvFile.Shorten(account)));
        }
        var status = records[at.Status].ToString();
        if (!ComplaintStatuses.IsKnown(status))
            errors.Add(ImportError.Of(line, "status", "상태는 {0} 중 하나여야 합니다: '{1}'", string.Join(", ", ComplaintStatuses.All), CsvFile.Shorten(status)));
        var closedText = records[at.Closed].ToString();
        DateTime? closed = null;
        if (closedText.Length > 0) closed = CsvFile.ParseSeoulDateTime(closedText, line, "closed_at", errors);
        if (status == ComplaintStatuses.Resolved && closedText.Length == 0)
            errors.Add(ImportError.Of(line, "closed_at", "처리 완료(resolved)된 민원은 종결 일시가 있어야 합니다."));
        if (status != ComplaintStatuses.Resolved && closedText.Length > 0)
            errors.Add(ImportError.Of(line, "closed_at", "처리 완료(resolved)가 아닌 민원에는 종결 일시를 넣을 수 없습니다."));
        if (closed is { } c && received is { } rr && c < rr)
            errors.Add(ImportError.Of(line, "closed_at", "종결 일시가 접수 일시보다 앞섭니다."));
        var division = records[at.Division].ToString();
        if (!Divisions.IsKnown(division))
            errors.Add(ImportError.Of(line, "division", "알 수 없는 부서입니다: '{0}'", CsvFile.Shorten(division)));
        if (errors.Count != before) return false;
        row = new Row(reception, year, sequence, received!.Value, type!, channel, customerId, status, closed, division);
        return true;
    }

    public const string ImportedDescription = "이전 시스템에서 가져온 민원";

    /// <summary>SQL Server: the rows staged by bulk copy go in with one merge on the reception number.</summary>
    public const string SqlServerStageName = "#HistoryStage";

    public static readonly string[] StagedProperties =
        ["OfficeId", "ReceptionNumber", "ReceivedAtUtc", "ComplaintTypeId", "Channel", "Status", "CustomerId", "Division", "DeadlineAtUtc", "ClosedAtUtc"];

    public static readonly string SqlServerMerge = SqlServerStage.DeclareActions + $"""
        MERGE [Complaints] WITH (HOLDLOCK) AS t
        USING {SqlServerStage.Chunk(SqlServerStageName)} AS s ON t.[ReceptionNumber] = s.[ReceptionNumber] AND t.[OfficeId] = s.[OfficeId]
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
    /// The year's sequences continue after the highest imported number. On SQL Server they are raised before any complaint
    /// is written (intake takes the sequence, then writes its complaints: two transactions that take the same locks in the
    /// same order wait for each other instead of deadlocking); SQLite has one writer.
    /// </summary>
    private async Task RaiseSequencesAsync(int officeId, Dictionary<int, int> highest, CancellationToken ct)
    {
        foreach (var (year, sequence) in highest.OrderBy(h => h.Key))
            await ReceptionNumbers.RaiseToAsync(db, officeId, year, sequence, ct);
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

    private interface IHistoryUpsert : IAsyncDisposable
    {
        /// <summary>Whether <see cref="Run"/> writes the complaint at once (SQLite) or holds it for the end (SQL Server's stage).</summary>
        bool WritesAsItReads { get; }

        void Run(Row row, DateTime deadlineUtc);

        /// <summary>Raises the sequences and writes what is held; returns how many complaints were new.</summary>
        Task<int> FinishAsync(Func<Task> raiseSequences, CancellationToken ct);
    }

    /// <summary>The written columns, in the order of the SQLite upsert's parameters.</summary>
    private static readonly string[] Written =
    [
        "OfficeId", "ReceptionNumber", "ReceivedAtUtc", "ComplaintTypeId", "Channel", "Status", "CustomerId", "Division",
        "DeadlineAtUtc", "OriginalDeadlineAtUtc", "ClosedAtUtc", "Description", "CreatedAtUtc", "CreatedBy", "Version",
    ];

    /// <summary>The columns a re-import sets again.</summary>
    private static readonly string[] Updated =
        ["ReceivedAtUtc", "ComplaintTypeId", "Channel", "Status", "CustomerId", "Division", "DeadlineAtUtc", "OriginalDeadlineAtUtc", "ClosedAtUtc", "Version"];

    /// <summary>SQLite: one prepared upsert on the reception number (of this office only), bound by position.</summary>
    public static readonly string SqliteUpsert =
        $"INSERT INTO \"Complaints\" ({string.Join(", ", Written.Select(c => $"\"{c}\""))})\n"
        + $"VALUES ({string.Join(", ", Written.Select((_, i) => $"@p{i}"))})\n"
        + "ON CONFLICT (\"ReceptionNumber\") DO UPDATE SET "
        + string.Join(", ", Updated.Select(c => $"\"{c}\" = excluded.\"{c}\"")) + ", \"UpdatedAtUtc\" = excluded.\"CreatedAtUtc\", \"UpdatedBy\" = excluded.\"CreatedBy\"\n"
        + "WHERE \"OfficeId\" = excluded.\"OfficeId\"";

    private sealed class NativeUpsert : IHistoryUpsert
    {
        private readonly Data.SqliteStatement _statement;
        private readonly int[] _at;
        private readonly Data.SqliteInsertCounter _inserted;

        public bool WritesAsItReads => true;

        public NativeUpsert(Microsoft.Data.Sqlite.SqliteConnection connection, int officeId, DateTime now, string by)
        {
            _statement = new Data.SqliteStatement(connection, SqliteUpsert);
            _inserted = Data.SqliteInsertCounter.Start(connection, "Complaints");
            _at = [.. Written.Select((_, i) => _statement.PositionOf($"@p{i}"))];
            _statement.Bind(_at[0], officeId);
            _statement.Bind(_at[11], ImportedDescription);
            _statement.Bind(_at[12], now);
            _statement.Bind(_at[13], by);
        }

        public void Run(Row r, DateTime deadline)
        {
            _statement.Bind(_at[1], r.Reception);
            _statement.Bind(_at[2], r.ReceivedUtc);
            _statement.Bind(_at[3], r.Type.Id);
            _statement.Bind(_at[4], r.Channel);
            _statement.Bind(_at[5], r.Status);
            _statement.Bind(_at[6], r.CustomerId);
            _statement.Bind(_at[7], r.Division);
            _statement.Bind(_at[8], deadline);
            _statement.Bind(_at[9], deadline);
            _statement.Bind(_at[10], r.ClosedUtc);
            _statement.Bind(_at[14], Guid.NewGuid());
            _statement.Execute();
        }

        public async Task<int> FinishAsync(Func<Task> raiseSequences, CancellationToken ct)
        {
            await raiseSequences();
            return _inserted.Inserted();
        }

        public ValueTask DisposeAsync()
        {
            _statement.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>SQL Server: rows staged by bulk copy as they are read; at the end the sequences, then one merge.</summary>
    private sealed class StagedUpsert(ArisuDbContext db, int officeId, DateTime now, string by, int timeoutSeconds) : IHistoryUpsert
    {
        private readonly SqlServerStage _stage = new(db, typeof(Complaint), SqlServerStageName, StagedProperties, timeoutSeconds);

        public bool WritesAsItReads => false;

        public void Run(Row r, DateTime deadline) =>
            _stage.Add(officeId, r.Reception, r.ReceivedUtc, r.Type.Id, r.Channel, r.Status, r.CustomerId, r.Division, deadline, r.ClosedUtc);

        public async Task<int> FinishAsync(Func<Task> raiseSequences, CancellationToken ct)
        {
            // Copied into the stage first (no lock on the complaints yet), then the sequence, then the merge.
            _stage.Flush();
            await raiseSequences();
            return (await _stage.MergeAsync(SqlServerMerge, cmd => MergeParameters(cmd, now, by), ct)).Inserted;
        }

        public ValueTask DisposeAsync() => _stage.DisposeAsync();
    }
}
