using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrepBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class MockInterviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MockQueueEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GuildId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LearnerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MockQueueEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MockQueueEntries_Learners_LearnerId",
                        column: x => x.LearnerId,
                        principalTable: "Learners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MockScheduledSessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GuildId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PostedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MockScheduledSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MockScheduledSessions_Learners_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "Learners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MockSessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GuildId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    HostId = table.Column<long>(type: "INTEGER", nullable: false),
                    InvitedUserId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    InterviewerId = table.Column<long>(type: "INTEGER", nullable: true),
                    CandidateId = table.Column<long>(type: "INTEGER", nullable: true),
                    CardId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FirstCardId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    LobbyMessageId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ThreadId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ScheduledSessionId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AbandonAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PostedMarks = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MockSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MockSessions_Learners_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Learners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MockSessions_Learners_HostId",
                        column: x => x.HostId,
                        principalTable: "Learners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MockSessions_Learners_InterviewerId",
                        column: x => x.InterviewerId,
                        principalTable: "Learners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MockSessions_MockScheduledSessions_ScheduledSessionId",
                        column: x => x.ScheduledSessionId,
                        principalTable: "MockScheduledSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "MockFeedbacks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FromLearnerId = table.Column<long>(type: "INTEGER", nullable: false),
                    ToLearnerId = table.Column<long>(type: "INTEGER", nullable: false),
                    CardId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Score1 = table.Column<int>(type: "INTEGER", nullable: false),
                    Score2 = table.Column<int>(type: "INTEGER", nullable: false),
                    Score3 = table.Column<int>(type: "INTEGER", nullable: false),
                    Score4 = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MockFeedbacks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MockFeedbacks_Learners_FromLearnerId",
                        column: x => x.FromLearnerId,
                        principalTable: "Learners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MockFeedbacks_Learners_ToLearnerId",
                        column: x => x.ToLearnerId,
                        principalTable: "Learners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MockFeedbacks_MockSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "MockSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MockFeedbacks_FromLearnerId",
                table: "MockFeedbacks",
                column: "FromLearnerId");

            migrationBuilder.CreateIndex(
                name: "IX_MockFeedbacks_SessionId_Round_FromLearnerId",
                table: "MockFeedbacks",
                columns: new[] { "SessionId", "Round", "FromLearnerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MockFeedbacks_ToLearnerId",
                table: "MockFeedbacks",
                column: "ToLearnerId");

            migrationBuilder.CreateIndex(
                name: "IX_MockQueueEntries_GuildId_Kind_JoinedAt",
                table: "MockQueueEntries",
                columns: new[] { "GuildId", "Kind", "JoinedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MockQueueEntries_GuildId_LearnerId",
                table: "MockQueueEntries",
                columns: new[] { "GuildId", "LearnerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MockQueueEntries_LearnerId",
                table: "MockQueueEntries",
                column: "LearnerId");

            migrationBuilder.CreateIndex(
                name: "IX_MockScheduledSessions_CreatedById",
                table: "MockScheduledSessions",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_MockScheduledSessions_PostedAt_StartsAt",
                table: "MockScheduledSessions",
                columns: new[] { "PostedAt", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MockSessions_CandidateId",
                table: "MockSessions",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_MockSessions_HostId",
                table: "MockSessions",
                column: "HostId");

            migrationBuilder.CreateIndex(
                name: "IX_MockSessions_InterviewerId",
                table: "MockSessions",
                column: "InterviewerId");

            migrationBuilder.CreateIndex(
                name: "IX_MockSessions_ScheduledSessionId",
                table: "MockSessions",
                column: "ScheduledSessionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MockSessions_State",
                table: "MockSessions",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MockFeedbacks");

            migrationBuilder.DropTable(
                name: "MockQueueEntries");

            migrationBuilder.DropTable(
                name: "MockSessions");

            migrationBuilder.DropTable(
                name: "MockScheduledSessions");
        }
    }
}
