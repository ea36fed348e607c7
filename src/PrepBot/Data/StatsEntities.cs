using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PrepBot.Data;

/// <summary>
/// A local study day on which a learner graded at least one card, with that day's counts. The day is fixed when the
/// grade is recorded, in the learner's time zone at that moment, so moving to another zone never shifts or loses a day
/// already studied. Streaks, the activity heatmap, retention and the weekly leaderboard read this table.
/// </summary>
public sealed class StudyDay
{
    public long LearnerId { get; set; }

    /// <summary>The study day (04:00 to 04:00 local, see <c>StudyCalendar</c>).</summary>
    public DateOnly Day { get; set; }

    /// <summary>Every grade of the day, same-day re-drills included.</summary>
    public int Reviews { get; set; }

    /// <summary>Grades that count for retention and the leaderboard: new cards and scheduled reviews, not re-drills.</summary>
    public int Scored { get; set; }

    /// <summary>Of <see cref="Scored"/>, the grades of 3 (Hard) or better.</summary>
    public int Correct { get; set; }
}

/// <summary>A learner who has used PrepBot in a server: the server's leaderboard ranks them.</summary>
public sealed class GuildLearner
{
    /// <summary>The server's id (a Discord snowflake).</summary>
    public required string GuildId { get; set; }

    public long LearnerId { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }
}

/// <summary>A learner who asked not to appear on leaderboards (<c>/me leaderboard show:off</c>).</summary>
public sealed class LeaderboardOptOut
{
    public long LearnerId { get; set; }

    public DateTimeOffset OptedOutAt { get; set; }
}

internal sealed class StudyDayConfiguration : IEntityTypeConfiguration<StudyDay>
{
    public void Configure(EntityTypeBuilder<StudyDay> builder)
    {
        // The key is the index every reader uses: one learner's days (streaks, heatmap), or a week of them (leaderboard).
        builder.HasKey(d => new { d.LearnerId, d.Day });
        builder.HasOne<Learner>().WithMany().HasForeignKey(d => d.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GuildLearnerConfiguration : IEntityTypeConfiguration<GuildLearner>
{
    public void Configure(EntityTypeBuilder<GuildLearner> builder)
    {
        // "The learners of this server" is a range of the key.
        builder.HasKey(g => new { g.GuildId, g.LearnerId });
        builder.Property(g => g.GuildId).HasMaxLength(32);
        builder.HasOne<Learner>().WithMany().HasForeignKey(g => g.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LeaderboardOptOutConfiguration : IEntityTypeConfiguration<LeaderboardOptOut>
{
    public void Configure(EntityTypeBuilder<LeaderboardOptOut> builder)
    {
        builder.HasKey(o => o.LearnerId);
        builder.HasOne<Learner>().WithOne().HasForeignKey<LeaderboardOptOut>(o => o.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
