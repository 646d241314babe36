using AriSuTotalService.Domain.Offices;

namespace AriSuTotalService.Web.Setup;

/// <summary>Role lists pages name in their [Authorize] attribute (CONTRACTS.md roles).</summary>
public static class RoleSets
{
    public const string Administrator = Roles.Administrator;
    public const string Intake = $"{Roles.IntakeClerk},{Roles.SectionChief}";
    /// <summary>Those who handle complaints (not the administrator, who manages the system).</summary>
    public const string ComplaintHandlers = $"{Roles.IntakeClerk},{Roles.FieldStaff},{Roles.BillingClerk},{Roles.SectionChief}";
    /// <summary>
    /// Those who may read the complaint list and a complaint (masked; acting, revealing and exporting stay with the
    /// handlers): the handlers and the administrator, who reaches them from the dashboard's figures.
    /// </summary>
    public const string ComplaintReaders = $"{ComplaintHandlers},{Roles.Administrator}";
    /// <summary>The surge worklist and phone checks.</summary>
    public const string SurgeWork = $"{Roles.FieldStaff},{Roles.SectionChief}";
    /// <summary>Who may read the surge worklist (the administrator from the dashboard's funnel; the cases stay with the surge work).</summary>
    public const string SurgeReaders = $"{SurgeWork},{Roles.Administrator}";
    /// <summary>Running scans and loading readings.</summary>
    public const string ScanControl = $"{Roles.SectionChief},{Roles.Administrator}";
    /// <summary>The surge notice letters (요금과).</summary>
    public const string Notices = $"{Roles.BillingClerk},{Roles.SectionChief}";
    /// <summary>Who runs a citizen-panel round (and alone knows its cases until it closes).</summary>
    public const string PanelCoordinator = $"{Roles.SectionChief},{Roles.Administrator}";
    /// <summary>Booking visits: during the call, for surge cases and rebooking.</summary>
    public const string Booking = $"{Roles.IntakeClerk},{Roles.FieldStaff},{Roles.SectionChief}";
    /// <summary>Leak fee reductions: reviewed by the billing division (요금과), seen by section chiefs.</summary>
    public const string Reductions = $"{Roles.BillingClerk},{Roles.SectionChief}";
    /// <summary>Taking a citizen's reduction application with a receipt.</summary>
    public const string ReductionIntake = $"{Roles.IntakeClerk},{Roles.BillingClerk},{Roles.SectionChief}";
    public const string AllStaff = $"{Roles.IntakeClerk},{Roles.FieldStaff},{Roles.BillingClerk},{Roles.SectionChief},{Roles.Administrator}";

    /// <summary>Whether the user has one of the roles of a set (as <c>[Authorize(Roles = set)]</c> reads it).</summary>
    public static bool IsInAny(this System.Security.Claims.ClaimsPrincipal user, string set) => set.Split(',').Any(user.IsInRole);
}
