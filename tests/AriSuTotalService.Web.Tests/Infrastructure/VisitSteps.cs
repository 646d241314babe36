using System.Net;
using Microsoft.EntityFrameworkCore;

namespace AriSuTotalService.Web.Tests.Infrastructure;

/// <summary>The steps several tests take through the real pages: a complaint registered by the clerk and booked for field1 today.</summary>
public static class VisitSteps
{
    /// <summary>The smallest JPEG header the upload check accepts.</summary>
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1];

    public static async Task<(long Complaint, long Visit)> BookForField1Async(ArisuFactory factory, long customerId, string type)
    {
        var clerk = await TestClient.SignedInAsync(factory, "clerk@arisu.local");
        var created = await clerk.PostFormAsync("/Intake", new() { ["CustomerId"] = customerId.ToString(), ["Input.TypeCode"] = type,
            ["Input.Channel"] = "phone", ["Input.ConfirmDuplicate"] = "true" }, formPage: "/Intake");
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0]);
        return (id, await BookExistingAsync(factory, clerk, id));
    }

    /// <summary>Books a registered complaint for field1 today, 13–15; returns the visit.</summary>
    public static async Task<long> BookExistingAsync(ArisuFactory factory, TestClient booker, long id)
    {
        var version = factory.With(db => db.Complaints.AsNoTracking().Single(c => c.Id == id).Version);
        var staff = factory.With(db => db.Users.Single(u => u.Email == "field1@arisu.local").Id);
        var booked = await booker.PostFormAsync($"/Visits/Book/{id}", new() { ["Version"] = version.ToString(), ["StaffId"] = staff,
            ["Date"] = "2026-11-25", ["Window"] = "13-15", ["EntersHome"] = "true", ["ForceReason"] = "오늘 방문" }, formPage: $"/Visits/Book/{id}");
        if (booked.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"booking failed: {(int)booked.StatusCode}");
        return factory.With(db => db.Visits.Single(v => v.ComplaintId == id).Id);
    }

    public static Task<HttpResponseMessage> RecordOutcomeAsync(TestClient client, long visit, Dictionary<string, string> fields, byte[]? photo = null, string name = "photo.jpg") =>
        client.PostMultipartAsync($"/Visits/Outcome/{visit}", fields, "Photo", photo, name);
}
