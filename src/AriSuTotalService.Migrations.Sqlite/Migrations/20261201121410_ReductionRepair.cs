using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AriSuTotalService.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReductionRepair : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RepairEvidence",
                table: "LeakReductions",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RepairedOn",
                table: "LeakReductions",
                type: "TEXT",
                nullable: true);

            // Every case opened before this change was a leak found and repaired (visit) or a receipt (application).
            migrationBuilder.Sql("UPDATE \"LeakReductions\" SET \"RepairedOn\" = \"LeakDate\", \"RepairEvidence\" = '수리 확인 (기존 건)' WHERE \"RepairedOn\" IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RepairEvidence",
                table: "LeakReductions");

            migrationBuilder.DropColumn(
                name: "RepairedOn",
                table: "LeakReductions");
        }
    }
}
