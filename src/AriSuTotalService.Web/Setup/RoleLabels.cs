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

/// <summary>Korean names of personal-data actions as shown on screen.</summary>
public static class ActionLabels
{
    public static string Of(string action) => action switch
    {
        "view" => "열람",
        "change" => "변경",
        "create" => "등록",
        "delete" => "삭제",
        "print" => "출력",
        "download" => "내려받기",
        _ => action,
    };
}
