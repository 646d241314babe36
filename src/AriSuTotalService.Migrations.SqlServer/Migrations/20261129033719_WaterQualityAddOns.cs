using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AriSuTotalService.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class WaterQualityAddOns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AddOns",
                table: "VisitOutcomes",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AddOns",
                table: "VisitOutcomes");
        }
    }
}
