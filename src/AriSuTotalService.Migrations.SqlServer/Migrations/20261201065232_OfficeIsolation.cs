using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AriSuTotalService.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class OfficeIsolation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "OfficeId",
                table: "PermissionChanges",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // Each recorded permission change belongs to the office of the user or key it changed.
            migrationBuilder.Sql("""
                UPDATE "PermissionChanges" SET "OfficeId" = COALESCE(
                    (SELECT u."OfficeId" FROM "AspNetUsers" u WHERE u."Id" = "PermissionChanges"."TargetUserId"),
                    (SELECT k."OfficeId" FROM "ApiKeys" k WHERE CONCAT(N'api-key:', k."Id") = "PermissionChanges"."TargetUserId"),
                    (SELECT MIN(o."Id") FROM "Offices" o),
                    0);
                """);

            migrationBuilder.AddColumn<string>(
                name: "AdjustedBy",
                table: "LeakReductions",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SignInAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Account = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    IpAddress = table.Column<string>(type: "nvarchar(45)", maxLength: 45, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInAttempts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PermissionChanges_OfficeId_AtUtc",
                table: "PermissionChanges",
                columns: new[] { "OfficeId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LeakReductions_OneApprovedPerLeakPeriod",
                table: "LeakReductions",
                columns: new[] { "CustomerId", "LeakPeriodEnd" },
                unique: true,
                filter: "\"Status\" = 'approved'");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignInAttempts");

            migrationBuilder.DropIndex(
                name: "IX_PermissionChanges_OfficeId_AtUtc",
                table: "PermissionChanges");

            migrationBuilder.DropIndex(
                name: "IX_LeakReductions_OneApprovedPerLeakPeriod",
                table: "LeakReductions");

            migrationBuilder.DropColumn(
                name: "OfficeId",
                table: "PermissionChanges");

            migrationBuilder.DropColumn(
                name: "AdjustedBy",
                table: "LeakReductions");
        }
    }
}
