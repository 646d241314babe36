using AriSuTotalService.Domain.Complaints;
using AriSuTotalService.Domain.Customers;
using AriSuTotalService.Infrastructure.Complaints;
using AriSuTotalService.Infrastructure.Data;
using AriSuTotalService.Infrastructure.Demo;
using AriSuTotalService.Infrastructure.Features.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AriSuTotalService.Web.Tests.Infrastructure;

/// <summary>
/// Builders for what a test needs, made for that test alone in the demo office: a customer of its own (a new account
/// number), a complaint registered through the intake use case. Nothing is picked from the demo data by position.
/// </summary>
public static class TestData
{
    private static int _sequence;

    public sealed record NewCustomer(long Id, string Account, string Name, string Phone);

    public sealed record NewComplaint(long Id, Guid Version, string Reception);

    /// <summary>A household customer of the demo office with an account number no other test uses.</summary>
    /// <param name="address">The street address as the customer file writes it (default: with the dong in it).</param>
    public static NewCustomer Customer(ArisuFactory factory, string name = "시험고객", string dong = "신림동", string? address = null) => factory.With(db =>
    {
        var n = Interlocked.Increment(ref _sequence);
        var account = $"77-{7_700_000 + n:D7}";
        var phone = $"010-77{n / 100 % 100:D2}-{n % 10000:D4}";
        var customer = new Customer(db.Office, account, name, phone, address ?? $"서울특별시 관악구 {dong} 시험로 {n}", dong, "관악구", UseTypes.Household, 15, null);
        db.Customers.Add(customer);
        db.SaveChanges();
        return new NewCustomer(customer.Id, account, name, phone);
    });

    /// <summary>A complaint registered by phone through <see cref="RegisterComplaint"/>, as the intake page registers it.</summary>
    /// <param name="others">Linked complaints registered with it, as the intake's "other problems".</param>
    public static async Task<NewComplaint> ComplaintAsync(ArisuFactory factory, string typeCode, long customerId, string description = "시험 민원",
        IReadOnlyList<string>? others = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArisuDbContext>();
        db.ActFor(await db.Offices.Where(o => o.ShortName == DemoData.OfficeShortName).Select(o => o.Id).SingleAsync());
        var result = await scope.ServiceProvider.GetRequiredService<RegisterComplaint.Handler>().HandleAsync(
            new IntakeRequest(customerId, typeCode, Channels.Phone, description, null, null, null, null, null, null, others ?? []), default);
        return new NewComplaint(result.First.Id, result.First.Version, result.First.ReceptionNumber);
    }
}
