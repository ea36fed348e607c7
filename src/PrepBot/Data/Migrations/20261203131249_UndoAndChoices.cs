using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrepBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class UndoAndChoices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewLogs_LearnerId_CardId_StateVersion",
                table: "ReviewLogs");

            migrationBuilder.AddColumn<string>(
                name: "ChosenOptions",
                table: "ReviewLogs",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PreviousInRedrill",
                table: "ReviewLogs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PreviousLapses",
                table: "ReviewLogs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PreviousLastReviewedAt",
                table: "ReviewLogs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PreviousScheduledDue",
                table: "ReviewLogs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StudyDay",
                table: "ReviewLogs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "UndoneAt",
                table: "ReviewLogs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLogs_CardId",
                table: "ReviewLogs",
                column: "CardId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLogs_LearnerId_CardId_StateVersion",
                table: "ReviewLogs",
                columns: new[] { "LearnerId", "CardId", "StateVersion" },
                unique: true,
                filter: "\"UndoneAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewLogs_CardId",
                table: "ReviewLogs");

            migrationBuilder.DropIndex(
                name: "IX_ReviewLogs_LearnerId_CardId_StateVersion",
                table: "ReviewLogs");

            migrationBuilder.DropColumn(
                name: "ChosenOptions",
                table: "ReviewLogs");

            migrationBuilder.DropColumn(
                name: "PreviousInRedrill",
                table: "ReviewLogs");

            migrationBuilder.DropColumn(
                name: "PreviousLapses",
                table: "ReviewLogs");

            migrationBuilder.DropColumn(
                name: "PreviousLastReviewedAt",
                table: "ReviewLogs");

            migrationBuilder.DropColumn(
                name: "PreviousScheduledDue",
                table: "ReviewLogs");

            migrationBuilder.DropColumn(
                name: "StudyDay",
                table: "ReviewLogs");

            migrationBuilder.DropColumn(
                name: "UndoneAt",
                table: "ReviewLogs");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLogs_LearnerId_CardId_StateVersion",
                table: "ReviewLogs",
                columns: new[] { "LearnerId", "CardId", "StateVersion" },
                unique: true);
        }
    }
}
