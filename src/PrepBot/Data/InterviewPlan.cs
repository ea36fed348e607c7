using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PrepBot.Data;

/// <summary>
/// The day of a learner's interview (<c>/me interview</c>), which <c>/stats</c>, <c>/plan</c>, new-card pacing, the review
/// order of the last two weeks and the reminder DM count down to. One row per learner, deleted by <c>date:off</c>;
/// owned by <c>Learning/InterviewStore</c>.
/// </summary>
public sealed class InterviewPlan
{
    /// <summary>Longest title kept (<c>/me interview title:</c>).</summary>
    public const int MaxTitleLength = 100;

    public long LearnerId { get; set; }

    /// <summary>The interview's calendar day in the learner's time zone.</summary>
    public DateOnly Date { get; set; }

    /// <summary>What the interview is for ("Data engineer, Acme"); null when not given.</summary>
    public string? Title { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class InterviewPlanConfiguration : IEntityTypeConfiguration<InterviewPlan>
{
    public void Configure(EntityTypeBuilder<InterviewPlan> builder)
    {
        builder.HasKey(p => p.LearnerId);
        builder.Property(p => p.LearnerId).ValueGeneratedNever();
        builder.Property(p => p.Title).HasMaxLength(InterviewPlan.MaxTitleLength);
        builder.HasOne<Learner>().WithOne().HasForeignKey<InterviewPlan>(p => p.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
