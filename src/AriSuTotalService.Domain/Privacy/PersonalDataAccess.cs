namespace AriSuTotalService.Domain.Privacy;

/// <summary>What was done with personal data.</summary>
public static class PersonalDataActions
{
    public const string View = "view";
    public const string Change = "change";
    public const string Create = "create";
    public const string Delete = "delete";
    public const string Print = "print";
    public const string Download = "download";
    /// <summary>An attempt to see the data that need-to-know refused (field staff outside their own assignments).</summary>
    public const string Refused = "refused";
    public static readonly IReadOnlyList<string> All = [View, Change, Create, Delete, Print, Download, Refused];
}

/// <summary>
/// The personal-data access log (개인정보처리시스템 접속기록): who, when, from which address, whose data and what was
/// done. Written for every unmasked view, change and export; kept at least two years; append-only.
/// </summary>
public class PersonalDataAccess : Common.IAppendOnly, Offices.IOfficeOwned
{
    private PersonalDataAccess() { }

    public PersonalDataAccess(int officeId, DateTime atUtc, string userId, string userName, string? ipAddress,
        string subjectKind, string subjectKey, string action, string? detail)
    {
        if (!PersonalDataActions.All.Contains(action)) throw new ArgumentException($"unknown action {action}", nameof(action));
        OfficeId = officeId;
        AtUtc = atUtc;
        UserId = userId;
        UserName = userName;
        IpAddress = ipAddress;
        SubjectKind = subjectKind;
        SubjectKey = subjectKey;
        Action = action;
        Detail = detail;
    }

    public long Id { get; private set; }
    public int OfficeId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string UserId { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public string? IpAddress { get; private set; }
    /// <summary>customer, complaint, panel_member, export…</summary>
    public string SubjectKind { get; private set; } = "";
    /// <summary>The account number, reception number or other key of whose data it was (never the data itself).</summary>
    public string SubjectKey { get; private set; } = "";
    public string Action { get; private set; } = "";
    /// <summary>Which fields or which list (e.g. "phone", "complaint list CSV, 120 rows").</summary>
    public string? Detail { get; private set; }
}

/// <summary>A change to a user's roles, office, lock or password by an administrator; kept at least three years; append-only.</summary>
public class PermissionChange : Common.IAppendOnly, Offices.IOfficeOwned
{
    private PermissionChange() { }

    public PermissionChange(int officeId, DateTime atUtc, string byUserName, string? ipAddress, string targetUserId, string targetUserName,
        string change, string? before, string? after)
    {
        OfficeId = officeId;
        AtUtc = atUtc;
        ByUserName = byUserName;
        IpAddress = ipAddress;
        TargetUserId = targetUserId;
        TargetUserName = targetUserName;
        Change = change;
        Before = before;
        After = after;
    }

    public long Id { get; private set; }
    /// <summary>The office whose administrator made the change (the user's office at the time).</summary>
    public int OfficeId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string ByUserName { get; private set; } = "";
    public string? IpAddress { get; private set; }
    public string TargetUserId { get; private set; } = "";
    public string TargetUserName { get; private set; } = "";
    /// <summary>created, role, office, division, locked, unlocked, password_reset, api_key_created, api_key_revoked.</summary>
    public string Change { get; private set; } = "";
    public string? Before { get; private set; }
    public string? After { get; private set; }
}

/// <summary>The administrator's monthly review of the access log (월 1회 이상 점검), with what was found.</summary>
public class AccessLogReview : Common.IAppendOnly, Offices.IOfficeOwned
{
    private AccessLogReview() { }

    public AccessLogReview(int officeId, string month, DateTime atUtc, string reviewer, string note)
    {
        OfficeId = officeId;
        Month = month;
        AtUtc = atUtc;
        Reviewer = reviewer;
        Note = note;
    }

    public long Id { get; private set; }
    public int OfficeId { get; private set; }
    /// <summary>yyyy-MM.</summary>
    public string Month { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
    public string Reviewer { get; private set; } = "";
    public string Note { get; private set; } = "";
}
