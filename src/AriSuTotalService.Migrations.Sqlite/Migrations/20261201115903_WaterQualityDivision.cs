using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AriSuTotalService.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WaterQualityDivision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The plan gives water-quality complaints to 행정지원과; an office that already chose another division keeps it.
            migrationBuilder.Sql("UPDATE \"ComplaintTypes\" SET \"HandlingDivision\" = '행정지원과' WHERE \"Id\" = 11 AND \"HandlingDivision\" = '현장민원과';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"ComplaintTypes\" SET \"HandlingDivision\" = '현장민원과' WHERE \"Id\" = 11 AND \"HandlingDivision\" = '행정지원과';");
        }
    }
}
