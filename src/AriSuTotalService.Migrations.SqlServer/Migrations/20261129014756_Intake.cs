using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AriSuTotalService.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Intake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_OfficeId_Phone",
                table: "Customers");

            migrationBuilder.AddColumn<string>(
                name: "PhoneDigits",
                table: "Customers",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ExtensionReason",
                table: "Complaints",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OriginalDeadlineAtUtc",
                table: "Complaints",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "PauseReason",
                table: "Complaints",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PausedAtUtc",
                table: "Complaints",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PreferredVisitDate",
                table: "Complaints",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreferredVisitWindow",
                table: "Complaints",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OfficeId = table.Column<int>(type: "int", nullable: false),
                    ComplaintId = table.Column<long>(type: "bigint", nullable: true),
                    ToPhone = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
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

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OfficeId_HolderName",
                table: "Customers",
                columns: new[] { "OfficeId", "HolderName" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OfficeId_PhoneDigits",
                table: "Customers",
                columns: new[] { "OfficeId", "PhoneDigits" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_OfficeId_Division_Status",
                table: "Complaints",
                columns: new[] { "OfficeId", "Division", "Status" });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_Customers_OfficeId_HolderName",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_OfficeId_PhoneDigits",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_OfficeId_Division_Status",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "PhoneDigits",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "ExtensionReason",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "OriginalDeadlineAtUtc",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "PauseReason",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "PausedAtUtc",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "PreferredVisitDate",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "PreferredVisitWindow",
                table: "Complaints");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OfficeId_Phone",
                table: "Customers",
                columns: new[] { "OfficeId", "Phone" });
        }
    }
}
