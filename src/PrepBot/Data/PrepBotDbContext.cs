using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PrepBot.Data;

/// <summary>
/// PrepBot's database. Schema changes go through migrations in <c>Data/Migrations</c>, made with
/// <c>dotnet ef migrations add &lt;Name&gt; --project src/PrepBot --context PrepBotDbContext --output-dir Data/Migrations</c>
/// (dotnet-ef 10.0.15) and applied at start-up by <see cref="DatabaseMigrator"/>. PostgreSQL has its own migrations of the
/// same model, on <see cref="Postgres.PostgresPrepBotDbContext"/> (see there for the command that makes them).
/// </summary>
public class PrepBotDbContext : DbContext
{
    public PrepBotDbContext(DbContextOptions<PrepBotDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's own context, which keeps its own migrations of this model.</summary>
    protected PrepBotDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Learner> Learners => Set<Learner>();

    public DbSet<CardState> CardStates => Set<CardState>();

    public DbSet<ReviewLog> ReviewLogs => Set<ReviewLog>();

    public DbSet<CardHold> CardHolds => Set<CardHold>();

    public DbSet<SqlAttempt> SqlAttempts => Set<SqlAttempt>();

    public DbSet<LearnerPause> LearnerPauses => Set<LearnerPause>();

    public DbSet<StarStory> StarStories => Set<StarStory>();

    public DbSet<GuildDailySettings> GuildDailySettings => Set<GuildDailySettings>();

    public DbSet<DailyPost> DailyPosts => Set<DailyPost>();

    public DbSet<MockSession> MockSessions => Set<MockSession>();

    public DbSet<MockFeedback> MockFeedbacks => Set<MockFeedback>();

    public DbSet<MockQueueEntry> MockQueueEntries => Set<MockQueueEntry>();

    public DbSet<MockScheduledSession> MockScheduledSessions => Set<MockScheduledSession>();

    public DbSet<StudyDay> StudyDays => Set<StudyDay>();

    public DbSet<GuildLearner> GuildLearners => Set<GuildLearner>();

    public DbSet<LeaderboardOptOut> LeaderboardOptOuts => Set<LeaderboardOptOut>();

    public DbSet<LearnerSettings> LearnerSettings => Set<LearnerSettings>();

    public DbSet<ReminderDelivery> ReminderDeliveries => Set<ReminderDelivery>();

    public DbSet<FsrsProfile> FsrsProfiles => Set<FsrsProfile>();

    public DbSet<InterviewPlan> InterviewPlans => Set<InterviewPlan>();

    public DbSet<IdentifyBucket> IdentifyBuckets => Set<IdentifyBucket>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored as Unix milliseconds: SQLite compares and indexes integers exactly,
        // whereas DateTimeOffset text does not order across offsets.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PrepBotDbContext).Assembly);

    private sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
        value => StorageEncoding.Millis(value),
        value => StorageEncoding.Instant(value));
}
