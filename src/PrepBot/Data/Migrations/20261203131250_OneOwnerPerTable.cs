using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrepBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class OneOwnerPerTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ShiftedCardIds",
                table: "LearnerPauses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReminderDeliveries",
                columns: table => new
                {
                    LearnerId = table.Column<long>(type: "INTEGER", nullable: false),
                    DmChannelId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ReminderDay = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReminderOutcome = table.Column<int>(type: "INTEGER", nullable: false),
                    ReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DmFailedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DmFailureReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DmClosed = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderDeliveries", x => x.LearnerId);
                    table.ForeignKey(
                        name: "FK_ReminderDeliveries_Learners_LearnerId",
                        column: x => x.LearnerId,
                        principalTable: "Learners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The reminder's delivery state moves to its own table (owned by the reminders' store), and the cards a pause
            // moved to the pause itself; learners' rows keep their values.
            migrationBuilder.Sql("""
                INSERT INTO ReminderDeliveries (LearnerId, DmChannelId, ReminderDay, ReminderOutcome, ReminderSentAt, DmFailedAt, DmFailureReason, DmClosed, UpdatedAt)
                SELECT LearnerId, DmChannelId, ReminderDay, ReminderOutcome, ReminderSentAt, DmFailedAt, DmFailureReason, DmClosed, UpdatedAt
                FROM LearnerSettings
                WHERE ReminderDay IS NOT NULL OR DmChannelId IS NOT NULL OR DmFailedAt IS NOT NULL OR DmClosed <> 0
                """);
            migrationBuilder.Sql("""
                UPDATE LearnerPauses
                SET ShiftedCardIds = (SELECT s.PauseShiftedCardIds FROM LearnerSettings s WHERE s.LearnerId = LearnerPauses.LearnerId)
                WHERE Id IN (SELECT MAX(Id) FROM LearnerPauses GROUP BY LearnerId)
                """);

            // SQLite drops a column in place (3.35+), inside the migration's transaction; EF's DropColumn would rebuild the
            // table with foreign keys switched off, outside any transaction.
            migrationBuilder.Sql("ALTER TABLE LearnerSettings DROP COLUMN DmChannelId;");
            migrationBuilder.Sql("ALTER TABLE LearnerSettings DROP COLUMN DmClosed;");
            migrationBuilder.Sql("ALTER TABLE LearnerSettings DROP COLUMN DmFailedAt;");
            migrationBuilder.Sql("ALTER TABLE LearnerSettings DROP COLUMN DmFailureReason;");
            migrationBuilder.Sql("ALTER TABLE LearnerSettings DROP COLUMN PauseShiftedCardIds;");
            migrationBuilder.Sql("ALTER TABLE LearnerSettings DROP COLUMN ReminderDay;");
            migrationBuilder.Sql("ALTER TABLE LearnerSettings DROP COLUMN ReminderOutcome;");
            migrationBuilder.Sql("ALTER TABLE LearnerSettings DROP COLUMN ReminderSentAt;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DmChannelId",
                table: "LearnerSettings",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DmClosed",
                table: "LearnerSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "DmFailedAt",
                table: "LearnerSettings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DmFailureReason",
                table: "LearnerSettings",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PauseShiftedCardIds",
                table: "LearnerSettings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReminderDay",
                table: "LearnerSettings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReminderOutcome",
                table: "LearnerSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "ReminderSentAt",
                table: "LearnerSettings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE LearnerSettings
                SET (DmChannelId, ReminderDay, ReminderOutcome, ReminderSentAt, DmFailedAt, DmFailureReason, DmClosed) =
                    (SELECT d.DmChannelId, d.ReminderDay, d.ReminderOutcome, d.ReminderSentAt, d.DmFailedAt, d.DmFailureReason, d.DmClosed
                     FROM ReminderDeliveries d WHERE d.LearnerId = LearnerSettings.LearnerId)
                WHERE LearnerId IN (SELECT LearnerId FROM ReminderDeliveries)
                """);
            migrationBuilder.Sql("""
                UPDATE LearnerSettings
                SET PauseShiftedCardIds = (SELECT p.ShiftedCardIds FROM LearnerPauses p WHERE p.LearnerId = LearnerSettings.LearnerId ORDER BY p.Id DESC LIMIT 1)
                """);

            migrationBuilder.DropTable(
                name: "ReminderDeliveries");

            migrationBuilder.DropColumn(
                name: "ShiftedCardIds",
                table: "LearnerPauses");
        }
    }
}
