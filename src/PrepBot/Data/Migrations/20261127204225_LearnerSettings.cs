using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrepBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class LearnerSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LearnerSettings",
                columns: table => new
                {
                    LearnerId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReminderTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    ReminderOff = table.Column<bool>(type: "INTEGER", nullable: false),
                    DailyReviewCap = table.Column<int>(type: "INTEGER", nullable: true),
                    DailyNewCap = table.Column<int>(type: "INTEGER", nullable: true),
                    DmChannelId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ReminderDay = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReminderOutcome = table.Column<int>(type: "INTEGER", nullable: false),
                    ReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DmFailedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DmFailureReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DmClosed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PauseShiftedCardIds = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearnerSettings", x => x.LearnerId);
                    table.ForeignKey(
                        name: "FK_LearnerSettings_Learners_LearnerId",
                        column: x => x.LearnerId,
                        principalTable: "Learners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LearnerSettings");
        }
    }
}
