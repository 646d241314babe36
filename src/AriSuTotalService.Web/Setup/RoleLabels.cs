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

/// <summary>Korean names of complaint statuses.</summary>
public static class StatusLabels
{
    public static string Of(string status) => status switch
    {
        // States, not actions: the same words as a button ("방문 예약", "취소") would read as verbs in English.
        "received" => "접수됨",
        "scheduled" => "방문 예약됨",
        "visited" => "방문 완료",
        "transferred" => "이첩됨",
        "resolved" => "처리 완료",
        "cancelled" => "취소됨",
        _ => status,
    };
}

/// <summary>Korean names of channels.</summary>
public static class ChannelLabels
{
    public static string Of(string channel) => channel switch
    {
        "phone" => "전화",
        "visit" => "방문",
        "web" => "인터넷",
        "proactive" => "선제적",
        "derived" => "연계(직원 민원업무)",
        _ => channel,
    };
}

/// <summary>Korean names of the caller's relation to the holder.</summary>
public static class RelationLabels
{
    public static string Of(string relation) => relation switch
    {
        "family" => "가족",
        "tenant" => "세입자",
        "building_manager" => "건물 관리인",
        "other" => "기타",
        _ => relation,
    };
}
