using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PrepBot.Data;

/// <summary>What a mock interview practises; decides the card kind, the session length and the feedback areas.</summary>
public enum MockKind
{
    Behavioral,
    Design,
    Sql,
}

/// <summary>Where a mock interview session is in its life; only <see cref="Finished"/> and <see cref="Expired"/> are final.</summary>
public enum MockState
{
    /// <summary>The lobby message is up; one or both seats are empty.</summary>
    Lobby,

    /// <summary>A round is running in the private thread; timers post the time left.</summary>
    Active,

    /// <summary>The round ended; the two are filling in feedback.</summary>
    Feedback,

    /// <summary>Both feedbacks of round 1 are in; either may swap roles for round 2.</summary>
    RoundDone,

    Finished,

    /// <summary>Nobody (or only one person) joined in time, or the session could not start.</summary>
    Expired,
}

/// <summary>Who wrote a feedback about whom in a round.</summary>
public enum MockFeedbackDirection
{
    /// <summary>The interviewer scores the candidate on the kind's answer areas.</summary>
    ForCandidate,

    /// <summary>The candidate scores the interviewer on how they ran the interview.</summary>
    ForInterviewer,
}

/// <summary>
/// One mock interview between two learners in a server channel: a lobby, then up to two rounds (roles swapped in the
/// second) in one private thread. Forgetting either learner deletes the whole session, feedback included (see README).
/// </summary>
public sealed class MockSession
{
    public long Id { get; set; }

    public required string GuildId { get; set; }

    /// <summary>The channel of the lobby; the private thread is started there.</summary>
    public required string ChannelId { get; set; }

    public MockKind Kind { get; set; }

    public MockState State { get; set; }

    /// <summary>The learner who ran <c>/mock start</c> (or whose queue entry opened it).</summary>
    public long HostId { get; set; }

    /// <summary><c>with:@member</c>: the Discord user id of the only person who may take the other seat.</summary>
    public string? InvitedUserId { get; set; }

    public long? InterviewerId { get; set; }

    public long? CandidateId { get; set; }

    /// <summary>The card of the current round.</summary>
    public string? CardId { get; set; }

    /// <summary>The card of round 1, kept when round 2 picks another.</summary>
    public string? FirstCardId { get; set; }

    public int Round { get; set; } = 1;

    public string? LobbyMessageId { get; set; }

    public string? ThreadId { get; set; }

    /// <summary>The scheduled cohort session whose reminder opened this lobby, if any (one lobby per schedule).</summary>
    public long? ScheduledSessionId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the current round started.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When the current round's time is up.</summary>
    public DateTimeOffset? EndsAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>When a waiting state (lobby, feedback, swap) gives up and frees the people in it.</summary>
    public DateTimeOffset? AbandonAt { get; set; }

    /// <summary>Timer messages of the current round already posted (<see cref="Features.Mock.MockTimerMark"/> bits).</summary>
    public int PostedMarks { get; set; }
}

/// <summary>Scores (1–5 per area of the kind) and free text one participant gave the other after a round.</summary>
public sealed class MockFeedback
{
    /// <summary>Longest free text a feedback may carry, in characters (the modal allows no more either).</summary>
    public const int MaxNotesLength = 1000;

    public long Id { get; set; }

    public long SessionId { get; set; }

    public int Round { get; set; }

    public MockFeedbackDirection Direction { get; set; }

    public long FromLearnerId { get; set; }

    public long ToLearnerId { get; set; }

    public required string CardId { get; set; }

    public int Score1 { get; set; }

    public int Score2 { get; set; }

    public int Score3 { get; set; }

    public int Score4 { get; set; }

    public string Notes { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A learner waiting (<c>/mock queue</c>) to be matched with someone in the same server for a kind.</summary>
public sealed class MockQueueEntry
{
    public long Id { get; set; }

    public required string GuildId { get; set; }

    public required string ChannelId { get; set; }

    public long LearnerId { get; set; }

    public MockKind Kind { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>A cohort session (<c>/mock schedule</c>): at <see cref="StartsAt"/> a reminder with a lobby goes to the channel.</summary>
public sealed class MockScheduledSession
{
    public long Id { get; set; }

    public required string GuildId { get; set; }

    public required string ChannelId { get; set; }

    public MockKind Kind { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public long CreatedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set once the reminder is posted; a restart never posts it again.</summary>
    public DateTimeOffset? PostedAt { get; set; }
}

internal sealed class MockSessionConfiguration : IEntityTypeConfiguration<MockSession>
{
    public void Configure(EntityTypeBuilder<MockSession> builder)
    {
        builder.Property(s => s.GuildId).HasMaxLength(32);
        builder.Property(s => s.ChannelId).HasMaxLength(32);
        builder.Property(s => s.InvitedUserId).HasMaxLength(32);
        builder.Property(s => s.CardId).HasMaxLength(64);
        builder.Property(s => s.FirstCardId).HasMaxLength(64);
        builder.Property(s => s.LobbyMessageId).HasMaxLength(32);
        builder.Property(s => s.ThreadId).HasMaxLength(32);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(16);

        // Forgetting either participant (or the host) deletes the whole session: half a shared record still points at them.
        builder.HasOne<Learner>().WithMany().HasForeignKey(s => s.HostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Learner>().WithMany().HasForeignKey(s => s.InterviewerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Learner>().WithMany().HasForeignKey(s => s.CandidateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MockScheduledSession>().WithMany().HasForeignKey(s => s.ScheduledSessionId).OnDelete(DeleteBehavior.SetNull);

        // A scheduled reminder that fires again after a restart finds its lobby instead of opening a second one.
        builder.HasIndex(s => s.ScheduledSessionId).IsUnique();

        // The registrar and "is this learner busy?" read open sessions by state.
        builder.HasIndex(s => s.State);
    }
}

internal sealed class MockFeedbackConfiguration : IEntityTypeConfiguration<MockFeedback>
{
    public void Configure(EntityTypeBuilder<MockFeedback> builder)
    {
        builder.Property(f => f.CardId).HasMaxLength(64);
        builder.Property(f => f.Notes).HasMaxLength(MockFeedback.MaxNotesLength);
        builder.Property(f => f.Direction).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<MockSession>().WithMany().HasForeignKey(f => f.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Learner>().WithMany().HasForeignKey(f => f.FromLearnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Learner>().WithMany().HasForeignKey(f => f.ToLearnerId).OnDelete(DeleteBehavior.Cascade);

        // One feedback per person and round: a double submit cannot count twice.
        builder.HasIndex(f => new { f.SessionId, f.Round, f.FromLearnerId }).IsUnique();
        builder.HasIndex(f => f.ToLearnerId);
    }
}

internal sealed class MockQueueEntryConfiguration : IEntityTypeConfiguration<MockQueueEntry>
{
    public void Configure(EntityTypeBuilder<MockQueueEntry> builder)
    {
        builder.Property(q => q.GuildId).HasMaxLength(32);
        builder.Property(q => q.ChannelId).HasMaxLength(32);
        builder.Property(q => q.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Learner>().WithMany().HasForeignKey(q => q.LearnerId).OnDelete(DeleteBehavior.Cascade);

        // One place in a server's queue per learner.
        builder.HasIndex(q => new { q.GuildId, q.LearnerId }).IsUnique();
        builder.HasIndex(q => new { q.GuildId, q.Kind, q.JoinedAt });
    }
}

internal sealed class MockScheduledSessionConfiguration : IEntityTypeConfiguration<MockScheduledSession>
{
    public void Configure(EntityTypeBuilder<MockScheduledSession> builder)
    {
        builder.Property(s => s.GuildId).HasMaxLength(32);
        builder.Property(s => s.ChannelId).HasMaxLength(32);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Learner>().WithMany().HasForeignKey(s => s.CreatedById).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.PostedAt, s.StartsAt });
    }
}
