using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PrepBot.Data;

/// <summary>Which algorithm dates a learner's reviews.</summary>
public enum SchedulerKind
{
    /// <summary>SM-2, PrepBot's default.</summary>
    Sm2 = 0,

    /// <summary>FSRS-6 at the learner's desired retention.</summary>
    Fsrs = 1,
}

/// <summary>
/// A learner's scheduler choice and FSRS parameters (<c>/me scheduler</c>, <c>/me retention</c>, <c>/me optimize</c>). One row
/// per learner, created on the first change; a learner without a row uses SM-2, FSRS-6's default weights and retention 0.90.
/// </summary>
public sealed class FsrsProfile
{
    public long LearnerId { get; set; }

    public SchedulerKind Scheduler { get; set; }

    /// <summary>Probability of recall a review is scheduled at, 0.70–0.97; null for the default (0.90).</summary>
    public double? DesiredRetention { get; set; }

    /// <summary>The 21 fitted weights w0..w20, comma-separated invariant numbers; null while the defaults are used.</summary>
    public string? Weights { get; set; }

    /// <summary>When the weights were last fitted (kept or not); null when never.</summary>
    public DateTimeOffset? FittedAt { get; set; }

    /// <summary>Grades the last fit trained and tested on.</summary>
    public int? FittedReviews { get; set; }

    /// <summary>Log loss of the default weights on the held-out part of the last fit.</summary>
    public double? DefaultLogLoss { get; set; }

    /// <summary>Log loss of the fitted weights on the same held-out part.</summary>
    public double? FittedLogLoss { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class FsrsProfileConfiguration : IEntityTypeConfiguration<FsrsProfile>
{
    public void Configure(EntityTypeBuilder<FsrsProfile> builder)
    {
        builder.HasKey(p => p.LearnerId);
        builder.Property(p => p.LearnerId).ValueGeneratedNever();
        builder.Property(p => p.Weights).HasMaxLength(512);
        builder.HasOne<Learner>().WithOne().HasForeignKey<FsrsProfile>(p => p.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
