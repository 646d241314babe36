using System.Net;
using System.Runtime.CompilerServices;
using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Offices;
using AriSuTotalService.Domain.Visits;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AriSuTotalService.Web.Tests.SqlServerReadiness;

/// <summary>
/// SQL Server refuses a whole save with a text longer than its column; SQLite would store it. Every save is checked
/// on both, so these tests fail where SQL Server would, and each input path fits or refuses its text first.
/// </summary>
public class TextLengthTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    public static TheoryData<string, string> SizedTexts()
    {
        using var db = RawSqlTests.SqlServerContext();
        var data = new TheoryData<string, string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned() && !e.HasSharedClrType && !e.ClrType.IsAbstract))
            foreach (var p in entity.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is not null))
                data.Add(entity.ClrType.FullName!, p.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(SizedTexts))]
    public void Each_sized_text_of_each_entity_is_refused_beyond_its_column_naming_the_field(string entityName, string property)
    {
        using var db = RawSqlTests.SqlServerContext();
        var entity = db.Model.GetEntityTypes().Single(e => e.ClrType.FullName == entityName && !e.HasSharedClrType);
        var max = entity.FindProperty(property)!.GetMaxLength()!.Value;
        var instance = RuntimeHelpers.GetUninitializedObject(entity.ClrType);
        var entry = db.Entry(instance);
        // Keys that are not generated (text keys) get a value so the entry can be tracked.
        foreach (var key in entity.FindPrimaryKey()!.Properties.Where(k => k.ClrType == typeof(string)))
            entry.Property(key.Name).CurrentValue = "k";
        entry.State = EntityState.Added;
        entry.Property(property).CurrentValue = new string('가', max);
        TextLengthGuard.Check(db.ChangeTracker);

        entry.Property(property).CurrentValue = new string('가', max + 1);
        var refused = Assert.Throws<TextTooLongException>(() => TextLengthGuard.Check(db.ChangeTracker));
        Assert.Equal(property, refused.Field);
        Assert.Contains($"'{property}'", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"{max}자", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_save_through_the_context_is_refused_before_the_database()
    {
        var refused = Assert.Throws<TextTooLongException>(() => factory.With(db =>
        {
            var complaint = db.Complaints.OrderBy(c => c.Id).First();
            db.Entry(complaint).Property(c => c.Location).CurrentValue = new string('x', 301);
            return db.SaveChanges();
        }));
        Assert.Equal(nameof(Complaint.Location), refused.Field);
    }

    private Task<(long Complaint, long Visit)> BookedAsync(string type) =>
        VisitSteps.BookForField1Async(factory, TestData.Customer(factory).Id, type);

    [Fact]
    public async Task A_no_show_note_at_its_limit_is_saved_whole_on_the_outcome_and_shortened_on_the_visit()
    {
        var (complaint, visit) = await BookedAsync(ComplaintTypeCodes.SupplyInconvenience);
        var field1 = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        var note = new string('부', 2000);
        var response = await VisitSteps.RecordOutcomeAsync(field1, visit, new() { ["Result"] = VisitResults.NoShow, ["Note"] = note });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        factory.With(db =>
        {
            Assert.Equal(note, db.VisitOutcomes.AsNoTracking().Single(o => o.VisitId == visit).Note);
            var reason = db.Visits.AsNoTracking().Single(v => v.Id == visit).CancelReason!;
            Assert.Equal(Visit.MaxReasonLength, reason.Length);
            Assert.StartsWith("부재", reason, StringComparison.Ordinal);
            Assert.EndsWith("…", reason, StringComparison.Ordinal);
            Assert.Equal(ComplaintStatuses.Received, db.Complaints.AsNoTracking().Single(c => c.Id == complaint).Status);
            return 0;
        });
    }

    [Fact]
    public async Task A_long_note_carried_into_a_transfer_fits_the_transfer_reason()
    {
        var (complaint, visit) = await BookedAsync(ComplaintTypeCodes.SupplyInconvenience);
        var field1 = await TestClient.SignedInAsync(factory, "field1@arisu.local");
        var note = new string('밸', 1500);
        var response = await VisitSteps.RecordOutcomeAsync(field1, visit, new()
        {
            ["Result"] = VisitResults.Resolved, ["Note"] = note, ["Cause"] = "valve_fault", ["FixedOnSite"] = "false",
            ["TransferDivision"] = Divisions.FacilitiesManagement,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        factory.With(db =>
        {
            var c = db.Complaints.AsNoTracking().Single(x => x.Id == complaint);
            Assert.Equal(ComplaintStatuses.Transferred, c.Status);
            Assert.Equal(Complaint.MaxReasonLength, c.TransferReason!.Length);
            return 0;
        });
    }

    /// <summary>A name-change complaint of the demo office registered through the intake page.</summary>
    private async Task<(long Id, Guid Version)> NewComplaintAsync(TestClient clerk)
    {
        var customerId = TestData.Customer(factory).Id;
        var created = await clerk.PostFormAsync("/Intake", new() { ["CustomerId"] = customerId.ToString(), ["Input.TypeCode"] = "NAME_CHANGE",
            ["Input.Channel"] = "phone", ["Input.ConfirmDuplicate"] = "true" }, formPage: "/Intake");
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
        return (id, factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == id).Version));
    }

    [Fact]
    public async Task A_resolution_typed_to_the_limit_with_line_breaks_is_saved_as_the_browser_counted_it()
    {
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var (id, version) = await NewComplaintAsync(clerk);
        // Ten lines: 1,991 characters and 9 line breaks = the textarea's 2,000, sent as 2,009 with CR LF.
        var lines = Enumerable.Range(0, 10).Select(i => new string((char)('가' + i), i == 0 ? 191 : 200)).ToList();
        var typed = string.Join("\r\n", lines);
        Assert.Equal(2009, typed.Length);
        var url = $"/Complaints/Detail/{id}";
        var saved = await clerk.PostFormAsync(url + "?handler=Resolve", new() { ["Version"] = version.ToString(), ["Text"] = typed }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var resolution = factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == id).Resolution)!;
        Assert.Equal(2000, resolution.Length);
        Assert.Equal(string.Join("\n", lines), resolution);
    }

    [Fact]
    public async Task A_cancel_reason_beyond_its_column_is_refused_beside_the_field_and_nothing_changes()
    {
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var (id, version) = await NewComplaintAsync(clerk);
        var url = $"/Complaints/Detail/{id}";
        var refused = await clerk.PostFormAsync(url + "?handler=Cancel", new() { ["Version"] = version.ToString(), ["Text"] = new string('취', 1001) }, formPage: url);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("1000자", await refused.Content.ReadAsStringAsync());
        Assert.Equal(ComplaintStatuses.Received, factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == id).Status));
    }
}
