using AriSuTotalService.Domain.Integrations;

namespace AriSuTotalService.Infrastructure.Demo;

/// <summary>Fixed facts of the demo (CONTRACTS.md): accounts, password, API key and office.</summary>
public static class DemoData
{
    public const string Password = "Arisu-Demo-2017!";
    public const string ApiKey = "demo-integration-key";
    public const string OfficeName = "남부수도사업소";
    public const string OfficeShortName = "남부";
    public static readonly IReadOnlyList<string> Districts = ["관악구", "금천구", "동작구", "영등포구"];

    public sealed record Account(string Email, string Role, string DisplayName, string Division, string Phone);

    public static readonly IReadOnlyList<Account> Accounts =
    [
        new("admin@arisu.local", "Administrator", "관리자", "행정지원과", "02-2630-0100"),
        new("clerk@arisu.local", "IntakeClerk", "김민정", "행정지원과", "02-2630-0111"),
        new("field1@arisu.local", "FieldStaff", "박현수", "현장민원과", "02-2630-0121"),
        new("field2@arisu.local", "FieldStaff", "이지훈", "현장민원과", "02-2630-0122"),
        new("billing@arisu.local", "BillingClerk", "최은영", "요금과", "02-2630-0131"),
        new("chief@arisu.local", "SectionChief", "정태호", "현장민원과", "02-2630-0101"),
    ];
}
