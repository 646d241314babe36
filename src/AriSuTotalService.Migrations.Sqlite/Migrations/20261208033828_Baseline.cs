using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace AriSuTotalService.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessLogReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reviewer = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogReviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AppSettings",
                columns: table => new
                {
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppSettings", x => new { x.OfficeId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintTypes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    IsTotalService = table.Column<bool>(type: "INTEGER", nullable: false),
                    HandlingDivision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PeriodUnit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PeriodValue = table.Column<int>(type: "INTEGER", nullable: false),
                    NeedsVisit = table.Column<bool>(type: "INTEGER", nullable: false),
                    EntersHome = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportColumn = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MessageTemplates",
                columns: table => new
                {
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageTemplates", x => new { x.OfficeId, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "Offices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Districts = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Offices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OfficeSequences",
                columns: table => new
                {
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfficeSequences", x => new { x.OfficeId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "PanelTargets",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetTenths = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelTargets", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "PermissionChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 45, nullable: true),
                    TargetUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    TargetUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Before = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    After = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PermissionChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PersonalDataAccesses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 45, nullable: true),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SubjectKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalDataAccesses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PublicHolidays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicHolidays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReductionRates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UseType = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WaterPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    SewerPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    LevyPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    IsExample = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReductionRates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SignInAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Account = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 45, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInAttempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TariffRates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UseType = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Charge = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FromM3 = table.Column<int>(type: "INTEGER", nullable: false),
                    PricePerM3 = table.Column<int>(type: "INTEGER", nullable: false),
                    IsExample = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TariffRates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Scopes = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastUsedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiKeys_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Division = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CalendarTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Customers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    PhoneDigits = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Dong = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    District = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    UseType = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    MeterSizeMm = table.Column<int>(type: "INTEGER", nullable: false),
                    MeterSerial = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 7, nullable: true),
                    AddressDetail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MeterInstalledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Customers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Customers_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImportRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileRows = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsChecked = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsWritten = table.Column<int>(type: "INTEGER", nullable: false),
                    Imported = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Errors = table.Column<string>(type: "TEXT", nullable: true),
                    Warnings = table.Column<string>(type: "TEXT", nullable: true),
                    WarningCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Node = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HeartbeatAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportRuns_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PanelMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelMembers_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PanelRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedCases = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelRounds_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PerformanceTargets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    TargetTenths = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PerformanceTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PerformanceTargets_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReductionExports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reductions = table.Column<int>(type: "INTEGER", nullable: false),
                    Cancellations = table.Column<int>(type: "INTEGER", nullable: false),
                    NetWon = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReductionExports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReductionExports_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportSnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Period = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportSnapshots_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScanRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Compared = table.Column<int>(type: "INTEGER", nullable: false),
                    Surges = table.Column<int>(type: "INTEGER", nullable: false),
                    Notices = table.Column<int>(type: "INTEGER", nullable: false),
                    NewUse = table.Column<int>(type: "INTEGER", nullable: false),
                    Anomalies = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    Gaps = table.Column<int>(type: "INTEGER", nullable: false),
                    CasesAdded = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ToJudge = table.Column<int>(type: "INTEGER", nullable: false),
                    Judged = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanRuns_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffLeaves",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    StaffId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffLeaves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffLeaves_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceptionNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ComplaintTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CallerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CallerPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    CallerEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    CallerRelation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Latitude = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: true),
                    Longitude = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: true),
                    Division = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AssigneeId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DeadlineAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LinkedToId = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TransferReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PreferredVisitDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PreferredVisitWindow = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    OriginalDeadlineAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExtensionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PausedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PauseReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AnonymizedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Complaints_ComplaintTypes_ComplaintTypeId",
                        column: x => x.ComplaintTypeId,
                        principalTable: "ComplaintTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_Complaints_LinkedToId",
                        column: x => x.LinkedToId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeterReadings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReadingM3 = table.Column<long>(type: "INTEGER", nullable: false),
                    UsageM3 = table.Column<int>(type: "INTEGER", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeterReadings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeterReadings_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BestPractices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    WriteUp = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    FlaggedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FlaggedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BestPractices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BestPractices_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintEvents_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LeakReductions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    LeakDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeakRecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DiagnosisComplaintId = table.Column<long>(type: "INTEGER", nullable: true),
                    VisitId = table.Column<long>(type: "INTEGER", nullable: true),
                    SurgeCaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LeakPeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LeakPeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    NormalEnd1 = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NormalEnd2 = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AdjustReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AdjustedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    LeakVolumeM3 = table.Column<long>(type: "INTEGER", nullable: true),
                    WaterWon = table.Column<long>(type: "INTEGER", nullable: false),
                    SewerWon = table.Column<long>(type: "INTEGER", nullable: false),
                    LevyWon = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalWon = table.Column<long>(type: "INTEGER", nullable: false),
                    WorkingJson = table.Column<string>(type: "TEXT", nullable: true),
                    ProposedRejection = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExportBatchId = table.Column<long>(type: "INTEGER", nullable: true),
                    ExportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReversalReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReversedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReversedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReversalBatchId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    RepairedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RepairEvidence = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeakReductions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeakReductions_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LeakReductions_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LeakReductions_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: true),
                    ToPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AttemptId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true),
                    SendingSinceUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SkippedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboxMessages_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutboxMessages_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PanelAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    Item = table.Column<int>(type: "INTEGER", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelAnswers_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PanelAnswers_PanelRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "PanelRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PanelCases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelCases_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PanelCases_PanelMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "PanelMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PanelCases_PanelRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "PanelRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurgeCases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    OnDiagnosisList = table.Column<bool>(type: "INTEGER", nullable: false),
                    OnNoticeList = table.Column<bool>(type: "INTEGER", nullable: false),
                    PreviousUsageM3 = table.Column<long>(type: "INTEGER", nullable: false),
                    PreviousDays = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentUsageM3 = table.Column<long>(type: "INTEGER", nullable: false),
                    CurrentDays = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousPeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CurrentPeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IncreaseTenths = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ContactAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NeedsLetter = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExplainedReason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AssigneeId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DiagnosisComplaintId = table.Column<long>(type: "INTEGER", nullable: true),
                    LastContactAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurgeCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurgeCases_Complaints_DiagnosisComplaintId",
                        column: x => x.DiagnosisComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurgeCases_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurgeCases_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    StaffId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Window = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    EntersHome = table.Column<bool>(type: "INTEGER", nullable: false),
                    ForcedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ArrivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Visits_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Visits_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReductionDocuments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReductionId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReductionDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReductionDocuments_LeakReductions_ReductionId",
                        column: x => x.ReductionId,
                        principalTable: "LeakReductions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitOutcomes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VisitId = table.Column<long>(type: "INTEGER", nullable: false),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    LeakFound = table.Column<bool>(type: "INTEGER", nullable: true),
                    LeakPlace = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Repaired = table.Column<bool>(type: "INTEGER", nullable: true),
                    RepairedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReadingBeforeM3 = table.Column<long>(type: "INTEGER", nullable: true),
                    ReadingAfterM3 = table.Column<long>(type: "INTEGER", nullable: true),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    FixedOnSite = table.Column<bool>(type: "INTEGER", nullable: true),
                    ResidualChlorine = table.Column<decimal>(type: "TEXT", precision: 9, scale: 3, nullable: true),
                    Iron = table.Column<decimal>(type: "TEXT", precision: 9, scale: 3, nullable: true),
                    Copper = table.Column<decimal>(type: "TEXT", precision: 9, scale: 3, nullable: true),
                    Turbidity = table.Column<decimal>(type: "TEXT", precision: 9, scale: 3, nullable: true),
                    Ph = table.Column<decimal>(type: "TEXT", precision: 9, scale: 3, nullable: true),
                    AddOns = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitOutcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitOutcomes_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitPhotos",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VisitId = table.Column<long>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitPhotos_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ComplaintTypes",
                columns: new[] { "Id", "Code", "EntersHome", "Field", "HandlingDivision", "IsActive", "IsTotalService", "NameEn", "NameKo", "NeedsVisit", "PeriodUnit", "PeriodValue", "ReportColumn", "SortOrder" },
                values: new object[,]
                {
                    { 1, "NAME_CHANGE", false, "billing", "요금과", true, false, "Owner/user name change", "명의변경", false, "Days", 1, "NAME_CHANGE", 10 },
                    { 2, "AUTO_PAYMENT", false, "billing", "요금과", true, false, "Automatic payment", "자동납부", false, "Days", 1, "AUTO_PAYMENT", 20 },
                    { 3, "LEAK_FEE_REDUCTION", false, "billing", "요금과", true, true, "Leak fee reduction", "누수요금감면", false, "Days", 7, "LEAK_FEE_REDUCTION", 30 },
                    { 4, "E_BILLING", false, "billing", "요금과", true, false, "E-billing", "전자고지", false, "Days", 1, "E_BILLING", 40 },
                    { 5, "SUPPLY_TERMINATION", false, "billing", "요금과", true, false, "Supply termination", "급수폐지", false, "Days", 3, "SUPPLY_TERMINATION", 50 },
                    { 6, "BILLING_OTHER", false, "billing", "요금과", true, false, "Other (billing)", "기타(요금)", false, "Days", 7, "BILLING_OTHER", 60 },
                    { 7, "LEAK_DIAGNOSIS", true, "works", "현장민원과", true, true, "Indoor leak diagnosis", "옥내누수진단", true, "Days", 3, "LEAK_DIAGNOSIS", 70 },
                    { 8, "OUTDOOR_LEAK", false, "works", "현장민원과", true, false, "Outdoor leak report", "옥외누수신고", true, "Immediate", 0, "OUTDOOR_LEAK", 80 },
                    { 9, "SUPPLY_INCONVENIENCE", true, "works", "현장민원과", true, true, "Supply inconvenience", "급수불편", true, "Days", 1, "SUPPLY_INCONVENIENCE", 90 },
                    { 10, "METER_REPLACEMENT", false, "works", "현장민원과", true, false, "Meter replacement", "계량기교체", true, "Days", 3, "METER_REPLACEMENT", 100 },
                    { 11, "WATER_QUALITY_TEST", true, "works", "행정지원과", true, true, "Water quality test", "수질검사", true, "Days", 3, "WATER_QUALITY_TEST", 110 },
                    { 12, "SUPPLY_WORKS", false, "works", "급수운영과", true, false, "Supply works", "급수공사", true, "Days", 7, "SUPPLY_WORKS", 120 },
                    { 13, "INDOOR_PIPING", true, "works", "현장민원과", true, false, "Indoor piping", "옥내배관", true, "Days", 3, "INDOOR_PIPING", 130 },
                    { 14, "WORKS_OTHER", false, "works", "현장민원과", true, false, "Other (works)", "기타(공사)", false, "Days", 7, "WORKS_OTHER", 140 }
                });

            migrationBuilder.InsertData(
                table: "PanelTargets",
                columns: new[] { "Year", "TargetTenths" },
                values: new object[,]
                {
                    { 2016, 955 },
                    { 2017, 960 },
                    { 2018, 965 }
                });

            migrationBuilder.InsertData(
                table: "PublicHolidays",
                columns: new[] { "Id", "Date", "Kind", "Name" },
                values: new object[,]
                {
                    { 1, new DateOnly(2014, 1, 1), "fixed", "신정" },
                    { 2, new DateOnly(2014, 1, 30), "lunar", "설날" },
                    { 3, new DateOnly(2014, 1, 31), "lunar", "설날" },
                    { 4, new DateOnly(2014, 2, 1), "lunar", "설날" },
                    { 5, new DateOnly(2014, 3, 1), "fixed", "삼일절" },
                    { 6, new DateOnly(2014, 5, 5), "fixed", "어린이날" },
                    { 7, new DateOnly(2014, 5, 6), "lunar", "부처님오신날" },
                    { 8, new DateOnly(2014, 6, 4), "one_off", "전국동시지방선거" },
                    { 9, new DateOnly(2014, 6, 6), "fixed", "현충일" },
                    { 10, new DateOnly(2014, 8, 15), "fixed", "광복절" },
                    { 11, new DateOnly(2014, 9, 7), "lunar", "추석" },
                    { 12, new DateOnly(2014, 9, 8), "lunar", "추석" },
                    { 13, new DateOnly(2014, 9, 9), "lunar", "추석" },
                    { 14, new DateOnly(2014, 9, 10), "substitute", "추석 대체공휴일" },
                    { 15, new DateOnly(2014, 10, 3), "fixed", "개천절" },
                    { 16, new DateOnly(2014, 10, 9), "fixed", "한글날" },
                    { 17, new DateOnly(2014, 12, 25), "fixed", "성탄절" },
                    { 18, new DateOnly(2015, 1, 1), "fixed", "신정" },
                    { 19, new DateOnly(2015, 2, 18), "lunar", "설날" },
                    { 20, new DateOnly(2015, 2, 19), "lunar", "설날" },
                    { 21, new DateOnly(2015, 2, 20), "lunar", "설날" },
                    { 22, new DateOnly(2015, 3, 1), "fixed", "삼일절" },
                    { 23, new DateOnly(2015, 5, 5), "fixed", "어린이날" },
                    { 24, new DateOnly(2015, 5, 25), "lunar", "부처님오신날" },
                    { 25, new DateOnly(2015, 6, 6), "fixed", "현충일" },
                    { 26, new DateOnly(2015, 8, 14), "one_off", "임시공휴일" },
                    { 27, new DateOnly(2015, 8, 15), "fixed", "광복절" },
                    { 28, new DateOnly(2015, 9, 26), "lunar", "추석" },
                    { 29, new DateOnly(2015, 9, 27), "lunar", "추석" },
                    { 30, new DateOnly(2015, 9, 28), "lunar", "추석" },
                    { 31, new DateOnly(2015, 9, 29), "substitute", "추석 대체공휴일" },
                    { 32, new DateOnly(2015, 10, 3), "fixed", "개천절" },
                    { 33, new DateOnly(2015, 10, 9), "fixed", "한글날" },
                    { 34, new DateOnly(2015, 12, 25), "fixed", "성탄절" },
                    { 35, new DateOnly(2016, 1, 1), "fixed", "신정" },
                    { 36, new DateOnly(2016, 2, 7), "lunar", "설날" },
                    { 37, new DateOnly(2016, 2, 8), "lunar", "설날" },
                    { 38, new DateOnly(2016, 2, 9), "lunar", "설날" },
                    { 39, new DateOnly(2016, 2, 10), "substitute", "설날 대체공휴일" },
                    { 40, new DateOnly(2016, 3, 1), "fixed", "삼일절" },
                    { 41, new DateOnly(2016, 4, 13), "one_off", "국회의원선거" },
                    { 42, new DateOnly(2016, 5, 5), "fixed", "어린이날" },
                    { 43, new DateOnly(2016, 5, 6), "one_off", "임시공휴일" },
                    { 44, new DateOnly(2016, 5, 14), "lunar", "부처님오신날" },
                    { 45, new DateOnly(2016, 6, 6), "fixed", "현충일" },
                    { 46, new DateOnly(2016, 8, 15), "fixed", "광복절" },
                    { 47, new DateOnly(2016, 9, 14), "lunar", "추석" },
                    { 48, new DateOnly(2016, 9, 15), "lunar", "추석" },
                    { 49, new DateOnly(2016, 9, 16), "lunar", "추석" },
                    { 50, new DateOnly(2016, 10, 3), "fixed", "개천절" },
                    { 51, new DateOnly(2016, 10, 9), "fixed", "한글날" },
                    { 52, new DateOnly(2016, 12, 25), "fixed", "성탄절" },
                    { 53, new DateOnly(2017, 1, 1), "fixed", "신정" },
                    { 54, new DateOnly(2017, 1, 27), "lunar", "설날" },
                    { 55, new DateOnly(2017, 1, 28), "lunar", "설날" },
                    { 56, new DateOnly(2017, 1, 29), "lunar", "설날" },
                    { 57, new DateOnly(2017, 1, 30), "substitute", "설날 대체공휴일" },
                    { 58, new DateOnly(2017, 3, 1), "fixed", "삼일절" },
                    { 59, new DateOnly(2017, 5, 3), "lunar", "부처님오신날" },
                    { 60, new DateOnly(2017, 5, 5), "fixed", "어린이날" },
                    { 61, new DateOnly(2017, 5, 9), "one_off", "대통령선거" },
                    { 62, new DateOnly(2017, 6, 6), "fixed", "현충일" },
                    { 63, new DateOnly(2017, 8, 15), "fixed", "광복절" },
                    { 64, new DateOnly(2017, 10, 2), "one_off", "임시공휴일" },
                    { 65, new DateOnly(2017, 10, 3), "fixed", "개천절" },
                    { 66, new DateOnly(2017, 10, 4), "lunar", "추석" },
                    { 67, new DateOnly(2017, 10, 5), "lunar", "추석" },
                    { 68, new DateOnly(2017, 10, 6), "substitute", "추석 대체공휴일" },
                    { 69, new DateOnly(2017, 10, 9), "fixed", "한글날" },
                    { 70, new DateOnly(2017, 12, 25), "fixed", "성탄절" },
                    { 71, new DateOnly(2018, 1, 1), "fixed", "신정" },
                    { 72, new DateOnly(2018, 2, 15), "lunar", "설날" },
                    { 73, new DateOnly(2018, 2, 16), "lunar", "설날" },
                    { 74, new DateOnly(2018, 2, 17), "lunar", "설날" },
                    { 75, new DateOnly(2018, 3, 1), "fixed", "삼일절" },
                    { 76, new DateOnly(2018, 5, 5), "fixed", "어린이날" },
                    { 77, new DateOnly(2018, 5, 7), "substitute", "어린이날 대체공휴일" },
                    { 78, new DateOnly(2018, 5, 22), "lunar", "부처님오신날" },
                    { 79, new DateOnly(2018, 6, 6), "fixed", "현충일" },
                    { 80, new DateOnly(2018, 6, 13), "one_off", "전국동시지방선거" },
                    { 81, new DateOnly(2018, 8, 15), "fixed", "광복절" },
                    { 82, new DateOnly(2018, 9, 23), "lunar", "추석" },
                    { 83, new DateOnly(2018, 9, 24), "lunar", "추석" },
                    { 84, new DateOnly(2018, 9, 25), "lunar", "추석" },
                    { 85, new DateOnly(2018, 9, 26), "substitute", "추석 대체공휴일" },
                    { 86, new DateOnly(2018, 10, 3), "fixed", "개천절" },
                    { 87, new DateOnly(2018, 10, 9), "fixed", "한글날" },
                    { 88, new DateOnly(2018, 12, 25), "fixed", "성탄절" },
                    { 89, new DateOnly(2019, 1, 1), "fixed", "신정" },
                    { 90, new DateOnly(2019, 2, 4), "lunar", "설날" },
                    { 91, new DateOnly(2019, 2, 5), "lunar", "설날" },
                    { 92, new DateOnly(2019, 2, 6), "lunar", "설날" },
                    { 93, new DateOnly(2019, 3, 1), "fixed", "삼일절" },
                    { 94, new DateOnly(2019, 5, 5), "fixed", "어린이날" },
                    { 95, new DateOnly(2019, 5, 6), "substitute", "어린이날 대체공휴일" },
                    { 96, new DateOnly(2019, 5, 12), "lunar", "부처님오신날" },
                    { 97, new DateOnly(2019, 6, 6), "fixed", "현충일" },
                    { 98, new DateOnly(2019, 8, 15), "fixed", "광복절" },
                    { 99, new DateOnly(2019, 9, 12), "lunar", "추석" },
                    { 100, new DateOnly(2019, 9, 13), "lunar", "추석" },
                    { 101, new DateOnly(2019, 9, 14), "lunar", "추석" },
                    { 102, new DateOnly(2019, 10, 3), "fixed", "개천절" },
                    { 103, new DateOnly(2019, 10, 9), "fixed", "한글날" },
                    { 104, new DateOnly(2019, 12, 25), "fixed", "성탄절" },
                    { 105, new DateOnly(2020, 1, 1), "fixed", "신정" },
                    { 106, new DateOnly(2020, 1, 24), "lunar", "설날" },
                    { 107, new DateOnly(2020, 1, 25), "lunar", "설날" },
                    { 108, new DateOnly(2020, 1, 26), "lunar", "설날" },
                    { 109, new DateOnly(2020, 1, 27), "substitute", "설날 대체공휴일" },
                    { 110, new DateOnly(2020, 3, 1), "fixed", "삼일절" },
                    { 111, new DateOnly(2020, 4, 15), "one_off", "국회의원선거" },
                    { 112, new DateOnly(2020, 4, 30), "lunar", "부처님오신날" },
                    { 113, new DateOnly(2020, 5, 5), "fixed", "어린이날" },
                    { 114, new DateOnly(2020, 6, 6), "fixed", "현충일" },
                    { 115, new DateOnly(2020, 8, 15), "fixed", "광복절" },
                    { 116, new DateOnly(2020, 8, 17), "one_off", "임시공휴일" },
                    { 117, new DateOnly(2020, 9, 30), "lunar", "추석" },
                    { 118, new DateOnly(2020, 10, 1), "lunar", "추석" },
                    { 119, new DateOnly(2020, 10, 2), "lunar", "추석" },
                    { 120, new DateOnly(2020, 10, 3), "fixed", "개천절" },
                    { 121, new DateOnly(2020, 10, 9), "fixed", "한글날" },
                    { 122, new DateOnly(2020, 12, 25), "fixed", "성탄절" },
                    { 123, new DateOnly(2021, 1, 1), "fixed", "신정" },
                    { 124, new DateOnly(2021, 2, 11), "lunar", "설날" },
                    { 125, new DateOnly(2021, 2, 12), "lunar", "설날" },
                    { 126, new DateOnly(2021, 2, 13), "lunar", "설날" },
                    { 127, new DateOnly(2021, 3, 1), "fixed", "삼일절" },
                    { 128, new DateOnly(2021, 5, 5), "fixed", "어린이날" },
                    { 129, new DateOnly(2021, 5, 19), "lunar", "부처님오신날" },
                    { 130, new DateOnly(2021, 6, 6), "fixed", "현충일" },
                    { 131, new DateOnly(2021, 8, 15), "fixed", "광복절" },
                    { 132, new DateOnly(2021, 8, 16), "substitute", "광복절 대체공휴일" },
                    { 133, new DateOnly(2021, 9, 20), "lunar", "추석" },
                    { 134, new DateOnly(2021, 9, 21), "lunar", "추석" },
                    { 135, new DateOnly(2021, 9, 22), "lunar", "추석" },
                    { 136, new DateOnly(2021, 10, 3), "fixed", "개천절" },
                    { 137, new DateOnly(2021, 10, 4), "substitute", "개천절 대체공휴일" },
                    { 138, new DateOnly(2021, 10, 9), "fixed", "한글날" },
                    { 139, new DateOnly(2021, 10, 11), "substitute", "한글날 대체공휴일" },
                    { 140, new DateOnly(2021, 12, 25), "fixed", "성탄절" },
                    { 141, new DateOnly(2022, 1, 1), "fixed", "신정" },
                    { 142, new DateOnly(2022, 1, 31), "lunar", "설날" },
                    { 143, new DateOnly(2022, 2, 1), "lunar", "설날" },
                    { 144, new DateOnly(2022, 2, 2), "lunar", "설날" },
                    { 145, new DateOnly(2022, 3, 1), "fixed", "삼일절" },
                    { 146, new DateOnly(2022, 3, 9), "one_off", "대통령선거" },
                    { 147, new DateOnly(2022, 5, 5), "fixed", "어린이날" },
                    { 148, new DateOnly(2022, 5, 8), "lunar", "부처님오신날" },
                    { 149, new DateOnly(2022, 6, 1), "one_off", "전국동시지방선거" },
                    { 150, new DateOnly(2022, 6, 6), "fixed", "현충일" },
                    { 151, new DateOnly(2022, 8, 15), "fixed", "광복절" },
                    { 152, new DateOnly(2022, 9, 9), "lunar", "추석" },
                    { 153, new DateOnly(2022, 9, 10), "lunar", "추석" },
                    { 154, new DateOnly(2022, 9, 11), "lunar", "추석" },
                    { 155, new DateOnly(2022, 9, 12), "substitute", "추석 대체공휴일" },
                    { 156, new DateOnly(2022, 10, 3), "fixed", "개천절" },
                    { 157, new DateOnly(2022, 10, 9), "fixed", "한글날" },
                    { 158, new DateOnly(2022, 10, 10), "substitute", "한글날 대체공휴일" },
                    { 159, new DateOnly(2022, 12, 25), "fixed", "성탄절" },
                    { 160, new DateOnly(2023, 1, 1), "fixed", "신정" },
                    { 161, new DateOnly(2023, 1, 21), "lunar", "설날" },
                    { 162, new DateOnly(2023, 1, 22), "lunar", "설날" },
                    { 163, new DateOnly(2023, 1, 23), "lunar", "설날" },
                    { 164, new DateOnly(2023, 1, 24), "substitute", "설날 대체공휴일" },
                    { 165, new DateOnly(2023, 3, 1), "fixed", "삼일절" },
                    { 166, new DateOnly(2023, 5, 5), "fixed", "어린이날" },
                    { 167, new DateOnly(2023, 5, 27), "lunar", "부처님오신날" },
                    { 168, new DateOnly(2023, 5, 29), "substitute", "부처님오신날 대체공휴일" },
                    { 169, new DateOnly(2023, 6, 6), "fixed", "현충일" },
                    { 170, new DateOnly(2023, 8, 15), "fixed", "광복절" },
                    { 171, new DateOnly(2023, 9, 28), "lunar", "추석" },
                    { 172, new DateOnly(2023, 9, 29), "lunar", "추석" },
                    { 173, new DateOnly(2023, 9, 30), "lunar", "추석" },
                    { 174, new DateOnly(2023, 10, 2), "one_off", "임시공휴일" },
                    { 175, new DateOnly(2023, 10, 3), "fixed", "개천절" },
                    { 176, new DateOnly(2023, 10, 9), "fixed", "한글날" },
                    { 177, new DateOnly(2023, 12, 25), "fixed", "성탄절" },
                    { 178, new DateOnly(2024, 1, 1), "fixed", "신정" },
                    { 179, new DateOnly(2024, 2, 9), "lunar", "설날" },
                    { 180, new DateOnly(2024, 2, 10), "lunar", "설날" },
                    { 181, new DateOnly(2024, 2, 11), "lunar", "설날" },
                    { 182, new DateOnly(2024, 2, 12), "substitute", "설날 대체공휴일" },
                    { 183, new DateOnly(2024, 3, 1), "fixed", "삼일절" },
                    { 184, new DateOnly(2024, 4, 10), "one_off", "국회의원선거" },
                    { 185, new DateOnly(2024, 5, 5), "fixed", "어린이날" },
                    { 186, new DateOnly(2024, 5, 6), "substitute", "어린이날 대체공휴일" },
                    { 187, new DateOnly(2024, 5, 15), "lunar", "부처님오신날" },
                    { 188, new DateOnly(2024, 6, 6), "fixed", "현충일" },
                    { 189, new DateOnly(2024, 8, 15), "fixed", "광복절" },
                    { 190, new DateOnly(2024, 9, 16), "lunar", "추석" },
                    { 191, new DateOnly(2024, 9, 17), "lunar", "추석" },
                    { 192, new DateOnly(2024, 9, 18), "lunar", "추석" },
                    { 193, new DateOnly(2024, 10, 1), "one_off", "국군의날 임시공휴일" },
                    { 194, new DateOnly(2024, 10, 3), "fixed", "개천절" },
                    { 195, new DateOnly(2024, 10, 9), "fixed", "한글날" },
                    { 196, new DateOnly(2024, 12, 25), "fixed", "성탄절" },
                    { 197, new DateOnly(2025, 1, 1), "fixed", "신정" },
                    { 198, new DateOnly(2025, 1, 27), "one_off", "임시공휴일" },
                    { 199, new DateOnly(2025, 1, 28), "lunar", "설날" },
                    { 200, new DateOnly(2025, 1, 29), "lunar", "설날" },
                    { 201, new DateOnly(2025, 1, 30), "lunar", "설날" },
                    { 202, new DateOnly(2025, 3, 1), "fixed", "삼일절" },
                    { 203, new DateOnly(2025, 3, 3), "substitute", "삼일절 대체공휴일" },
                    { 204, new DateOnly(2025, 5, 5), "fixed", "어린이날" },
                    { 205, new DateOnly(2025, 5, 6), "substitute", "대체공휴일" },
                    { 206, new DateOnly(2025, 6, 3), "one_off", "대통령선거" },
                    { 207, new DateOnly(2025, 6, 6), "fixed", "현충일" },
                    { 208, new DateOnly(2025, 8, 15), "fixed", "광복절" },
                    { 209, new DateOnly(2025, 10, 3), "fixed", "개천절" },
                    { 210, new DateOnly(2025, 10, 5), "lunar", "추석" },
                    { 211, new DateOnly(2025, 10, 6), "lunar", "추석" },
                    { 212, new DateOnly(2025, 10, 7), "lunar", "추석" },
                    { 213, new DateOnly(2025, 10, 8), "substitute", "추석 대체공휴일" },
                    { 214, new DateOnly(2025, 10, 9), "fixed", "한글날" },
                    { 215, new DateOnly(2025, 12, 25), "fixed", "성탄절" },
                    { 216, new DateOnly(2026, 1, 1), "fixed", "신정" },
                    { 217, new DateOnly(2026, 2, 16), "lunar", "설날" },
                    { 218, new DateOnly(2026, 2, 17), "lunar", "설날" },
                    { 219, new DateOnly(2026, 2, 18), "lunar", "설날" },
                    { 220, new DateOnly(2026, 3, 1), "fixed", "삼일절" },
                    { 221, new DateOnly(2026, 3, 2), "substitute", "삼일절 대체공휴일" },
                    { 222, new DateOnly(2026, 5, 5), "fixed", "어린이날" },
                    { 223, new DateOnly(2026, 5, 24), "lunar", "부처님오신날" },
                    { 224, new DateOnly(2026, 5, 25), "substitute", "부처님오신날 대체공휴일" },
                    { 225, new DateOnly(2026, 6, 3), "one_off", "전국동시지방선거" },
                    { 226, new DateOnly(2026, 6, 6), "fixed", "현충일" },
                    { 227, new DateOnly(2026, 8, 15), "fixed", "광복절" },
                    { 228, new DateOnly(2026, 8, 17), "substitute", "광복절 대체공휴일" },
                    { 229, new DateOnly(2026, 9, 24), "lunar", "추석" },
                    { 230, new DateOnly(2026, 9, 25), "lunar", "추석" },
                    { 231, new DateOnly(2026, 9, 26), "lunar", "추석" },
                    { 232, new DateOnly(2026, 10, 3), "fixed", "개천절" },
                    { 233, new DateOnly(2026, 10, 5), "substitute", "개천절 대체공휴일" },
                    { 234, new DateOnly(2026, 10, 9), "fixed", "한글날" },
                    { 235, new DateOnly(2026, 12, 25), "fixed", "성탄절" },
                    { 236, new DateOnly(2027, 1, 1), "fixed", "신정" },
                    { 237, new DateOnly(2027, 2, 6), "lunar", "설날" },
                    { 238, new DateOnly(2027, 2, 7), "lunar", "설날" },
                    { 239, new DateOnly(2027, 2, 8), "lunar", "설날" },
                    { 240, new DateOnly(2027, 2, 9), "substitute", "설날 대체공휴일" },
                    { 241, new DateOnly(2027, 3, 1), "fixed", "삼일절" },
                    { 242, new DateOnly(2027, 5, 5), "fixed", "어린이날" },
                    { 243, new DateOnly(2027, 5, 13), "lunar", "부처님오신날" },
                    { 244, new DateOnly(2027, 6, 6), "fixed", "현충일" },
                    { 245, new DateOnly(2027, 8, 15), "fixed", "광복절" },
                    { 246, new DateOnly(2027, 8, 16), "substitute", "광복절 대체공휴일" },
                    { 247, new DateOnly(2027, 9, 14), "lunar", "추석" },
                    { 248, new DateOnly(2027, 9, 15), "lunar", "추석" },
                    { 249, new DateOnly(2027, 9, 16), "lunar", "추석" },
                    { 250, new DateOnly(2027, 10, 3), "fixed", "개천절" },
                    { 251, new DateOnly(2027, 10, 4), "substitute", "개천절 대체공휴일" },
                    { 252, new DateOnly(2027, 10, 9), "fixed", "한글날" },
                    { 253, new DateOnly(2027, 10, 11), "substitute", "한글날 대체공휴일" },
                    { 254, new DateOnly(2027, 12, 25), "fixed", "성탄절" },
                    { 255, new DateOnly(2027, 12, 27), "substitute", "성탄절 대체공휴일" }
                });

            migrationBuilder.InsertData(
                table: "ReductionRates",
                columns: new[] { "Id", "CreatedAtUtc", "CreatedBy", "EffectiveFrom", "IsExample", "LevyPercent", "SewerPercent", "UpdatedAtUtc", "UpdatedBy", "UseType", "WaterPercent" },
                values: new object[,]
                {
                    { 1, new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2012, 1, 1), true, 50, 100, null, null, "가정용", 50 },
                    { 2, new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2012, 1, 1), true, 50, 100, null, null, "일반용", 50 },
                    { 3, new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2012, 1, 1), true, 50, 100, null, null, "욕탕용", 50 }
                });

            migrationBuilder.InsertData(
                table: "TariffRates",
                columns: new[] { "Id", "Charge", "CreatedAtUtc", "CreatedBy", "EffectiveFrom", "FromM3", "IsExample", "Note", "PricePerM3", "UpdatedAtUtc", "UpdatedBy", "UseType" },
                values: new object[,]
                {
                    { 1, "water", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2012, 1, 1), 0, true, "예시 단가: 조례 확인 후 확정", 360, null, null, "가정용" },
                    { 2, "water", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2022, 1, 1), 0, true, "예시 단가: 조례 확인 후 확정", 480, null, null, "가정용" },
                    { 3, "water", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2023, 1, 1), 0, true, "예시 단가: 조례 확인 후 확정", 580, null, null, "가정용" },
                    { 4, "water", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2012, 1, 1), 0, true, "예시 단가: 조례 확인 후 확정", 800, null, null, "일반용" },
                    { 5, "water", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2012, 1, 1), 300, true, "예시 단가: 조례 확인 후 확정", 1000, null, null, "일반용" },
                    { 6, "water", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2012, 1, 1), 1000, true, "예시 단가: 조례 확인 후 확정", 1260, null, null, "일반용" },
                    { 7, "water", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2023, 1, 1), 0, true, "예시 단가: 조례 확인 후 확정", 1270, null, null, "일반용" },
                    { 8, "water", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2023, 1, 1), 300, true, "예시 단가: 조례 확인 후 확정", 1520, null, null, "일반용" },
                    { 9, "water", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2023, 1, 1), 1000, true, "예시 단가: 조례 확인 후 확정", 1640, null, null, "일반용" },
                    { 10, "water", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2012, 1, 1), 0, true, "예시 단가: 조례 확인 후 확정", 500, null, null, "욕탕용" },
                    { 11, "water", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2023, 1, 1), 0, true, "예시 단가: 조례 확인 후 확정", 820, null, null, "욕탕용" },
                    { 12, "sewer", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2012, 1, 1), 0, true, "예시 단가: 조례 확인 후 확정", 320, null, null, "가정용" },
                    { 13, "sewer", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2012, 1, 1), 30, true, "예시 단가: 조례 확인 후 확정", 550, null, null, "가정용" },
                    { 14, "sewer", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2012, 1, 1), 50, true, "예시 단가: 조례 확인 후 확정", 860, null, null, "가정용" },
                    { 15, "sewer", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2020, 1, 1), 0, true, "예시 단가: 조례 확인 후 확정", 400, null, null, "가정용" },
                    { 16, "sewer", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2020, 1, 1), 30, true, "예시 단가: 조례 확인 후 확정", 930, null, null, "가정용" },
                    { 17, "sewer", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2020, 1, 1), 50, true, "예시 단가: 조례 확인 후 확정", 1420, null, null, "가정용" },
                    { 18, "sewer", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2012, 1, 1), 0, true, "예시 단가: 조례 확인 후 확정", 500, null, null, "일반용" },
                    { 19, "sewer", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2012, 1, 1), 50, true, "예시 단가: 조례 확인 후 확정", 1250, null, null, "일반용" },
                    { 20, "sewer", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2012, 1, 1), 100, true, "예시 단가: 조례 확인 후 확정", 1800, null, null, "일반용" },
                    { 21, "sewer", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2012, 1, 1), 1000, true, "예시 단가: 조례 확인 후 확정", 2000, null, null, "일반용" },
                    { 22, "sewer", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2012, 1, 1), 0, true, "예시 단가: 조례 확인 후 확정", 390, null, null, "욕탕용" },
                    { 23, "sewer", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2012, 1, 1), 500, true, "예시 단가: 조례 확인 후 확정", 700, null, null, "욕탕용" },
                    { 24, "levy", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2012, 1, 1), 0, true, "예시 단가: 조례 확인 후 확정", 170, null, null, "가정용" },
                    { 25, "levy", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2012, 1, 1), 0, true, "예시 단가: 조례 확인 후 확정", 170, null, null, "일반용" },
                    { 26, "levy", new DateTime(2017, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "seed", new DateOnly(2012, 1, 1), 0, true, "예시 단가: 조례 확인 후 확정", 170, null, null, "욕탕용" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogReviews_OfficeId_Month",
                table: "AccessLogReviews",
                columns: new[] { "OfficeId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_Hash",
                table: "ApiKeys",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_OfficeId",
                table: "ApiKeys",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_CalendarTokenHash",
                table: "AspNetUsers",
                column: "CalendarTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OfficeId",
                table: "AspNetUsers",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BestPractices_ComplaintId",
                table: "BestPractices",
                column: "ComplaintId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BestPractices_OfficeId",
                table: "BestPractices",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintEvents_ComplaintId",
                table: "ComplaintEvents",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ComplaintTypeId",
                table: "Complaints",
                column: "ComplaintTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_CustomerId",
                table: "Complaints",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_LinkedToId",
                table: "Complaints",
                column: "LinkedToId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_OfficeId_ComplaintTypeId_Channel_ReceivedAtUtc_Status_Division",
                table: "Complaints",
                columns: new[] { "OfficeId", "ComplaintTypeId", "Channel", "ReceivedAtUtc", "Status", "Division" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_OfficeId_ComplaintTypeId_Status_ClosedAtUtc_DeadlineAtUtc_Division",
                table: "Complaints",
                columns: new[] { "OfficeId", "ComplaintTypeId", "Status", "ClosedAtUtc", "DeadlineAtUtc", "Division" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_OfficeId_Division_Status",
                table: "Complaints",
                columns: new[] { "OfficeId", "Division", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_OfficeId_ReceivedAtUtc",
                table: "Complaints",
                columns: new[] { "OfficeId", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_OfficeId_Status_ClosedAtUtc_DeadlineAtUtc",
                table: "Complaints",
                columns: new[] { "OfficeId", "Status", "ClosedAtUtc", "DeadlineAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_OfficeId_Status_DeadlineAtUtc",
                table: "Complaints",
                columns: new[] { "OfficeId", "Status", "DeadlineAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ReceptionNumber",
                table: "Complaints",
                column: "ReceptionNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintTypes_Code",
                table: "ComplaintTypes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OfficeId_AccountNumber",
                table: "Customers",
                columns: new[] { "OfficeId", "AccountNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OfficeId_District",
                table: "Customers",
                columns: new[] { "OfficeId", "District" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OfficeId_HolderName",
                table: "Customers",
                columns: new[] { "OfficeId", "HolderName" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OfficeId_Id",
                table: "Customers",
                columns: new[] { "OfficeId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OfficeId_PhoneDigits",
                table: "Customers",
                columns: new[] { "OfficeId", "PhoneDigits" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_OfficeId_Id",
                table: "ImportRuns",
                columns: new[] { "OfficeId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_State",
                table: "ImportRuns",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_LeakReductions_ComplaintId",
                table: "LeakReductions",
                column: "ComplaintId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LeakReductions_CustomerId_LeakPeriodEnd",
                table: "LeakReductions",
                columns: new[] { "CustomerId", "LeakPeriodEnd" });

            migrationBuilder.CreateIndex(
                name: "IX_LeakReductions_DiagnosisComplaintId",
                table: "LeakReductions",
                column: "DiagnosisComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_LeakReductions_OfficeId_Status",
                table: "LeakReductions",
                columns: new[] { "OfficeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_LeakReductions_OneApprovedPerLeakPeriod",
                table: "LeakReductions",
                columns: new[] { "CustomerId", "LeakPeriodEnd" },
                unique: true,
                filter: "\"Status\" = 'approved'");

            migrationBuilder.CreateIndex(
                name: "IX_LeakReductions_SurgeCaseId",
                table: "LeakReductions",
                column: "SurgeCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_MeterReadings_CustomerId_PeriodEnd",
                table: "MeterReadings",
                columns: new[] { "CustomerId", "PeriodEnd" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeterReadings_PeriodEnd",
                table: "MeterReadings",
                column: "PeriodEnd");

            migrationBuilder.CreateIndex(
                name: "IX_Offices_ShortName",
                table: "Offices",
                column: "ShortName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ComplaintId",
                table: "OutboxMessages",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_OfficeId",
                table: "OutboxMessages",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SentAtUtc_CreatedAtUtc",
                table: "OutboxMessages",
                columns: new[] { "SentAtUtc", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PanelAnswers_ComplaintId",
                table: "PanelAnswers",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelAnswers_RoundId_ComplaintId_Item",
                table: "PanelAnswers",
                columns: new[] { "RoundId", "ComplaintId", "Item" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PanelCases_ComplaintId",
                table: "PanelCases",
                column: "ComplaintId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PanelCases_MemberId",
                table: "PanelCases",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelCases_RoundId",
                table: "PanelCases",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelMembers_OfficeId",
                table: "PanelMembers",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelRounds_OfficeId_Year_Month",
                table: "PanelRounds",
                columns: new[] { "OfficeId", "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceTargets_OfficeId_Year_Measure",
                table: "PerformanceTargets",
                columns: new[] { "OfficeId", "Year", "Measure" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PermissionChanges_AtUtc",
                table: "PermissionChanges",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_PermissionChanges_OfficeId_AtUtc",
                table: "PermissionChanges",
                columns: new[] { "OfficeId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PermissionChanges_TargetUserId",
                table: "PermissionChanges",
                column: "TargetUserId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataAccesses_OfficeId_AtUtc",
                table: "PersonalDataAccesses",
                columns: new[] { "OfficeId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataAccesses_SubjectKind_SubjectKey",
                table: "PersonalDataAccesses",
                columns: new[] { "SubjectKind", "SubjectKey" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataAccesses_UserId",
                table: "PersonalDataAccesses",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicHolidays_Date",
                table: "PublicHolidays",
                column: "Date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReductionDocuments_ReductionId",
                table: "ReductionDocuments",
                column: "ReductionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReductionExports_OfficeId_CreatedAtUtc",
                table: "ReductionExports",
                columns: new[] { "OfficeId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReductionRates_UseType_EffectiveFrom",
                table: "ReductionRates",
                columns: new[] { "UseType", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportSnapshots_OfficeId_Kind_Period_Version",
                table: "ReportSnapshots",
                columns: new[] { "OfficeId", "Kind", "Period", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScanRuns_OfficeId_Period",
                table: "ScanRuns",
                columns: new[] { "OfficeId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_SignInAttempts_Account_AtUtc",
                table: "SignInAttempts",
                columns: new[] { "Account", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SignInAttempts_AtUtc",
                table: "SignInAttempts",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_SignInAttempts_IpAddress_AtUtc",
                table: "SignInAttempts",
                columns: new[] { "IpAddress", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffLeaves_OfficeId",
                table: "StaffLeaves",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffLeaves_StaffId_From_To",
                table: "StaffLeaves",
                columns: new[] { "StaffId", "From", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_SurgeCases_CustomerId_Period",
                table: "SurgeCases",
                columns: new[] { "CustomerId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurgeCases_DiagnosisComplaintId",
                table: "SurgeCases",
                column: "DiagnosisComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_SurgeCases_OfficeId_Period_Status",
                table: "SurgeCases",
                columns: new[] { "OfficeId", "Period", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_TariffRates_UseType_Charge_EffectiveFrom_FromM3",
                table: "TariffRates",
                columns: new[] { "UseType", "Charge", "EffectiveFrom", "FromM3" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitOutcomes_ComplaintId",
                table: "VisitOutcomes",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitOutcomes_VisitId",
                table: "VisitOutcomes",
                column: "VisitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitPhotos_VisitId",
                table: "VisitPhotos",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_ComplaintId",
                table: "Visits",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_OfficeId",
                table: "Visits",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_StaffId_Date_Window",
                table: "Visits",
                columns: new[] { "StaffId", "Date", "Window" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessLogReviews");

            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "AppSettings");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "BestPractices");

            migrationBuilder.DropTable(
                name: "ComplaintEvents");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "ImportRuns");

            migrationBuilder.DropTable(
                name: "MessageTemplates");

            migrationBuilder.DropTable(
                name: "MeterReadings");

            migrationBuilder.DropTable(
                name: "OfficeSequences");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "PanelAnswers");

            migrationBuilder.DropTable(
                name: "PanelCases");

            migrationBuilder.DropTable(
                name: "PanelTargets");

            migrationBuilder.DropTable(
                name: "PerformanceTargets");

            migrationBuilder.DropTable(
                name: "PermissionChanges");

            migrationBuilder.DropTable(
                name: "PersonalDataAccesses");

            migrationBuilder.DropTable(
                name: "PublicHolidays");

            migrationBuilder.DropTable(
                name: "ReductionDocuments");

            migrationBuilder.DropTable(
                name: "ReductionExports");

            migrationBuilder.DropTable(
                name: "ReductionRates");

            migrationBuilder.DropTable(
                name: "ReportSnapshots");

            migrationBuilder.DropTable(
                name: "ScanRuns");

            migrationBuilder.DropTable(
                name: "SignInAttempts");

            migrationBuilder.DropTable(
                name: "StaffLeaves");

            migrationBuilder.DropTable(
                name: "SurgeCases");

            migrationBuilder.DropTable(
                name: "TariffRates");

            migrationBuilder.DropTable(
                name: "VisitOutcomes");

            migrationBuilder.DropTable(
                name: "VisitPhotos");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "PanelMembers");

            migrationBuilder.DropTable(
                name: "PanelRounds");

            migrationBuilder.DropTable(
                name: "LeakReductions");

            migrationBuilder.DropTable(
                name: "Visits");

            migrationBuilder.DropTable(
                name: "Complaints");

            migrationBuilder.DropTable(
                name: "ComplaintTypes");

            migrationBuilder.DropTable(
                name: "Customers");

            migrationBuilder.DropTable(
                name: "Offices");
        }
    }
}
