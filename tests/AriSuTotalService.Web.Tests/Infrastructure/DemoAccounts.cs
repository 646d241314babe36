using AriSuTotalService.Domain.Offices;

namespace AriSuTotalService.Web.Tests.Infrastructure;

/// <summary>The demo office's account of each role (CONTRACTS.md).</summary>
public static class DemoAccounts
{
    public static readonly IReadOnlyDictionary<string, string> ByRole = new Dictionary<string, string>
    {
        [Roles.Administrator] = "admin@arisu.local",
        [Roles.IntakeClerk] = "clerk@arisu.local",
        [Roles.FieldStaff] = "field1@arisu.local",
        [Roles.BillingClerk] = "billing@arisu.local",
        [Roles.SectionChief] = "chief@arisu.local",
    };
}
