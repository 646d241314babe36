using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AriSuTotalService.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SqlServerDatabaseSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // ALTER DATABASE cannot run inside a transaction.
            migrationBuilder.Sql(AriSuTotalService.Infrastructure.Data.SqlServerSettings.RaiseCompatibilityLevel, suppressTransaction: true);
            migrationBuilder.Sql(AriSuTotalService.Infrastructure.Data.SqlServerSettings.ReadCommittedSnapshotOn, suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The settings stay: other applications on the database may rely on them.
        }
    }
}
