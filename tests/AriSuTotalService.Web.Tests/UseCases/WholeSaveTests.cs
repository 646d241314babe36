using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Surges;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Infrastructure.Surges;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace AriSuTotalService.Web.Tests.UseCases;

/// <summary>
/// Every use case that writes more than once is saved whole: a fault injected before each of its writes in turn leaves
/// the database as it was and no stored file behind; the last run, with no fault reached, saves all of it.
/// </summary>
public partial class WholeSaveTests(WholeSaveTests.Factory factory) : IClassFixture<WholeSaveTests.Factory>
{
    public sealed class Factory : TwoOfficeFactory
    {
        public FaultInjector Faults { get; } = new();

        protected override IDictionary<string, string?> Settings()
        {
            var s = base.Settings();
            s["Demo:Customers"] = "600";
            return s;
        }

        protected override void OverrideServices(IServiceCollection services) =>
            services.ConfigureDbContext<ArisuDbContext>((_, o) => o.AddInterceptors(Faults));
    }

    /// <summary>Fails the n-th write (INSERT, UPDATE, DELETE) once armed; counts the writes of a run.</summary>
    public sealed partial class FaultInjector : DbCommandInterceptor
    {
        private int _failAt;
        private int _writes;

        public int Writes => _writes;
        public bool Fired { get; private set; }

        public void Arm(int failAt)
        {
            (_failAt, _writes, Fired) = (failAt, 0, false);
        }

        public void Disarm() => _failAt = 0;

        private void Check(DbCommand command)
        {
            if (_failAt == 0 || !Write().IsMatch(command.CommandText)) return;
            if (Interlocked.Increment(ref _writes) != _failAt) return;
            Fired = true;
            throw new InvalidOperationException($"fault injected before write {_failAt}");
        }

        [GeneratedRegex(@"^\s*(INSERT|UPDATE|DELETE)\b", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
        private static partial Regex Write();

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Check(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Check(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Check(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return ValueTask.FromResult(result);
        }
    }

    private int StoredFiles() => Directory.Exists(Path.Combine(factory.DataFolder, "files"))
        ? Directory.GetFiles(Path.Combine(factory.DataFolder, "files"), "*", SearchOption.AllDirectories).Length
        : 0;

    /// <summary>Runs the use case with a fault before its 1st, 2nd, … write until a run reaches none; returns the writes of that run.</summary>
    private async Task<int> EachWriteFailsThenAllAsync(Func<Task<HttpResponseMessage>> run)
    {
        for (var k = 1; k < 50; k++)
        {
            var before = DataFingerprint.Of(factory);
            var files = StoredFiles();
            factory.Faults.Arm(k);
            HttpResponseMessage answer;
            try
            {
                answer = await run();
            }
            finally
            {
                factory.Faults.Disarm();
            }
            if (!factory.Faults.Fired)
            {
                Assert.True(answer.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Created, $"the run without a fault answered {(int)answer.StatusCode}");
                return factory.Faults.Writes;
            }
            Assert.Equal(before, DataFingerprint.Of(factory));
            Assert.Equal(files, StoredFiles());
        }
        throw new InvalidOperationException("the use case never finished");
    }

    [Fact]
    public async Task An_intake_with_linked_complaints_is_saved_whole()
    {
        _ = factory.B;
        var account = TestData.Customer(factory).Account;
        using var api = TestClient.Keyed(factory);
        var writes = await EachWriteFailsThenAllAsync(() => api.PostAsJsonAsync("/api/v1/complaints", new
        {
            typeCode = ComplaintTypeCodes.LeakDiagnosis, accountNumber = account, channel = "phone",
            otherTypes = new[] { ComplaintTypeCodes.WaterQualityTest, ComplaintTypeCodes.SupplyInconvenience },
        }));
        Assert.True(writes >= 2, $"{writes} writes");
    }

    [Fact]
    public async Task No_explanation_on_a_surge_case_is_saved_whole()
    {
        _ = factory.B;
        var c = factory.With(db =>
        {
            var october = new DateOnly(2026, 10, 1);
            if (!db.SurgeCases.Any(x => x.Period == october))
                SurgeScan.RunAsync(db, db.Offices.Single(o => o.ShortName == DemoData.OfficeShortName).Id, october, SurgeThresholds.Default, DateTime.UtcNow)
                    .GetAwaiter().GetResult();
            return db.SurgeCases.AsNoTracking().Where(x => x.Period == october && x.Status == SurgeCaseStatuses.Open).OrderBy(x => x.Id).First();
        });
        var chief = await TestClient.SignedInAsync(factory, "chief@arisu.local");
        var url = $"/Surges/Case/{c.Id}";
        var writes = await EachWriteFailsThenAllAsync(() => chief.PostFormAsync(url + "?handler=Unexplained",
            new() { ["Version"] = c.Version.ToString(), ["Note"] = "원인 모름" }, formPage: url));
        Assert.True(writes >= 2, $"{writes} writes");
        Assert.Equal(SurgeCaseStatuses.Unexplained, factory.With(db => db.SurgeCases.AsNoTracking().Single(x => x.Id == c.Id).Status));
    }

    [Fact]
    public async Task A_repaired_leak_with_a_photo_and_a_problem_found_on_site_is_saved_whole_with_its_reduction()
    {
        _ = factory.B;
        var customer = TestData.Customer(factory).Id;
        var (diagnosis, visit) = await VisitSteps.BookForField1Async(factory, customer, ComplaintTypeCodes.LeakDiagnosis);
        var field1 = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        var writes = await EachWriteFailsThenAllAsync(() => VisitSteps.RecordOutcomeAsync(field1, visit, new()
        {
            ["LeakFound"] = "true", ["LeakPlace"] = "toilet", ["Repaired"] = "true", ["RepairedBy"] = "현장 직원", ["Result"] = "resolved",
            ["Note"] = "변기 누수 수리", ["OtherTypes"] = ComplaintTypeCodes.WaterQualityTest,
        }, VisitSteps.Jpeg));
        Assert.True(writes >= 3, $"{writes} writes");
        factory.With(db =>
        {
            Assert.Single(db.LeakReductions.AsNoTracking().Where(r => r.DiagnosisComplaintId == diagnosis));
            Assert.Single(db.Complaints.AsNoTracking().Where(c => c.LinkedToId == diagnosis && c.Type!.Code == ComplaintTypeCodes.WaterQualityTest));
            Assert.Single(db.VisitPhotos.AsNoTracking().Where(p => p.VisitId == visit));
            return 0;
        });
    }

    [Fact]
    public async Task An_outcome_naming_an_unknown_problem_is_refused_beside_the_field_before_anything_is_kept()
    {
        _ = factory.B;
        var customer = TestData.Customer(factory).Id;
        var (diagnosis, visit) = await VisitSteps.BookForField1Async(factory, customer, ComplaintTypeCodes.LeakDiagnosis);
        var field1 = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        var fields = new Dictionary<string, string>
        {
            ["LeakFound"] = "true", ["LeakPlace"] = "toilet", ["Repaired"] = "true", ["RepairedBy"] = "현장 직원", ["Result"] = "resolved",
            ["Note"] = "변기 누수 수리", ["OtherTypes"] = "NO_SUCH_TYPE",
        };
        var before = DataFingerprint.Of(factory);
        var files = StoredFiles();
        var refused = await VisitSteps.RecordOutcomeAsync(field1, visit, fields, VisitSteps.Jpeg);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("<span class=\"field-validation-error\">알 수 없는 민원 유형입니다: NO_SUCH_TYPE</span>", await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, DataFingerprint.Of(factory));
        Assert.Equal(files, StoredFiles());

        // Corrected, the same visit is recorded and the found leak opens its reduction.
        fields["OtherTypes"] = ComplaintTypeCodes.WaterQualityTest;
        Assert.Equal(HttpStatusCode.Redirect, (await VisitSteps.RecordOutcomeAsync(field1, visit, fields, VisitSteps.Jpeg)).StatusCode);
        Assert.Single(factory.With(db => db.LeakReductions.AsNoTracking().Where(r => r.DiagnosisComplaintId == diagnosis).ToList()));
        Assert.Equal(files + 1, StoredFiles());
    }

    [Fact]
    public async Task A_booking_with_its_notice_is_saved_whole()
    {
        _ = factory.B;
        var complaint = await TestData.ComplaintAsync(factory, ComplaintTypeCodes.LeakDiagnosis, TestData.Customer(factory).Id);
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var staff = factory.With(db => db.Users.Single(u => u.Email == "field1@arisu.local").Id);
        var url = $"/Visits/Book/{complaint.Id}";
        var writes = await EachWriteFailsThenAllAsync(() => clerk.PostFormAsync(url, new()
        {
            ["Version"] = complaint.Version.ToString(), ["StaffId"] = staff, ["Date"] = "2026-11-26", ["Window"] = "09-12", ["EntersHome"] = "true",
        }, formPage: url));
        Assert.True(writes >= 2, $"{writes} writes");
        factory.With(db =>
        {
            Assert.Single(db.Visits.AsNoTracking().Where(v => v.ComplaintId == complaint.Id));
            Assert.Single(db.OutboxMessages.AsNoTracking().Where(m => m.ComplaintId == complaint.Id && m.Kind == "booked"));
            return 0;
        });
    }

    [Fact]
    public async Task A_request_for_a_supplement_with_its_notice_is_saved_whole()
    {
        _ = factory.B;
        var complaint = await TestData.ComplaintAsync(factory, ComplaintTypeCodes.SupplyInconvenience, TestData.Customer(factory).Id);
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var url = $"/Complaints/Detail/{complaint.Id}";
        var writes = await EachWriteFailsThenAllAsync(() => clerk.PostFormAsync(url + "?handler=Pause",
            new() { ["Version"] = complaint.Version.ToString(), ["Text"] = "계량기 사진을 보내 주세요" }, formPage: url));
        Assert.True(writes >= 2, $"{writes} writes");
        Assert.Single(factory.With(db => db.OutboxMessages.AsNoTracking().Where(m => m.ComplaintId == complaint.Id && m.Kind == "paused").ToList()));
    }

    [Fact]
    public async Task An_application_with_its_receipt_is_saved_whole()
    {
        _ = factory.B;
        var account = TestData.Customer(factory).Account;
        var billing = await TestClient.SignedInAsync(factory, "billing@arisu.local");
        var writes = await EachWriteFailsThenAllAsync(() => billing.PostMultipartAsync("/Reductions/Apply", new Dictionary<string, string>
        {
            ["AccountNumber"] = account, ["LeakDate"] = "2026-11-10", ["Channel"] = Channels.Visit,
        }, "Receipt", VisitSteps.Jpeg, "receipt.jpg"));
        Assert.True(writes >= 3, $"{writes} writes");
    }
}
