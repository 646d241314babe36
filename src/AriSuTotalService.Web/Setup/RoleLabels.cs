using AriSuTotalService.Domain.Offices;

namespace AriSuTotalService.Web.Setup;

/// <summary>Korean names of the roles as shown on screen (English through the resources).</summary>
public static class RoleLabels
{
    public static string Of(string role) => role switch
    {
        Roles.IntakeClerk => "접수 담당",
        Roles.FieldStaff => "현장 직원",
        Roles.BillingClerk => "요금 담당",
        Roles.SectionChief => "과장",
        Roles.Administrator => "관리자",
        _ => role,
    };
}
