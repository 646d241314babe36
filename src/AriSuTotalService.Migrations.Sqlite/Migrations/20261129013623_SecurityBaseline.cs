using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AriSuTotalService.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

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
                name: "PermissionChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
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
