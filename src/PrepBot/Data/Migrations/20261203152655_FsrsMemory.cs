using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrepBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class FsrsMemory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "PreviousDifficulty",
                table: "ReviewLogs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "PreviousStability",
                table: "ReviewLogs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Difficulty",
                table: "CardStates",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Stability",
                table: "CardStates",
                type: "REAL",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FsrsProfiles",
                columns: table => new
                {
                    LearnerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Scheduler = table.Column<int>(type: "INTEGER", nullable: false),
                    DesiredRetention = table.Column<double>(type: "REAL", nullable: true),
                    Weights = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    FittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FittedReviews = table.Column<int>(type: "INTEGER", nullable: true),
                    DefaultLogLoss = table.Column<double>(type: "REAL", nullable: true),
                    FittedLogLoss = table.Column<double>(type: "REAL", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FsrsProfiles", x => x.LearnerId);
                    table.ForeignKey(
                        name: "FK_FsrsProfiles_Learners_LearnerId",
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
                name: "FsrsProfiles");

            migrationBuilder.DropColumn(
                name: "PreviousDifficulty",
                table: "ReviewLogs");

            migrationBuilder.DropColumn(
                name: "PreviousStability",
                table: "ReviewLogs");

            migrationBuilder.DropColumn(
                name: "Difficulty",
                table: "CardStates");

            migrationBuilder.DropColumn(
                name: "Stability",
                table: "CardStates");
        }
    }
}
