using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrepBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class DailyQuestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DailyPosts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GuildId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LocalDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CardId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Nonce = table.Column<string>(type: "TEXT", maxLength: 25, nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ThreadId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PostedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevealedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyPosts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GuildDailySettings",
                columns: table => new
                {
                    GuildId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PostTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Mix = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CohortStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Paused = table.Column<bool>(type: "INTEGER", nullable: false),
                    ScheduledSince = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuildDailySettings", x => x.GuildId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DailyPosts_GuildId_CardId",
                table: "DailyPosts",
                columns: new[] { "GuildId", "CardId" });

            migrationBuilder.CreateIndex(
                name: "IX_DailyPosts_GuildId_LocalDate",
                table: "DailyPosts",
                columns: new[] { "GuildId", "LocalDate" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DailyPosts");

            migrationBuilder.DropTable(
                name: "GuildDailySettings");
        }
    }
}
