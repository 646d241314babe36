using AriSuTotalService.Domain.Integrations;
using System.Diagnostics;
using AriSuTotalService.Domain.Calendar;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Identity;
using AriSuTotalService.Infrastructure.Reductions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace AriSuTotalService.Infrastructure.Demo;

/// <summary>Fills an empty Development database with the demo office, accounts, key and data (CONTRACTS.md).</summary>
public sealed class DemoSeeder(ArisuDbContext db, IdentitySetup identity, Features.Visits.BookVisit.Handler booking, Complaints.HolidayCalendar holidays,
    LeakReductions reductions, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public async Task SeedAsync(DemoOptions options, CancellationToken ct = default)
    {
        if (await db.Offices.AnyAsync(o => o.ShortName == DemoData.OfficeShortName, ct)) return;
        var sw = Stopwatch.StartNew();
        var office = await identity.EnsureOfficeAsync(DemoData.OfficeName, DemoData.OfficeShortName, DemoData.Districts);
        db.ActFor(office.Id);
        foreach (var a in DemoData.Accounts)
            await identity.CreateUserAsync(a.Email, DemoData.Password, a.Role, office.Id, a.Division, a.DisplayName, a.Phone);
        var now = clock.GetUtcNow().UtcDateTime;
        db.ApiKeys.Add(new ApiKey(office.Id, "데모 연계 키", DemoData.ApiKey, ApiKeyScopes.All, "system", now));
        await db.SaveChangesAsync(ct);

        var today = SeoulTime.Today(clock);
        var generator = new DemoDataGenerator(options, today);
        var holidays = await db.PublicHolidays.Select(h => h.Date).ToListAsync(ct);
        var calendar = new DeadlineCalendar(holidays);
        var counts = await WriteAsync(db, office.Id, office.ShortName, generator, calendar, now, ct);
        if (options.Visits)
        {
            await RecordPastLeaksAsync(office.Id, today, ct);
            await BookVisitsAsync(office.Id, today, ct);
        }
        logger.LogInformation("Demo data: {Customers} customers, {Readings} readings, {Complaints} complaints in {Elapsed} ms",
            counts.Customers, counts.Readings, counts.Complaints, sw.ElapsedMilliseconds);
    }

    public sealed record Counts(int Customers, int Readings, int Complaints);

    /// <summary>How many of the last months' diagnoses the demo shows as visits that found and repaired a leak.</summary>
    public const int PastLeaks = 3;

    /// <summary>
    /// The billing division's desk as a new user should find it: a few diagnoses resolved five weeks to half a year ago
    /// at a connection whose reading of the time jumped (≥ 40 % a day over its normal periods) get the visit that closed
    /// them, a leak found and repaired, and the reduction that outcome opens by itself — each waits for review with its
    /// working.
    /// </summary>
    private async Task RecordPastLeaksAsync(int officeId, DateOnly today, CancellationToken ct)
    {
        var emails = DemoData.Accounts.Where(a => a.Role == Roles.FieldStaff).Select(a => a.Email).ToList();
        var staff = await db.Users.Where(u => u.OfficeId == officeId && emails.Contains(u.Email!)).OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        if (staff.Count == 0) return;
        var (from, to) = (SeoulTime.ToUtc(today.AddDays(-200).ToDateTime(TimeOnly.MinValue)), SeoulTime.ToUtc(today.AddDays(-35).ToDateTime(TimeOnly.MinValue)));
        var candidates = await db.Complaints.Include(c => c.Type).Where(c => c.OfficeId == officeId && c.Type!.Code == Domain.Complaints.ComplaintTypeCodes.LeakDiagnosis
                && c.Status == Domain.Complaints.ComplaintStatuses.Resolved && c.CustomerId != null && c.ClosedAtUtc >= from && c.ClosedAtUtc < to
                && !db.Visits.Any(v => v.ComplaintId == c.Id))
            .OrderByDescending(c => c.ClosedAtUtc).ToListAsync(ct);
        // Every candidate connection's readings in one query (ordered by period end, as the calculation reads them).
        var customers = candidates.Select(c => c.CustomerId!.Value).Distinct().ToList();
        var histories = (await db.MeterReadings.AsNoTracking().Where(r => customers.Contains(r.CustomerId)).OrderBy(r => r.PeriodEnd)
                .Select(r => new { r.CustomerId, r.PeriodStart, r.PeriodEnd, r.UsageM3 }).ToListAsync(ct))
            .GroupBy(r => r.CustomerId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Domain.Reductions.ReadingPeriod>)g.Select(r => new Domain.Reductions.ReadingPeriod(r.PeriodStart, r.PeriodEnd, r.UsageM3)).ToList());
        var diagnoses = new List<Domain.Complaints.Complaint>();
        foreach (var c in candidates)
        {
            if (!histories.TryGetValue(c.CustomerId!.Value, out var history)) continue;
            var day = DateOnly.FromDateTime(SeoulTime.ToLocal(c.ClosedAtUtc!.Value));
            if (ReductionCalculation.LeakPeriod(history, day, null) is not { } leak
                || Domain.Reductions.LeakReductionCalculator.ChooseNormal(leak, history) is not { } normal) continue;
            // The surge rule itself, the normal periods taken together as the "previous" reading.
            var usual = new Domain.Surges.Period(0, normal.Periods.Sum(p => p.UsageM3), normal.Periods.Sum(p => p.Days));
            var thresholds = Domain.Surges.SurgeThresholds.Default;
            if (!Domain.Surges.SurgeRule.Exceeds(usual, new Domain.Surges.Period(0, leak.UsageM3, leak.Days), thresholds.DiagnosisPercent, thresholds.MinIncreaseM3)) continue;
            diagnoses.Add(c);
            if (diagnoses.Count == PastLeaks) break;
        }
        for (var i = 0; i < diagnoses.Count; i++)
        {
            var c = diagnoses[i];
            var who = staff[i % staff.Count];
            var day = DateOnly.FromDateTime(SeoulTime.ToLocal(c.ClosedAtUtc!.Value));
            var visit = new Domain.Visits.Visit(officeId, c.Id, who.Id, day, "13-15", true, null);
            visit.Arrive(SeoulTime.ToUtc(day.ToDateTime(new TimeOnly(13, 40))));
            var finished = SeoulTime.ToUtc(day.ToDateTime(new TimeOnly(14, 20)));
            visit.Finish(finished);
            var place = Domain.Visits.LeakPlaces.All[i % Domain.Visits.LeakPlaces.All.Count].Code;
            // The visit, its outcome and the reduction it opens in one unit, as a field worker's outcome is saved.
            await db.InTransactionAsync(async () =>
            {
                db.Visits.Add(visit);
                await db.SaveChangesAsync(ct);
                var outcome = new Domain.Visits.VisitOutcome(visit.Id, c.Id, Domain.Visits.VisitResults.Resolved, c.Resolution ?? "누수 수리 확인", finished, who.Email!);
                outcome.RecordLeak(true, place, true, "현장민원과 보수반", null, null);
                db.VisitOutcomes.Add(outcome);
                await db.SaveChangesAsync(ct);
                await reductions.OpenFromVisitAsync(c, visit, outcome, ct);
            }, ct);
        }
        db.ChangeTracker.Clear();
    }

    /// <summary>The demo field staff's coming working days: the latest open complaints that need a visit, booked through the real booking (notices queued).</summary>
    private async Task BookVisitsAsync(int officeId, DateOnly today, CancellationToken ct)
    {
        var emails = DemoData.Accounts.Where(a => a.Role == Roles.FieldStaff).Select(a => a.Email).ToList();
        var staff = await db.Users.Where(u => u.OfficeId == officeId && emails.Contains(u.Email!)).OrderBy(u => u.Email).Select(u => u.Id).ToListAsync(ct);
        if (staff.Count == 0) return;
        var calendar = await holidays.GetAsync(db, ct);
        var days = Enumerable.Range(0, 14).Select(today.AddDays).Where(calendar.IsWorkingDay).Take(3).ToList();
        string[] windows = ["09-12", "13-15", "15-18"];
        // Open complaints that need a visit and have none yet (the generator leaves "scheduled" ones without their visit).
        var candidates = await db.Complaints.Where(c => c.OfficeId == officeId
                && (c.Status == Domain.Complaints.ComplaintStatuses.Received || c.Status == Domain.Complaints.ComplaintStatuses.Scheduled)
                && c.Type!.NeedsVisit && c.CustomerId != null && !db.Visits.Any(v => v.ComplaintId == c.Id))
            .OrderByDescending(c => c.ReceivedAtUtc).Select(c => new { c.Id, c.Version }).Take(staff.Count * days.Count * 2).ToListAsync(ct);
        for (var i = 0; i < candidates.Count; i++)
        {
            var slot = i / staff.Count;
            try
            {
                await booking.HandleAsync(new Features.Visits.BookVisit.Command(candidates[i].Id, candidates[i].Version, staff[i % staff.Count],
                    days[slot % days.Count], windows[slot % windows.Length], true), ct);
            }
            catch (Features.ValidationFailedException ex)
            {
                // A generated complaint the booking rules refuse (its deadline already past the day): left unbooked, as a clerk would.
                logger.LogInformation("Demo complaint {Id} not booked: {Reason}", candidates[i].Id, ex.Message);
            }
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Writes the generated rows in one transaction (also used by the benchmarks): on SQLite through prepared commands,
    /// on SQL Server by bulk copy into stages and the imports' set-based merges.
    /// </summary>
    public static async Task<Counts> WriteAsync(ArisuDbContext db, int officeId, string officeShortName,
        DemoDataGenerator generator, DeadlineCalendar calendar, DateTime nowUtc, CancellationToken ct)
    {
        db.ActFor(officeId);
        var customers = generator.Customers();
        var complaints = generator.Complaints(customers.Count, calendar, officeShortName, nowUtc);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                var sqlServer = db.Database.IsSqlServer();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                // Sequences first, like intake (one lock order).
                foreach (var year in complaints.GroupBy(c => c.ReceptionNumber[..4]))
                    await Complaints.ReceptionNumbers.RaiseToAsync(db, officeId, int.Parse(year.Key, System.Globalization.CultureInfo.InvariantCulture),
                        year.Count(), ct);

                if (sqlServer)
                {
                    await using var stage = new SqlServerStage(db, typeof(Domain.Customers.Customer), Import.CustomerImport.SqlServerStageName,
                        Import.CustomerImport.StagedProperties);
                    foreach (var c in customers)
                        stage.Add(officeId, c.AccountNumber, c.HolderName, c.Phone, Domain.Customers.Customer.DigitsOf(c.Phone), c.Address,
                            c.Dong, c.District, c.UseType, c.MeterSizeMm, c.MeterSerial);
                    await stage.MergeAsync(Import.CustomerImport.SqlServerMerge, cmd => Import.CustomerImport.MergeParameters(cmd, nowUtc, "demo"), ct);
                }
                else
                {
                    using var w = BulkWriter.For(db, "Customers", "OfficeId", "AccountNumber", "HolderName", "Phone", "PhoneDigits", "Address",
                        "Dong", "District", "UseType", "MeterSizeMm", "MeterSerial", "CreatedAtUtc", "CreatedBy");
                    foreach (var c in customers)
                        w.Insert(officeId, c.AccountNumber, c.HolderName, c.Phone, Domain.Customers.Customer.DigitsOf(c.Phone), c.Address,
                            c.Dong, c.District, c.UseType, c.MeterSizeMm, c.MeterSerial, nowUtc, "demo");
                }
                var ids = await db.Customers.Where(c => c.OfficeId == officeId)
                    .Select(c => new { c.Id, c.AccountNumber }).ToDictionaryAsync(c => c.AccountNumber, c => c.Id, ct);
                var customerIds = customers.Select(c => ids[c.AccountNumber]).ToArray();

                var readings = 0;
                if (sqlServer)
                {
                    await using var stage = new SqlServerStage(db, typeof(Domain.Meters.MeterReading), Import.MeterReadingImport.SqlServerStageName,
                        Import.MeterReadingImport.StagedProperties);
                    foreach (var r in generator.Readings(customers))
                    {
                        stage.Add(customerIds[r.CustomerIndex], r.PeriodStart, r.PeriodEnd, r.ReadingM3, r.UsageM3, r.PeriodEnd.DayNumber - r.PeriodStart.DayNumber);
                        readings++;
                    }
                    await stage.MergeAsync(Import.MeterReadingImport.SqlServerMerge, null, ct);
                }
                else
                {
                    using var w = BulkWriter.For(db, "MeterReadings", "CustomerId", "PeriodStart", "PeriodEnd", "ReadingM3", "UsageM3", "Days");
                    foreach (var r in generator.Readings(customers))
                    {
                        w.Insert(customerIds[r.CustomerIndex], r.PeriodStart, r.PeriodEnd, r.ReadingM3, r.UsageM3, r.PeriodEnd.DayNumber - r.PeriodStart.DayNumber);
                        readings++;
                    }
                }

                object?[] Complaint(DemoDataGenerator.ComplaintRow c) =>
                [
                    officeId, c.ReceptionNumber, c.ReceivedAtUtc, c.TypeId, c.Channel, c.Status,
                    c.CustomerIndex is { } ci ? customerIds[ci] : null, c.Location, c.Division, c.DeadlineAtUtc,
                    c.DeadlineAtUtc, c.ClosedAtUtc, c.Description, c.Resolution,
                    c.Status == Domain.Complaints.ComplaintStatuses.Cancelled ? CancelledByCitizen : null,
                    c.ReceivedAtUtc, "demo", Guid.NewGuid(),
                ];
                if (sqlServer)
                {
                    await using var stage = new SqlServerStage(db, typeof(Domain.Complaints.Complaint), ComplaintStageName, ComplaintColumns);
                    foreach (var c in complaints) stage.Add(Complaint(c));
                    await stage.RunAsync(ComplaintInsertSql, null, ct);
                }
                else
                {
                    using var w = BulkWriter.For(db, "Complaints", ComplaintColumns);
                    foreach (var c in complaints) w.Insert(Complaint(c));
                }
                using (var w = new BulkLinker(db))
                {
                    foreach (var c in complaints.Where(c => c.LinkedToReception is not null))
                        w.Link(c.ReceptionNumber, c.LinkedToReception!);
                }

                // Timelines, set-based: one received entry each, and the closing entry where there is one.
                await db.Database.ExecuteSqlRawAsync(ReceivedEventsSql, [officeId], ct);
                await db.Database.ExecuteSqlRawAsync(ClosedEventsSql, [officeId], ct);
                await tx.CommitAsync(ct);
                return new Counts(customers.Count, readings, complaints.Count);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
    }

    private const string CancelledByCitizen = "민원인 요청으로 취소";

    public const string ComplaintStageName = "#DemoComplaintStage";

    public static readonly string[] ComplaintColumns =
    [
        "OfficeId", "ReceptionNumber", "ReceivedAtUtc", "ComplaintTypeId", "Channel", "Status", "CustomerId", "Location", "Division",
        "DeadlineAtUtc", "OriginalDeadlineAtUtc", "ClosedAtUtc", "Description", "Resolution", "CancelReason", "CreatedAtUtc", "CreatedBy", "Version",
    ];

    /// <summary>SQL Server: the staged demo complaints (all new) in one statement.</summary>
    public static readonly string ComplaintInsertSql =
        $"INSERT INTO [Complaints] ({string.Join(", ", ComplaintColumns.Select(c => $"[{c}]"))})\n"
        + $"SELECT {string.Join(", ", ComplaintColumns.Select(c => $"s.[{c}]"))} FROM {ComplaintStageName} s;";

    public const string ReceivedEventsSql = """
        INSERT INTO "ComplaintEvents" ("ComplaintId", "AtUtc", "By", "Kind", "Detail")
        SELECT "Id", "ReceivedAtUtc", 'demo', 'received', "Channel" FROM "Complaints" WHERE "OfficeId" = {0}
        """;

    public const string ClosedEventsSql = """
        INSERT INTO "ComplaintEvents" ("ComplaintId", "AtUtc", "By", "Kind", "Detail")
        SELECT "Id", "ClosedAtUtc", 'demo', 'resolved', "Resolution" FROM "Complaints"
        WHERE "OfficeId" = {0} AND "ClosedAtUtc" IS NOT NULL
        """;

    public const string LinkSql = """
        UPDATE "Complaints" SET "LinkedToId" = (SELECT p."Id" FROM "Complaints" p WHERE p."ReceptionNumber" = @parent)
        WHERE "ReceptionNumber" = @child
        """;

    /// <summary>Links each generated linked complaint to its parent (typed parameters, sized as the column).</summary>
    public sealed class BulkLinker : IDisposable
    {
        private readonly System.Data.Common.DbCommand _cmd;

        public BulkLinker(ArisuDbContext db)
        {
            _cmd = db.Database.GetDbConnection().CreateCommand();
            _cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            _cmd.CommandText = LinkSql;
            var size = db.Model.FindEntityType(typeof(Domain.Complaints.Complaint))!.FindProperty("ReceptionNumber")!.GetMaxLength() ?? 0;
            _cmd.Add("@parent", System.Data.DbType.String, null, size);
            _cmd.Add("@child", System.Data.DbType.String, null, size);
        }

        public void Link(string child, string parent)
        {
            _cmd.Parameters[0].Value = parent;
            _cmd.Parameters[1].Value = child;
            _cmd.ExecuteNonQuery();
        }

        public void Dispose() => _cmd.Dispose();
    }
}
