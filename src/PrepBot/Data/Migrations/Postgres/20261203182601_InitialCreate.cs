using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PrepBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DailyPosts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GuildId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LocalDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CardId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChannelId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Nonce = table.Column<string>(type: "character varying(25)", maxLength: 25, nullable: false),
                    MessageId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ThreadId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    ClaimedAt = table.Column<long>(type: "bigint", nullable: false),
                    PostedAt = table.Column<long>(type: "bigint", nullable: true),
                    RevealedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyPosts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GuildDailySettings",
                columns: table => new
                {
                    GuildId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ChannelId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    PostTime = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Mix = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CohortStart = table.Column<DateOnly>(type: "date", nullable: true),
                    Paused = table.Column<bool>(type: "boolean", nullable: false),
                    ScheduledSince = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuildDailySettings", x => x.GuildId);
                });

            migrationBuilder.CreateTable(
                name: "IdentifyBuckets",
                columns: table => new
                {
                    Bucket = table.Column<int>(type: "integer", nullable: false),
                    LastIdentifyAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdentifyBuckets", x => x.Bucket);
                });

            migrationBuilder.CreateTable(
                name: "Learners",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Platform = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PlatformUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    PlanStart = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Learners", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CardHolds",
                columns: table => new
                {
                    LearnerId = table.Column<long>(type: "bigint", nullable: false),
                    CardId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Until = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CardHolds", x => new { x.LearnerId, x.CardId });
                    table.ForeignKey(
                        name: "FK_CardHolds_Learners_LearnerId",
                        column: x => x.LearnerId,
                        principalTable: "Learners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CardStates",
                columns: table => new
                {
                    LearnerId = table.Column<long>(type: "bigint", nullable: false),
                    CardId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EasinessFactor = table.Column<double>(type: "double precision", nullable: false),
                    IntervalDays = table.Column<int>(type: "integer", nullable: false),
                    Repetitions = table.Column<int>(type: "integer", nullable: false),
                    Lapses = table.Column<int>(type: "integer", nullable: false),
                    Due = table.Column<long>(type: "bigint", nullable: false),
                    ScheduledDue = table.Column<long>(type: "bigint", nullable: false),
                    InRedrill = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    FirstSeenAt = table.Column<long>(type: "bigint", nullable: false),
                    LastReviewedAt = table.Column<long>(type: "bigint", nullable: false),
                    Stability = table.Column<double>(type: "double precision", nullable: true),
                    Difficulty = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CardStates", x => new { x.LearnerId, x.CardId });
                    table.ForeignKey(
                        name: "FK_CardStates_Learners_LearnerId",
                        column: x => x.LearnerId,
                        principalTable: "Learners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FsrsProfiles",
                columns: table => new
                {
                    LearnerId = table.Column<long>(type: "bigint", nullable: false),
                    Scheduler = table.Column<int>(type: "integer", nullable: false),
                    DesiredRetention = table.Column<double>(type: "double precision", nullable: true),
                    Weights = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    FittedAt = table.Column<long>(type: "bigint", nullable: true),
                    FittedReviews = table.Column<int>(type: "integer", nullable: true),
                    DefaultLogLoss = table.Column<double>(type: "double precision", nullable: true),
                    FittedLogLoss = table.Column<double>(type: "double precision", nullable: true),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "GuildLearners",
                columns: table => new
                {
                    GuildId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LearnerId = table.Column<long>(type: "bigint", nullable: false),
                    FirstSeenAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuildLearners", x => new { x.GuildId, x.LearnerId });
                    table.ForeignKey(
                        name: "FK_GuildLearners_Learners_LearnerId",
                        column: x => x.LearnerId,
                        principalTable: "Learners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InterviewPlans",
                columns: table => new
                {
                    LearnerId = table.Column<long>(type: "bigint", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterviewPlans", x => x.LearnerId);
                    table.ForeignKey(
                        name: "FK_InterviewPlans_Learners_LearnerId",
                        column: x => x.LearnerId,
                        principalTable: "Learners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LeaderboardOptOuts",
                columns: table => new
                {
                    LearnerId = table.Column<long>(type: "bigint", nullable: false),
                    OptedOutAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeaderboardOptOuts", x => x.LearnerId);
                    table.ForeignKey(
                        name: "FK_LeaderboardOptOuts_Learners_LearnerId",
                        column: x => x.LearnerId,
                        principalTable: "Learners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LearnerPauses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LearnerId = table.Column<long>(type: "bigint", nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    ShiftedCardIds = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearnerPauses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearnerPauses_Learners_LearnerId",
                        column: x => x.LearnerId,
                        principalTable: "Learners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LearnerSettings",
                columns: table => new
                {
                    LearnerId = table.Column<long>(type: "bigint", nullable: false),
                    ReminderTime = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    ReminderOff = table.Column<bool>(type: "boolean", nullable: false),
                    DailyReviewCap = table.Column<int>(type: "integer", nullable: true),
                    DailyNewCap = table.Column<int>(type: "integer", nullable: true),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "MockQueueEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GuildId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ChannelId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LearnerId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    JoinedAt = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GuildId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ChannelId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartsAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedById = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    PostedAt = table.Column<long>(type: "bigint", nullable: true)
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
                name: "ReminderDeliveries",
                columns: table => new
                {
                    LearnerId = table.Column<long>(type: "bigint", nullable: false),
                    DmChannelId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ReminderDay = table.Column<DateOnly>(type: "date", nullable: true),
                    ReminderOutcome = table.Column<int>(type: "integer", nullable: false),
                    ReminderSentAt = table.Column<long>(type: "bigint", nullable: true),
                    DmFailedAt = table.Column<long>(type: "bigint", nullable: true),
                    DmFailureReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    DmClosed = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "ReviewLogs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LearnerId = table.Column<long>(type: "bigint", nullable: false),
                    CardId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StateVersion = table.Column<int>(type: "integer", nullable: false),
                    Quality = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    AnsweredAt = table.Column<long>(type: "bigint", nullable: false),
                    PreviousEasinessFactor = table.Column<double>(type: "double precision", nullable: false),
                    PreviousIntervalDays = table.Column<int>(type: "integer", nullable: false),
                    PreviousRepetitions = table.Column<int>(type: "integer", nullable: false),
                    PreviousDue = table.Column<long>(type: "bigint", nullable: true),
                    NextEasinessFactor = table.Column<double>(type: "double precision", nullable: false),
                    NextIntervalDays = table.Column<int>(type: "integer", nullable: false),
                    NextRepetitions = table.Column<int>(type: "integer", nullable: false),
                    NextDue = table.Column<long>(type: "bigint", nullable: false),
                    PreviousLapses = table.Column<int>(type: "integer", nullable: true),
                    PreviousScheduledDue = table.Column<long>(type: "bigint", nullable: true),
                    PreviousInRedrill = table.Column<bool>(type: "boolean", nullable: true),
                    PreviousLastReviewedAt = table.Column<long>(type: "bigint", nullable: true),
                    PreviousStability = table.Column<double>(type: "double precision", nullable: true),
                    PreviousDifficulty = table.Column<double>(type: "double precision", nullable: true),
                    StudyDay = table.Column<DateOnly>(type: "date", nullable: true),
                    UndoneAt = table.Column<long>(type: "bigint", nullable: true),
                    ChosenOptions = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewLogs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewLogs_Learners_LearnerId",
                        column: x => x.LearnerId,
                        principalTable: "Learners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SqlAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LearnerId = table.Column<long>(type: "bigint", nullable: false),
                    CardId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StateVersion = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    Query = table.Column<string>(type: "text", nullable: false),
                    HintUsed = table.Column<bool>(type: "boolean", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SqlAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SqlAttempts_Learners_LearnerId",
                        column: x => x.LearnerId,
                        principalTable: "Learners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StarStories",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LearnerId = table.Column<long>(type: "bigint", nullable: false),
                    CardId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StateVersion = table.Column<int>(type: "integer", nullable: false),
                    PromptTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Competencies = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Situation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Task = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Action = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Result = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Learned = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    SecondsTaken = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StarStories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StarStories_Learners_LearnerId",
                        column: x => x.LearnerId,
                        principalTable: "Learners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StudyDays",
                columns: table => new
                {
                    LearnerId = table.Column<long>(type: "bigint", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Reviews = table.Column<int>(type: "integer", nullable: false),
                    Scored = table.Column<int>(type: "integer", nullable: false),
                    Correct = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyDays", x => new { x.LearnerId, x.Day });
                    table.ForeignKey(
                        name: "FK_StudyDays_Learners_LearnerId",
                        column: x => x.LearnerId,
                        principalTable: "Learners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MockSessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GuildId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ChannelId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    HostId = table.Column<long>(type: "bigint", nullable: false),
                    InvitedUserId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    InterviewerId = table.Column<long>(type: "bigint", nullable: true),
                    CandidateId = table.Column<long>(type: "bigint", nullable: true),
                    CardId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FirstCardId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    LobbyMessageId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ThreadId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ScheduledSessionId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: true),
                    EndsAt = table.Column<long>(type: "bigint", nullable: true),
                    FinishedAt = table.Column<long>(type: "bigint", nullable: true),
                    AbandonAt = table.Column<long>(type: "bigint", nullable: true),
                    PostedMarks = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<long>(type: "bigint", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Direction = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FromLearnerId = table.Column<long>(type: "bigint", nullable: false),
                    ToLearnerId = table.Column<long>(type: "bigint", nullable: false),
                    CardId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Score1 = table.Column<int>(type: "integer", nullable: false),
                    Score2 = table.Column<int>(type: "integer", nullable: false),
                    Score3 = table.Column<int>(type: "integer", nullable: false),
                    Score4 = table.Column<int>(type: "integer", nullable: false),
                    Notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
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
                name: "IX_CardStates_LearnerId_Due",
                table: "CardStates",
                columns: new[] { "LearnerId", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_DailyPosts_GuildId_CardId",
                table: "DailyPosts",
                columns: new[] { "GuildId", "CardId" });

            migrationBuilder.CreateIndex(
                name: "IX_DailyPosts_GuildId_LocalDate",
                table: "DailyPosts",
                columns: new[] { "GuildId", "LocalDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuildLearners_LearnerId",
                table: "GuildLearners",
                column: "LearnerId");

            migrationBuilder.CreateIndex(
                name: "IX_LearnerPauses_LearnerId_FirstDay",
                table: "LearnerPauses",
                columns: new[] { "LearnerId", "FirstDay" });

            migrationBuilder.CreateIndex(
                name: "IX_Learners_Platform_PlatformUserId",
                table: "Learners",
                columns: new[] { "Platform", "PlatformUserId" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLogs_CardId",
                table: "ReviewLogs",
                column: "CardId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLogs_LearnerId_AnsweredAt",
                table: "ReviewLogs",
                columns: new[] { "LearnerId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLogs_LearnerId_CardId_StateVersion",
                table: "ReviewLogs",
                columns: new[] { "LearnerId", "CardId", "StateVersion" },
                unique: true,
                filter: "\"UndoneAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SqlAttempts_LearnerId_CardId_StateVersion",
                table: "SqlAttempts",
                columns: new[] { "LearnerId", "CardId", "StateVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_StarStories_LearnerId_CardId_StateVersion",
                table: "StarStories",
                columns: new[] { "LearnerId", "CardId", "StateVersion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StarStories_LearnerId_CreatedAt",
                table: "StarStories",
                columns: new[] { "LearnerId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CardHolds");

            migrationBuilder.DropTable(
                name: "CardStates");

            migrationBuilder.DropTable(
                name: "DailyPosts");

            migrationBuilder.DropTable(
                name: "FsrsProfiles");

            migrationBuilder.DropTable(
                name: "GuildDailySettings");

            migrationBuilder.DropTable(
                name: "GuildLearners");

            migrationBuilder.DropTable(
                name: "IdentifyBuckets");

            migrationBuilder.DropTable(
                name: "InterviewPlans");

            migrationBuilder.DropTable(
                name: "LeaderboardOptOuts");

            migrationBuilder.DropTable(
                name: "LearnerPauses");

            migrationBuilder.DropTable(
                name: "LearnerSettings");

            migrationBuilder.DropTable(
                name: "MockFeedbacks");

            migrationBuilder.DropTable(
                name: "MockQueueEntries");

            migrationBuilder.DropTable(
                name: "ReminderDeliveries");

            migrationBuilder.DropTable(
                name: "ReviewLogs");

            migrationBuilder.DropTable(
                name: "SqlAttempts");

            migrationBuilder.DropTable(
                name: "StarStories");

            migrationBuilder.DropTable(
                name: "StudyDays");

            migrationBuilder.DropTable(
                name: "MockSessions");

            migrationBuilder.DropTable(
                name: "MockScheduledSessions");

            migrationBuilder.DropTable(
                name: "Learners");
        }
    }
}
