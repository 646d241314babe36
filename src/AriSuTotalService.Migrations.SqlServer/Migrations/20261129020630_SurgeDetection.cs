using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AriSuTotalService.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SurgeDetection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Days",
                table: "MeterReadings",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // Readings stored before the column existed get their day count.
            migrationBuilder.Sql("UPDATE [MeterReadings] SET [Days] = DATEDIFF(day, [PeriodStart], [PeriodEnd]);");

            migrationBuilder.CreateTable(
                name: "AppSettings",
                columns: table => new
                {
                    OfficeId = table.Column<int>(type: "int", nullable: false),
                    Key = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Value = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppSettings", x => new { x.OfficeId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "ScanRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OfficeId = table.Column<int>(type: "int", nullable: false),
                    Period = table.Column<DateOnly>(type: "date", nullable: false),
                    Trigger = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    State = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Compared = table.Column<int>(type: "int", nullable: false),
                    Surges = table.Column<int>(type: "int", nullable: false),
                    Notices = table.Column<int>(type: "int", nullable: false),
                    NewUse = table.Column<int>(type: "int", nullable: false),
                    Anomalies = table.Column<int>(type: "int", nullable: false),
                    Skipped = table.Column<int>(type: "int", nullable: false),
                    CasesAdded = table.Column<int>(type: "int", nullable: false),
                    Error = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
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
                name: "SurgeCases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OfficeId = table.Column<int>(type: "int", nullable: false),
                    Period = table.Column<DateOnly>(type: "date", nullable: false),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    OnDiagnosisList = table.Column<bool>(type: "bit", nullable: false),
                    OnNoticeList = table.Column<bool>(type: "bit", nullable: false),
                    PreviousUsageM3 = table.Column<long>(type: "bigint", nullable: false),
                    PreviousDays = table.Column<int>(type: "int", nullable: false),
                    CurrentUsageM3 = table.Column<long>(type: "bigint", nullable: false),
                    CurrentDays = table.Column<int>(type: "int", nullable: false),
                    PreviousPeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    CurrentPeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    IncreaseTenths = table.Column<int>(type: "int", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    ContactAttempts = table.Column<int>(type: "int", nullable: false),
                    NeedsLetter = table.Column<bool>(type: "bit", nullable: false),
                    ExplainedReason = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    AssigneeId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    DiagnosisComplaintId = table.Column<long>(type: "bigint", nullable: true),
                    LastContactAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_ScanRuns_OfficeId_Period",
                table: "ScanRuns",
                columns: new[] { "OfficeId", "Period" });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppSettings");

            migrationBuilder.DropTable(
                name: "ScanRuns");

            migrationBuilder.DropTable(
                name: "SurgeCases");

            migrationBuilder.DropColumn(
                name: "Days",
                table: "MeterReadings");
        }
    }
}
