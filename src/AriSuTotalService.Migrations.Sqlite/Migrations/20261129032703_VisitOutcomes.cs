using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AriSuTotalService.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VisitOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VisitOutcomes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VisitId = table.Column<long>(type: "INTEGER", nullable: false),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    LeakFound = table.Column<bool>(type: "INTEGER", nullable: true),
                    LeakPlace = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Repaired = table.Column<bool>(type: "INTEGER", nullable: true),
                    RepairedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReadingBeforeM3 = table.Column<long>(type: "INTEGER", nullable: true),
                    ReadingAfterM3 = table.Column<long>(type: "INTEGER", nullable: true),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    FixedOnSite = table.Column<bool>(type: "INTEGER", nullable: true),
                    ResidualChlorine = table.Column<decimal>(type: "TEXT", precision: 9, scale: 3, nullable: true),
                    Iron = table.Column<decimal>(type: "TEXT", precision: 9, scale: 3, nullable: true),
                    Copper = table.Column<decimal>(type: "TEXT", precision: 9, scale: 3, nullable: true),
                    Turbidity = table.Column<decimal>(type: "TEXT", precision: 9, scale: 3, nullable: true),
                    Ph = table.Column<decimal>(type: "TEXT", precision: 9, scale: 3, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitOutcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitOutcomes_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitPhotos",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VisitId = table.Column<long>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitPhotos_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VisitOutcomes_ComplaintId",
                table: "VisitOutcomes",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitOutcomes_VisitId",
                table: "VisitOutcomes",
                column: "VisitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitPhotos_VisitId",
                table: "VisitPhotos",
                column: "VisitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VisitOutcomes");

            migrationBuilder.DropTable(
                name: "VisitPhotos");
        }
    }
}
