using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AriSuTotalService.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ContractsKept : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Imports end in the scan states (CONTRACTS.md): what finished well is "completed".
            migrationBuilder.Sql("UPDATE ImportRuns SET State = 'completed' WHERE State = 'succeeded';");

            migrationBuilder.AddColumn<DateTime>(
                name: "SkippedAtUtc",
                table: "OutboxMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WarningCount",
                table: "ImportRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Warnings",
                table: "ImportRuns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressDetail",
                table: "Customers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MeterInstalledOn",
                table: "Customers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PostalCode",
                table: "Customers",
                type: "TEXT",
                unicode: false,
                maxLength: 7,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE ImportRuns SET State = 'succeeded' WHERE State = 'completed';");

            migrationBuilder.DropColumn(
                name: "SkippedAtUtc",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "WarningCount",
                table: "ImportRuns");

            migrationBuilder.DropColumn(
                name: "Warnings",
                table: "ImportRuns");

            migrationBuilder.DropColumn(
                name: "AddressDetail",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "MeterInstalledOn",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "PostalCode",
                table: "Customers");
        }
    }
}
