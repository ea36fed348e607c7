using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PrepBot.Data;

internal sealed class LearnerConfiguration : IEntityTypeConfiguration<Learner>
{
    public void Configure(EntityTypeBuilder<Learner> builder)
    {
        builder.Property(l => l.Platform).HasMaxLength(16);
        builder.Property(l => l.PlatformUserId).HasMaxLength(64);
        builder.Property(l => l.DisplayName).HasMaxLength(100);
        builder.Property(l => l.TimeZoneId).HasMaxLength(64);
        builder.HasIndex(l => new { l.Platform, l.PlatformUserId }).IsUnique();
    }
}

internal sealed class CardStateConfiguration : IEntityTypeConfiguration<CardState>
{
    public void Configure(EntityTypeBuilder<CardState> builder)
    {
        builder.HasKey(s => new { s.LearnerId, s.CardId });
        builder.Property(s => s.CardId).HasMaxLength(64);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Learner>().WithMany().HasForeignKey(s => s.LearnerId).OnDelete(DeleteBehavior.Cascade);

        // The due queue: "this learner's cards shown at or before now, soonest first" is one range scan.
        builder.HasIndex(s => new { s.LearnerId, s.Due });
    }
}

internal sealed class CardHoldConfiguration : IEntityTypeConfiguration<CardHold>
{
    public void Configure(EntityTypeBuilder<CardHold> builder)
    {
        // One hold per learner and card: suspending a skipped card replaces the skip; resuming deletes the row.
        builder.HasKey(h => new { h.LearnerId, h.CardId });
        builder.Property(h => h.CardId).HasMaxLength(64);
        builder.HasOne<Learner>().WithMany().HasForeignKey(h => h.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewLogConfiguration : IEntityTypeConfiguration<ReviewLog>
{
    public void Configure(EntityTypeBuilder<ReviewLog> builder)
    {
        builder.Property(r => r.CardId).HasMaxLength(64);
        builder.HasOne<Learner>().WithMany().HasForeignKey(r => r.LearnerId).OnDelete(DeleteBehavior.Cascade);

        builder.Property(r => r.ChosenOptions).HasMaxLength(100);

        // One counted grade per learner, card and state version: a double click or a retried submit cannot count twice.
        // An undone grade is left out, so the card can be graded again from the state it went back to.
        builder.HasIndex(r => new { r.LearnerId, r.CardId, r.StateVersion }).IsUnique().HasFilter("\"UndoneAt\" IS NULL");

        // Content statistics read every learner's grades of one card.
        builder.HasIndex(r => r.CardId);

        // Streaks and "reviews this week" read a learner's log by time.
        builder.HasIndex(r => new { r.LearnerId, r.AnsweredAt });
    }
}

internal sealed class SqlAttemptConfiguration : IEntityTypeConfiguration<SqlAttempt>
{
    public void Configure(EntityTypeBuilder<SqlAttempt> builder)
    {
        builder.Property(a => a.CardId).HasMaxLength(64);
        builder.HasOne<Learner>().WithMany().HasForeignKey(a => a.LearnerId).OnDelete(DeleteBehavior.Cascade);

        // "How many tries has this learner made at this card since it was asked?" reads one range.
        builder.HasIndex(a => new { a.LearnerId, a.CardId, a.StateVersion });
    }
}

internal sealed class LearnerPauseConfiguration : IEntityTypeConfiguration<LearnerPause>
{
    public void Configure(EntityTypeBuilder<LearnerPause> builder)
    {
        builder.HasOne<Learner>().WithMany().HasForeignKey(p => p.LearnerId).OnDelete(DeleteBehavior.Cascade);

        // "Is this learner paused on day D?" and the streak walk read a learner's pauses by day.
        builder.HasIndex(p => new { p.LearnerId, p.FirstDay });
    }
}
