using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AriSuTotalService.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Readings stored before the column existed get their day count.
            migrationBuilder.Sql("UPDATE \"MeterReadings\" SET \"Days\" = CAST(julianday(\"PeriodEnd\") - julianday(\"PeriodStart\") AS INTEGER);");

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
                    CasesAdded = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
