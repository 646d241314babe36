using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AriSuTotalService.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SecurityBaseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AnonymizedAtUtc",
                table: "Complaints",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AccessLogReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OfficeId = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Reviewer = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogReviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PermissionChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ByUserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    IpAddress = table.Column<string>(type: "nvarchar(45)", maxLength: 45, nullable: true),
                    TargetUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    TargetUserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Change = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Before = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    After = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PermissionChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PersonalDataAccesses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OfficeId = table.Column<int>(type: "int", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    IpAddress = table.Column<string>(type: "nvarchar(45)", maxLength: 45, nullable: true),
                    SubjectKind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    SubjectKey = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalDataAccesses", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogReviews_OfficeId_Month",
                table: "AccessLogReviews",
                columns: new[] { "OfficeId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_PermissionChanges_AtUtc",
                table: "PermissionChanges",
                column: "AtUtc");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessLogReviews");

            migrationBuilder.DropTable(
                name: "PermissionChanges");

            migrationBuilder.DropTable(
                name: "PersonalDataAccesses");

            migrationBuilder.DropColumn(
                name: "AnonymizedAtUtc",
                table: "Complaints");
        }
    }
}
